import Foundation
import MZPlanCore

/// Whether a process of this host runs, for taking over the lock of a dead apply.
enum ProcessTable {
    static func isRunning(_ pid: Int) -> Bool {
        guard pid > 0, let id = pid_t(exactly: pid) else { return false }
        return kill(id, 0) == 0 || errno == EPERM
    }

    /// This process's apply settings: host, pid, the liveness check and what stops it.
    static func settings(timeoutMs: UInt64?, interruption: ApplyInterruption) -> ApplyDriver.Settings {
        ApplyDriver.Settings(
            timeoutMs: timeoutMs,
            host: ProcessInfo.processInfo.hostName,
            pid: Int(ProcessInfo.processInfo.processIdentifier),
            processIsRunning: { isRunning($0) },
            interruption: interruption
        )
    }
}
