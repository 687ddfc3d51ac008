import Dispatch

/// A value computed on another thread while the caller goes on; reading ``value`` waits for it.
///
/// `@unchecked Sendable` is sound here: `result` is written once, before `group.leave()`, and
/// read only after `group.wait()`, which orders the write before the read.
final class BackgroundValue<Value: Sendable>: @unchecked Sendable {
    private var result: Value?
    private let group = DispatchGroup()

    init(_ work: @escaping @Sendable () -> Value) {
        group.enter()
        DispatchQueue.global(qos: .userInitiated).async {
            self.result = work()
            self.group.leave()
        }
    }

    /// The computed value, once it is ready.
    var value: Value {
        group.wait()
        return result!
    }
}
