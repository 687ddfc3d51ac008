import ArgumentParser
import MZPlanCore

/// Exit codes of `diff` and `check` (SPEC §2).
enum PlanExitCode {
    static let success: Int32 = 0
    static let error: Int32 = 1
    static let changes: Int32 = 2
    static let blocked: Int32 = 3

    /// Ends a command with exit 1 after its diagnostics were printed.
    static let failure = ExitCode(error)

    /// 3 when anything is blocked (with or without `--detailed-exitcode`); with it, 2 for pending changes.
    static func of(_ plan: Plan, detailed: Bool) -> Int32 {
        if plan.isBlocked { return blocked }
        if detailed, !plan.isEmpty { return changes }
        return success
    }
}
