import MZPlanCore
import MZPlanSimulator
import Testing

/// Every strategy's statements run in the simulator, from the example's catalog.
@Suite struct StrategyApplyTests {
    static func fixture(_ manifest: String, allow: [HazardCode] = []) throws -> ApplyFixture {
        let shop = try ApplyFixture.shop()
        return try ApplyFixture.make(snapshot: shop.snapshot, manifest: manifest, allow: allow)
    }

    static let scenarios: [(name: String, manifest: String, strategy: Strategy)] = [
        ("sink recreate", "version: 1\nclusters:\n  serving:\n    objects: [{ name: funnel_sink, allow: [sink-recreate] }]\n", .recreate),
        ("whole-cluster rename", "version: 1\nclusters:\n  egress:\n    objects: [funnel_sink]\n", .rename),
        ("native SET CLUSTER", "version: 1\nclusters:\n  serving:\n    objects: [{ name: payments, strategy: native, allow: [native-set-cluster-experimental] }]\n", .native),
    ]

    @Test("each strategy applies, lands on its target and keeps every invariant", .timeLimit(.minutes(1)), arguments: 0..<3)
    func applies(scenario: Int) async throws {
        let (name, manifest, strategy) = Self.scenarios[scenario]
        let fixture = try Self.fixture(manifest)
        #expect(fixture.plan.moves.first?.strategy == strategy, "\(name)")
        #expect(!fixture.plan.isBlocked, "\(name)")
        let environment = fixture.environment()
        let report = await ApplyFixture.driver(environment).apply(fixture.plan)
        #expect(report.outcome == .completed, "\(name): \(report.message)")
        #expect(environment.checkInvariants(plan: fixture.plan).isEmpty, "\(name): \(environment.checkInvariants(plan: fixture.plan))")
        #expect(environment.leftovers().isEmpty, "\(name)")
    }

    @Test("a native move rehydrates from scratch: its staleness is the hydration time", .timeLimit(.minutes(1)))
    func nativeStaleness() async throws {
        let fixture = try Self.fixture(Self.scenarios[2].manifest)
        let environment = fixture.environment()
        _ = await ApplyFixture.driver(environment).apply(fixture.plan)
        environment.advance(to: environment.timeMs + 60_000)
        let payments = QualifiedName(database: "materialize", schema: "public", name: "payments")
        #expect(environment.stalenessMs[payments] == 15_000)
    }

    @Test("a crash after the new sink starts, then --abort: the new sink is dropped, the old one kept", .timeLimit(.minutes(1)))
    func sinkAbort() async throws {
        let fixture = try Self.fixture(Self.scenarios[0].manifest)
        var faults = SimulatorFaults()
        faults.crashAfterStatement = 1
        let environment = fixture.environment(faults)
        let original = fixture.environment().placementSignature()
        _ = await ApplyFixture.driver(environment).apply(fixture.plan)
        #expect(environment.placementSignature() != original)
        environment.faults = SimulatorFaults()
        let report = await ApplyFixture.driver(environment).abort()
        #expect(report.outcome == .aborted)
        #expect(environment.placementSignature() == original)
    }
}
