import Dispatch

/// Runs synchronous work that waits for threads of its own (the snapshot reader's and the
/// planner's background halves wait on a `DispatchGroup`) on a Dispatch thread, so that no
/// thread of Swift concurrency's cooperative pool is ever blocked by it.
enum BlockingWork {
    static func run<T: Sendable, Failure: Error>(_ work: @escaping @Sendable () throws(Failure) -> T) async throws(Failure) -> T {
        let result: Result<T, Failure> = await withCheckedContinuation { continuation in
            DispatchQueue.global(qos: .userInitiated).async {
                continuation.resume(returning: Result { () throws(Failure) in try work() })
            }
        }
        return try result.get()
    }
}
