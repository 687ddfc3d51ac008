import Foundation
import Logging
import MZPlanCore
@testable import MZPlanPostgres
import Testing

/// ``LiveApplyTarget`` against the fixture server's `materialize` database: lock, journal and
/// readiness. Serialized, with the CLI suite nested in it: the lock is one per database.
@Suite(.enabled(if: TestServer.enabled, TestServer.skipReason), .serialized, .timeLimit(.minutes(2)))
struct LiveApplyTests {
    static let logger = Logger(label: "test") { _ in SwiftLogNoOpLogHandler() }

    func target() throws -> LiveApplyTarget {
        try LiveApplyTarget(configuration: TestServer.configuration(), logger: Self.logger)
    }

    /// Runs `body` with a target that is closed afterwards, whatever happens (PostgresNIO asserts
    /// that every connection is closed).
    @discardableResult
    func withTarget<T>(_ body: (LiveApplyTarget) async throws -> T) async throws -> T {
        let target = try target()
        do {
            let result = try await body(target)
            await target.close()
            return result
        } catch {
            await target.close()
            throw error
        }
    }

    func holder(_ name: String) -> LockHolder {
        LockHolder(planFingerprint: "sha256:\(name)-\(UUID().uuidString)", host: "host-\(name)", pid: 4242, startedAtMs: 1_764_115_200_123)
    }

    @Test("the lock: taken once, a second apply sees the holder, released, taken again")
    func lock() async throws {
        try await withTarget { first in try await withTarget { second in try await lock(first, second) } }
    }

    func lock(_ first: LiveApplyTarget, _ second: LiveApplyTarget) async throws {
        let mine = holder("first")
        #expect(try await first.lockState() == nil)
        #expect(try await first.acquireLock(mine) == nil)
        #expect(try await second.acquireLock(holder("second")) == mine)
        let state = try await second.lockState()
        #expect(state?.holder == mine)
        #expect(state?.comment?.contains("2025-11-26T00:00:00.123Z") == true)
        try await first.releaseLock()
        #expect(try await second.lockState() == nil)
        let next = holder("second")
        #expect(try await second.acquireLock(next) == nil)
        #expect(try await first.lockState()?.holder == next)
        try await second.releaseLock()
        try await second.releaseLock()
    }

    @Test("the lock held on a server that reports a duplicate schema as XX000, as Materialize does: the holder, not an error")
    func lockHeldAsMaterializeSaysIt() async throws {
        let configuration = try TestServer.configuration(database: "mz_strict")
        let first = LiveApplyTarget(configuration: configuration, logger: Self.logger)
        let second = LiveApplyTarget(configuration: configuration, logger: Self.logger)
        do {
            let mine = holder("first")
            #expect(try await first.acquireLock(mine) == nil)
            #expect(try await second.acquireLock(holder("second")) == mine)
            try await first.releaseLock()
            #expect(try await second.acquireLock(holder("second")) == nil)
            try await second.releaseLock()
        } catch {
            await first.close()
            await second.close()
            throw error
        }
        await first.close()
        await second.close()
    }

    @Test("a hostile host name survives the lock comment")
    func hostileHolder() async throws {
        let hostile = LockHolder(planFingerprint: "sha256:x", host: "it's \"evil\" \\ $$ ; DROP SCHEMA x; -- ☃", pid: 1, startedAtMs: 0)
        try await withTarget { target in
            #expect(try await target.acquireLock(hostile) == nil)
            #expect(try await target.lockState()?.holder == hostile)
            try await target.releaseLock()
        }
    }

    @Test("journal rows round-trip through bind parameters, in order, hostile strings intact")
    func journal() async throws {
        let fingerprint = "sha256:journal-'\(UUID().uuidString)'"
        let hostile = ["it's", "\"quoted\"", "$1 $$ \\x00", "'); DROP TABLE \"_mzplan\".\"journal\"; --", "ünïcödé ☃\nline two\ttab", ""]
        let entries = hostile.enumerated().map { index, detail in
            JournalEntry(planFingerprint: fingerprint, stepID: index, action: "act'\(index)", status: index.isMultiple(of: 2) ? .started : .finished,
                         atMs: 1_764_115_200_000 + UInt64(index / 2), detail: detail)
        }
        try await withTarget { writer in
            for entry in entries {
                try await writer.appendJournal(entry)
            }
        }
        let read = try await withTarget { reader in try await reader.readJournal() }.filter { $0.planFingerprint == fingerprint }
        #expect(read == entries)
    }

    @Test("readiness: one query for every probe and original, by name, with cluster, hydration, since, upper, lag and status")
    func readiness() async throws {
        let connection = try await MaterializeConnection.connect(TestServer.configuration(), logger: Self.logger)
        let counter = CountingQuerier(connection)
        func name(_ schema: String, _ object: String) -> QualifiedName { QualifiedName(database: "materialize", schema: schema, name: object) }
        let known = [
            ReadinessProbe(object: name("scratch", "big_orders_v2"), standsInFor: name("scratch", "big_orders"), cluster: "serving", condition: .ready),
            ReadinessProbe(object: name("public", "orders_enriched"), standsInFor: nil, cluster: "compute", condition: .ready),
            ReadinessProbe(object: name("public", "funnel_sink"), standsInFor: nil, cluster: "sinks", condition: .ready),
        ]
        let unknown = (0..<300).map { ReadinessProbe(object: name("public", "missing_\($0)'\""), standsInFor: name("public", "orders"), cluster: nil, condition: .ready) }
        let samples: [ReadinessSample]
        do {
            samples = try await ReadinessQuery.samples(for: known + unknown, on: counter)
        } catch {
            await connection.close()
            throw error
        }
        #expect(counter.queries.count == 1)
        #expect(samples.count == known.count + unknown.count)
        #expect(samples[0] == ReadinessSample(
            object: name("scratch", "big_orders_v2"), exists: true, cluster: "serving", hydratedOnHealthyReplica: false,
            upperMs: 1_764_115_199_550, lagMs: 9450, sinceMs: 1_764_115_198_550, dataflowUpperMs: 1_764_115_190_000, originalUpperMs: 1_764_115_199_550, originalLagMs: samples[0].originalLagMs))
        #expect(samples[1].cluster == "compute" && samples[1].hydratedOnHealthyReplica && samples[1].upperMs == 1_764_115_199_500 && samples[1].lagMs == 500)
        #expect(samples[2].status == "running" && samples[2].cluster == "sinks" && samples[2].replicaProblem == nil)
        #expect(samples[3...].allSatisfy { !$0.exists && $0.object.name.hasPrefix("missing_") })
        #expect(try await ReadinessQuery.samples(for: [], on: counter).isEmpty)
        await connection.close()
        #expect(counter.queries.count == 1)
    }

    @Test("the target's readiness reads once per poll, through its own session")
    func targetReadiness() async throws {
        let probe = ReadinessProbe(
            object: QualifiedName(database: "materialize", schema: "public", name: "customers_by_id_idx"), standsInFor: nil, cluster: "serving", condition: .ready)
        let samples = try await withTarget { target in try await target.readiness([probe, probe]) }
        #expect(samples.count == 2)
        #expect(samples.allSatisfy { $0.exists && $0.cluster == "serving" && $0.hydratedOnHealthyReplica && $0.upperMs == 1_764_115_200_000 })
    }

    @Test("a rejected statement carries its SQLSTATE and names the statement")
    func rejectedStatement() async throws {
        try await withTarget { target in
            await #expect {
                try await target.execute(#"CREATE CLUSTER "x" (SIZE = '50cc')"#, timeoutMs: 5_000)
            } throws: { error in
                let error = error as? ApplyTargetError
                return error?.kind == .sql && error?.sqlState == "42601" && error?.message.contains(#"in: CREATE CLUSTER "x""#) == true
            }
        }
    }

    @Test("SIGINT while a blocking statement waits: it is cancelled promptly and fails as a timeout naming the signal; a short one runs to its end")
    func interruptedBlockingStatement() async throws {
        let interruption = ApplyInterruption()
        let target = try LiveApplyTarget(configuration: TestServer.configuration(), logger: Self.logger, interruption: interruption)
        let started = ContinuousClock.now
        let raise = Task {
            try await Task.sleep(for: .milliseconds(300))
            interruption.request(.interrupt)
        }
        await #expect {
            try await target.execute("SELECT pg_sleep(30)", timeoutMs: 60_000)
        } throws: { error in
            let error = error as? ApplyTargetError
            return error?.kind == .timedOut && error?.message.contains("cancelled by SIGINT") == true
        }
        #expect(ContinuousClock.now - started < .seconds(5))
        _ = await raise.result
        // The stop is raised: a statement that does not block is not cancelled.
        try await target.execute("SELECT pg_sleep(0.3)", timeoutMs: nil)
        await target.close()
    }
}
