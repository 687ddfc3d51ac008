/// Every exit code mzplan ends with (SPEC §2), in one place: commands compute one of these, the
/// CLI turns it into the process's status.
package enum ExitStatus: Int32, Sendable, CaseIterable {
    /// Success; with `--detailed-exitcode`, no changes. Warnings alone never change it.
    case success = 0
    /// Bad input, a connection or SQL failure; the message says which.
    case failure = 1
    /// `--detailed-exitcode`: changes pending, none blocked.
    case changes = 2
    /// An infeasible move or a hazard that is not allowed (wins over `changes`).
    case blocked = 3
    /// The catalog changed since the plan was made.
    case stale = 4
    /// Another apply holds the lock.
    case lockHeld = 5
    /// Objects did not become ready in time; the state is resumable.
    case timedOut = 6
    /// A command-line usage error (ArgumentParser's convention).
    case usage = 64
    /// Stopped by SIGINT (128 + 2); an apply so stopped is resumable.
    case interrupted = 130
    /// Stopped by SIGTERM (128 + 15); an apply so stopped is resumable.
    case terminated = 143

    /// What `diff` and `check` end with for `plan`: `blocked` when anything is blocked (with or
    /// without `--detailed-exitcode`); with it, `changes` for pending changes.
    package static func of(_ plan: Plan, detailed: Bool) -> ExitStatus {
        if plan.isBlocked { return .blocked }
        if detailed, !plan.isEmpty { return .changes }
        return .success
    }
}
