import Dispatch

/// Frees a value on another thread. Freeing the JSON tree of a 100 000-object plan takes about as
/// long as writing it, and whoever wrote it already has its bytes: the caller goes on (writes the
/// output, exits) while a pool thread frees it, or the process ends first.
enum BackgroundRelease {
    /// Takes the last reference to `value`: the caller must not keep another (pass it with `consume`).
    static func release<Value: Sendable>(_ value: consuming Value) {
        let box = Box(consume value)
        DispatchQueue.global(qos: .utility).async { box.value = nil }
    }

    /// The value, handed to the freeing thread whole: a closure capturing the value itself would
    /// leave the caller's copy to be freed last, on the caller's thread, when the pool is quick.
    private final class Box<Value: Sendable>: @unchecked Sendable {
        // Written once more, by the one thread the box is handed to.
        var value: Value?

        init(_ value: consuming Value) {
            self.value = consume value
        }
    }
}
