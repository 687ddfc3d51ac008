/// Keeps large inputs alive until the process exits, so that a command that is about to end
/// does not spend its last tenth of a second freeing a 100 000-object catalog object by object
/// (the operating system reclaims the memory at once). For one-shot commands only.
enum ProcessLifetime {
    private final class Box<Value>: @unchecked Sendable {
        let value: Value
        init(_ value: Value) { self.value = value }
    }

    /// Retains `value` until exit.
    static func keep<Value>(_ value: Value) {
        _ = Unmanaged.passRetained(Box(value))
    }
}
