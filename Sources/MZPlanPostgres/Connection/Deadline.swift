/// The time limit of ``withDeadline(_:onTimeout:_:)`` passed.
struct DeadlineExceeded: Error {}

/// Runs `operation`, and fails with ``DeadlineExceeded`` when it takes longer than `limit`.
///
/// On timeout the operation is cancelled and `onTimeout` runs first: for work that does not react
/// to cancellation (a PostgresNIO query), `onTimeout` closes the connection so the work ends.
func withDeadline<T: Sendable>(
    _ limit: Duration,
    onTimeout: @escaping @Sendable () async -> Void = {},
    _ operation: @escaping @Sendable () async throws -> T
) async throws -> T {
    try await withThrowingTaskGroup(of: T.self) { group in
        group.addTask { try await operation() }
        group.addTask {
            try await Task.sleep(for: limit)
            await onTimeout()
            throw DeadlineExceeded()
        }
        defer { group.cancelAll() }
        guard let first = try await group.next() else { throw DeadlineExceeded() }
        return first
    }
}
