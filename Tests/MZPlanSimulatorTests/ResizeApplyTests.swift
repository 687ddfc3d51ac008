import Foundation
import MZPlanCore
import MZPlanSimulator
import MZPlanTestSupport
import Testing

/// Cluster resizes applied in the simulator (SPEC §10.1): blue-green and graceful resizes keep
/// everything serving, a restart's downtime is measured, a blue-green resize survives a crash
/// at any statement, and every run converges.
@Suite struct ResizeApplyTests {
    static func manifest(_ name: String) throws -> String {
        try String(contentsOf: repositoryRoot().appendingPathComponent("Tests/MZPlanCoreTests/Fixtures/resize/\(name).yaml"), encoding: .utf8)
    }

    static func fixture(_ name: String, extra: String = "", allow: [HazardCode] = []) throws -> ApplyFixture {
        try ApplyFixture.make(snapshot: ApplyFixture.shop().snapshot, manifest: manifest(name) + extra, allow: allow)
    }

    /// Plans `manifest` again against the environment: nothing left to do.
    static func converges(_ environment: SimulatedEnvironment, _ name: String, extra: String = "") throws -> Bool {
        try ApplyFixture.make(snapshot: environment.snapshot(), manifest: manifest(name) + extra).plan.hasNoChanges
    }

    static let compute = "compute"
    static let customerLTV = QualifiedName(database: "materialize", schema: "public", name: "customer_ltv")

    @Test("blue-green: every object keeps serving, the cluster has the new size under its name, names and history kept, diff converges", .timeLimit(.minutes(1)))
    func blueGreen() async throws {
        let fixture = try Self.fixture("blue-green")
        let environment = fixture.environment()
        let before = try #require(environment.snapshot().objects.first { $0.qualifiedName == Self.customerLTV })
        let report = await ApplyFixture.driver(environment).apply(fixture.plan)
        environment.settle()
        #expect(report.outcome == .completed, "\(report.message)")
        #expect(environment.checkInvariants(plan: fixture.plan).isEmpty, "\(environment.checkInvariants(plan: fixture.plan))")
        #expect(environment.leftovers().isEmpty)
        #expect(environment.downtimeMs[Self.compute] == nil)
        #expect(environment.resizeOutcomes(plan: fixture.plan).map(\.downtimeMs) == [0])
        #expect(environment.stalenessMs.values.allSatisfy { $0 == 0 })
        let snapshot = environment.snapshot()
        #expect(snapshot.clusters.map(\.name).sorted() == ["compute", "ingest", "serving", "sinks"])
        #expect(snapshot.clusters.first { $0.name == Self.compute }?.size == "800cc")
        let after = try #require(snapshot.objects.first { $0.qualifiedName == Self.customerLTV })
        // Name, shard and history are kept; the id is the replacement's (Materialize v26.10 and later).
        #expect(after.cluster == Self.compute && after.id != before.id && after.kind == before.kind)
        #expect(Set(snapshot.objects.map(\.qualifiedName)) == Set(fixture.snapshot.objects.map(\.qualifiedName)))
        #expect(try Self.converges(environment, "blue-green"))
    }

    @Test("restart, allowed: everything on the cluster stops until it rehydrates; the downtime is measured", .timeLimit(.minutes(1)))
    func restart() async throws {
        let fixture = try Self.fixture("restart", allow: [.clusterRestart])
        let environment = fixture.environment()
        let report = await ApplyFixture.driver(environment).apply(fixture.plan)
        #expect(report.outcome == .completed, "\(report.message)")
        environment.settle()
        #expect(environment.downtimeMs[Self.compute] == fixture.plan.clusters.first?.estimatedDowntimeMs)
        #expect(environment.resizeOutcomes(plan: fixture.plan).first?.downtimeMs == 273_000)
        #expect((environment.stalenessMs[Self.customerLTV] ?? 0) > 0)
        #expect(environment.checkInvariants(plan: fixture.plan).isEmpty)
        #expect(try Self.converges(environment, "restart"))
    }

    @Test("graceful: the old replicas serve while the new ones hydrate; the statement returns at the cutover", .timeLimit(.minutes(1)))
    func graceful() async throws {
        let fixture = try Self.fixture("graceful")
        let environment = fixture.environment()
        let start = environment.timeMs
        let report = await ApplyFixture.driver(environment).apply(fixture.plan)
        environment.settle()
        #expect(report.outcome == .completed, "\(report.message)")
        #expect(environment.timeMs - start >= 273_000)
        #expect(environment.downtimeMs[Self.compute] == nil)
        #expect(environment.stalenessMs.values.allSatisfy { $0 == 0 })
        #expect(environment.snapshot().clusters.first { $0.name == Self.compute }?.size == "800cc")
        #expect(environment.checkInvariants(plan: fixture.plan).isEmpty)
        #expect(try Self.converges(environment, "graceful"))
    }

    @Test("graceful past its TIMEOUT rolls back: 57014 as Materialize sends it, exit 6 and resumable, the cluster keeps its size", .timeLimit(.minutes(1)))
    func gracefulTimeout() async throws {
        let fixture = try Self.fixture("graceful", extra: "options:\n  resize_timeout: 1m\n")
        let environment = fixture.environment()
        let report = await ApplyFixture.driver(environment).apply(fixture.plan)
        #expect(report.outcome == .timedOut && report.exitStatus == .timedOut)
        #expect(report.message.contains("WAIT UNTIL READY timeout") && report.message.contains("canceling statement, provided timeout lapsed"), "\(report.message)")
        #expect(environment.snapshot().clusters.first { $0.name == Self.compute }?.size == "400cc")
        #expect(environment.lockHolder == nil)
        #expect(environment.downtimeMs.isEmpty)
    }

    @Test("a resize plus moves out of and into the cluster applies in order and converges", .timeLimit(.minutes(1)))
    func withMoves() async throws {
        let fixture = try Self.fixture("moves")
        let environment = fixture.environment()
        let report = await ApplyFixture.driver(environment).apply(fixture.plan)
        environment.settle()
        #expect(report.outcome == .completed, "\(report.message)")
        #expect(environment.checkInvariants(plan: fixture.plan).isEmpty, "\(environment.checkInvariants(plan: fixture.plan))")
        #expect(environment.leftovers().isEmpty)
        #expect(try Self.converges(environment, "moves"))
    }

    @Test("a crash after every statement of a blue-green resize, then --resume: the same final catalog, no downtime", .timeLimit(.minutes(3)))
    func crashEverywhere() async throws {
        let fixture = try Self.fixture("blue-green")
        let baseline = fixture.environment()
        _ = await ApplyFixture.driver(baseline).apply(fixture.plan)
        #expect(baseline.statementsExecuted == fixture.plan.steps.count)
        for k in 1...baseline.statementsExecuted {
            let (crashed, resumed, environment, _) = await fixture.crashAndResume(after: k)
            #expect(crashed == .crashed, "crash after \(k)")
            environment.settle()
            #expect(resumed.outcome == .completed, "crash after \(k): \(resumed.message)")
            #expect(environment.placementSignature() == baseline.placementSignature(), "crash after \(k)")
            #expect(environment.checkInvariants(plan: fixture.plan).isEmpty, "crash after \(k): \(environment.checkInvariants(plan: fixture.plan))")
            #expect(environment.leftovers().isEmpty, "crash after \(k)")
            #expect(environment.statementsExecuted == baseline.statementsExecuted, "crash after \(k): every statement ran exactly once")
        }
    }

    @Test("--abort before the cutovers drops the temporary cluster; after the swap it refuses and --resume finishes", .timeLimit(.minutes(1)))
    func abort() async throws {
        let fixture = try Self.fixture("blue-green")
        let original = fixture.environment().placementSignature()
        var faults = SimulatorFaults()
        faults.crashAfterStatement = 3
        let early = fixture.environment(faults)
        _ = await ApplyFixture.driver(early).apply(fixture.plan)
        #expect(early.snapshot().clusters.contains { $0.name == "compute_mzplan" })
        early.faults = SimulatorFaults()
        let aborted = await ApplyFixture.driver(early).abort()
        #expect(aborted.outcome == .aborted, "\(aborted.message)")
        #expect(early.placementSignature() == original)

        let swap = try #require(fixture.plan.steps.first { $0.action == .swapCluster })
        faults.crashAfterStatement = swap.id
        let late = fixture.environment(faults)
        _ = await ApplyFixture.driver(late).apply(fixture.plan)
        late.faults = SimulatorFaults()
        let refused = await ApplyFixture.driver(late).abort()
        #expect(refused.outcome == .failed && refused.message.contains("swapped its clusters"), "\(refused.message)")
        let resumed = await ApplyFixture.driver(late).resume()
        #expect(resumed.outcome == .completed, "\(resumed.message)")
        #expect(try Self.converges(late, "blue-green"))
    }

    @Test("the invariant: an index or view on a cluster resized blue-green that stops serving is a violation")
    func invariant() async throws {
        let fixture = try Self.fixture("blue-green")
        let environment = fixture.environment()
        try await environment.execute(#"ALTER CLUSTER "compute" SET (SIZE = '800cc')"#, timeoutMs: nil)
        environment.advance(to: environment.timeMs + 1000)
        let violations = environment.checkInvariants(plan: fixture.plan)
        #expect(violations.contains { $0.message.contains("objects on cluster 'compute' stopped serving") && $0.message.contains("blue-green") })
    }
}
