import Foundation

/// The time limit of ``withDeadline(_:onTimeout:_:)`` passed.
struct DeadlineExceeded: Error {}

/// Runs `operation`, and fails with ``DeadlineExceeded`` when it takes longer than `limit`.
///
/// On timeout the operation is cancelled and `onTimeout` runs first: for work that does not react
/// to cancellation (a PostgresNIO query), `onTimeout` closes the connection so the work ends. The
/// error that closing causes in the operation is reported as the timeout it is.
func withDeadline<T: Sendable>(
    _ limit: Duration,
    onTimeout: @escaping @Sendable () async -> Void = {},
    _ operation: @escaping @Sendable () async throws -> T
) async throws -> T {
    let expired = ExpiryFlag()
    return try await withThrowingTaskGroup(of: T.self) { group in
        group.addTask { try await operation() }
        group.addTask {
            try await Task.sleep(for: limit)
            expired.set()
            await onTimeout()
            throw DeadlineExceeded()
        }
        defer { group.cancelAll() }
        do {
            guard let first = try await group.next() else { throw DeadlineExceeded() }
            return first
        } catch {
            throw expired.isSet ? DeadlineExceeded() : error
        }
    }
}

/// Set once by the timer of ``withDeadline(_:onTimeout:_:)``.
private final class ExpiryFlag: @unchecked Sendable {
    private let lock = NSLock()
    private var value = false

    var isSet: Bool { lock.withLock { value } }

    func set() { lock.withLock { value = true } }
}
