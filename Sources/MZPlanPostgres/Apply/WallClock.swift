import Foundation
package import MZPlanCore

/// The apply engine's clock for a live apply: wall time, and `Task.sleep` for the waits.
package final class WallClock: ApplyClock {
    /// Ends a wait early once raised.
    private let interruption: ApplyInterruption

    package init(interruption: ApplyInterruption = ApplyInterruption()) {
        self.interruption = interruption
    }

    package func nowMs() -> UInt64 {
        UInt64(max(0, Date().timeIntervalSince1970 * 1000))
    }

    /// Sleeps until `deadlineMs`, in slices of at most a fifth of a second; returns early when
    /// the task is cancelled or an interrupt is requested.
    package func sleep(untilMs deadlineMs: UInt64) async {
        while interruption.requested == nil, !Task.isCancelled {
            let now = nowMs()
            guard deadlineMs > now else { return }
            try? await Task.sleep(for: .milliseconds(min(deadlineMs - now, 200)))
        }
    }
}
