import Dispatch
import Foundation
import Testing
@testable import MZPlanCore

/// A value handed to ``BackgroundRelease`` is freed, and not on the caller's thread.
@Suite struct BackgroundReleaseTests {
    /// Says on which thread it was freed.
    private final class Tracked: Sendable {
        let freed: @Sendable (pthread_t) -> Void

        init(freed: @escaping @Sendable (pthread_t) -> Void) {
            self.freed = freed
        }

        deinit { freed(pthread_self()) }
    }

    /// Where the value was freed. `@unchecked Sendable`: written once before the signal, read after the wait.
    private final class Outcome: @unchecked Sendable {
        var thread: pthread_t?
        let done = DispatchSemaphore(value: 0)
    }

    @Test("the last reference is dropped on another thread", arguments: 0..<20)
    func freedElsewhere(_ round: Int) {
        let outcome = Outcome()
        let caller = pthread_self()
        let value = [Tracked { thread in
            outcome.thread = thread
            outcome.done.signal()
        }]
        BackgroundRelease.release(consume value)
        #expect(outcome.done.wait(timeout: .now() + 10) == .success, "round \(round): never freed")
        #expect(outcome.thread.map { pthread_equal($0, caller) == 0 } == true, "round \(round): freed on the caller's thread")
    }
}
