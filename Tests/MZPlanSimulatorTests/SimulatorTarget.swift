import MZPlanCore
import MZPlanSimulator

/// The simulator as an apply target, each call passed through: tests subclass it to change or
/// count one call.
class SimulatorTarget: ApplyTarget, ApplyClock {
    let environment: SimulatedEnvironment

    init(_ environment: SimulatedEnvironment) {
        self.environment = environment
    }

    func readCatalog() async throws(ApplyTargetError) -> CatalogSnapshot { try await environment.readCatalog() }
    func execute(_ sql: String, timeoutMs: UInt64?) async throws(ApplyTargetError) { try await environment.execute(sql, timeoutMs: timeoutMs) }
    func executeTransaction(_ statements: [String], timeoutMs: UInt64?) async throws(ApplyTargetError) { try await environment.executeTransaction(statements, timeoutMs: timeoutMs) }
    func readiness(_ probes: [ReadinessProbe]) async throws(ApplyTargetError) -> [ReadinessSample] { try await environment.readiness(probes) }
    func acquireLock(_ holder: LockHolder) async throws(ApplyTargetError) -> LockHolder? { try await environment.acquireLock(holder) }
    func releaseLock() async throws(ApplyTargetError) { try await environment.releaseLock() }
    func appendJournal(_ entry: JournalEntry) async throws(ApplyTargetError) { try await environment.appendJournal(entry) }
    func readJournal() async throws(ApplyTargetError) -> [JournalEntry] { try await environment.readJournal() }
    func nowMs() -> UInt64 { environment.nowMs() }
    func sleep(untilMs deadlineMs: UInt64) async { await environment.sleep(untilMs: deadlineMs) }
}
