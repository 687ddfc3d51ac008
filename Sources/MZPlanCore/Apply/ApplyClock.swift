/// Time for the apply engine: wall time live, virtual time in the simulator.
package protocol ApplyClock: AnyObject {
    /// Milliseconds since the epoch.
    func nowMs() -> UInt64
    /// Returns at `deadlineMs` or later (the simulator advances its world to it).
    func sleep(untilMs deadlineMs: UInt64) async
}
