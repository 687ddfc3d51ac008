package import MZPlanCore

/// The simulated environment as a server that outlives its client (SPEC §10.4): what `mzplan apply
/// --simulate` runs against. Every change an apply makes goes to the ``SimulationStore``'s
/// write-ahead log before the call returns; with a pace, virtual time passes at that many virtual
/// seconds per real second, so a person can watch the apply and interrupt it.
package final class SimulatedServer: ApplyTarget, ApplyClock {
    /// Called after each statement has run and been logged, with its number in this run (1-based):
    /// `--simulate-fault crash-after=N` kills the process there.
    package typealias StatementHook = (Int) -> Void

    package let environment: SimulatedEnvironment
    private let log: SimulationLog?
    private let pace: Double?
    private let interruption: ApplyInterruption
    private let afterStatement: StatementHook
    private var statements = 0

    /// A server over `environment`, logging to `store` when given (its state file must be saved
    /// first: the log extends that generation).
    package init(
        _ environment: SimulatedEnvironment,
        store: SimulationStore? = nil,
        pace: Double? = nil,
        interruption: ApplyInterruption = ApplyInterruption(),
        afterStatement: @escaping StatementHook = { _ in }
    ) throws(FileWriteError) {
        self.environment = environment
        log = try store?.openLog(for: environment)
        self.pace = pace
        self.interruption = interruption
        self.afterStatement = afterStatement
    }

    package func readCatalog() async throws(ApplyTargetError) -> CatalogSnapshot {
        try await environment.readCatalog()
    }

    package func execute(_ sql: String, timeoutMs: UInt64?) async throws(ApplyTargetError) {
        statements += 1
        let outcome: Result<Void, ApplyTargetError>
        do throws(ApplyTargetError) {
            outcome = .success(try await environment.execute(sql, timeoutMs: timeoutMs))
        } catch {
            outcome = .failure(error)
        }
        // Ran or refused, the server has seen it: a replay must see it too.
        try record(.execute(sql: sql, timeoutMs: timeoutMs))
        afterStatement(statements)
        try outcome.get()
    }

    package func executeTransaction(_ statements: [String], timeoutMs: UInt64?) async throws(ApplyTargetError) {
        self.statements += 1
        let outcome: Result<Void, ApplyTargetError>
        do throws(ApplyTargetError) {
            outcome = .success(try await environment.executeTransaction(statements, timeoutMs: timeoutMs))
        } catch {
            outcome = .failure(error)
        }
        try record(.transaction(statements))
        afterStatement(self.statements)
        try outcome.get()
    }

    package func readiness(_ probes: [ReadinessProbe]) async throws(ApplyTargetError) -> [ReadinessSample] {
        try await environment.readiness(probes)
    }

    package func acquireLock(_ holder: LockHolder) async throws(ApplyTargetError) -> LockHolder? {
        let current = try await environment.acquireLock(holder)
        if current == nil { try record(.acquireLock(holder)) }
        return current
    }

    package func releaseLock() async throws(ApplyTargetError) {
        try await environment.releaseLock()
        try record(.releaseLock)
    }

    package func appendJournal(_ entry: JournalEntry) async throws(ApplyTargetError) {
        try await environment.appendJournal(entry)
        try record(.appendJournal(entry))
    }

    package func readJournal() async throws(ApplyTargetError) -> [JournalEntry] {
        try await environment.readJournal()
    }

    package func nowMs() -> UInt64 { environment.timeMs }

    /// Advances virtual time to `deadlineMs`; paced, in slices of a tenth of a real second, and
    /// ending early when an interrupt is requested.
    package func sleep(untilMs deadlineMs: UInt64) async {
        guard let pace else {
            await environment.sleep(untilMs: deadlineMs)
            try? record(.advance(toMs: environment.timeMs))
            return
        }
        let slice = max(1, UInt64(100 * pace))
        while environment.timeMs < deadlineMs, interruption.requested == nil {
            let next = min(deadlineMs, environment.timeMs + slice)
            try? await Task.sleep(for: .milliseconds(Double(next - environment.timeMs) / pace))
            await environment.sleep(untilMs: next)
            try? record(.advance(toMs: environment.timeMs))
        }
    }

    private func record(_ change: SimulationLog.Record) throws(ApplyTargetError) {
        do throws(FileWriteError) {
            try log?.append(change)
        } catch {
            throw ApplyTargetError(.crashed, message: "cannot write the simulated server's log '\(error.path)': \(error.message)")
        }
    }
}
