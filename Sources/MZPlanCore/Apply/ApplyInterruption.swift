import Synchronization

/// A request to stop an apply, raised by SIGINT or SIGTERM (SPEC §10.4): the driver starts no new
/// statement, lets the one in flight finish, releases the lock and reports `interrupted`; waits
/// (readiness polls, a paced simulation, a blocking statement) watch it and end early.
package final class ApplyInterruption: Sendable {
    /// The signal that asked the apply to stop.
    package enum Signal: Int32, Error, Sendable {
        case interrupt = 2
        case terminate = 15

        /// `SIGINT` or `SIGTERM`.
        package var name: String { self == .interrupt ? "SIGINT" : "SIGTERM" }

        /// 128 + the signal's number, as shells report it: 130 or 143.
        package var exitStatus: ExitStatus { self == .interrupt ? .interrupted : .terminated }
    }

    private let raised = Atomic<Int32>(0)

    package init() {}

    /// Asks the apply to stop; the first signal is the one reported.
    package func request(_ signal: Signal) {
        _ = raised.compareExchange(expected: 0, desired: signal.rawValue, ordering: .relaxed)
    }

    /// The signal that asked the apply to stop, or nil while it may go on.
    package var requested: Signal? { Signal(rawValue: raised.load(ordering: .relaxed)) }

    /// Runs `operation`, cancelling it when a stop is requested meanwhile (checked every tenth of
    /// a second); then throws the ``Signal`` once the operation has ended.
    package func cancelling<T: Sendable>(_ operation: @escaping @Sendable () async throws -> T) async throws -> T {
        try await withThrowingTaskGroup(of: T?.self) { group in
            group.addTask { try await operation() }
            group.addTask {
                while self.requested == nil {
                    try await Task.sleep(for: .milliseconds(100))
                }
                return nil
            }
            defer { group.cancelAll() }
            while let result = try await group.next() {
                if let value = result { return value }
                // A stop was requested: cancel the operation and wait for it to end.
                group.cancelAll()
                _ = try? await group.next()
                throw requested ?? .interrupt
            }
            throw requested ?? .interrupt
        }
    }
}
