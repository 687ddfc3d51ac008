import Foundation
public import MZPlanCore

/// The apply engine's clock for a live apply: wall time, and `Task.sleep` for the waits.
public final class WallClock: ApplyClock {
    public init() {}

    public func nowMs() -> UInt64 {
        UInt64(max(0, Date().timeIntervalSince1970 * 1000))
    }

    /// Sleeps until `deadlineMs`; returns early only when the task is cancelled.
    public func sleep(untilMs deadlineMs: UInt64) async {
        let now = nowMs()
        guard deadlineMs > now else { return }
        try? await Task.sleep(for: .milliseconds(deadlineMs - now))
    }
}
