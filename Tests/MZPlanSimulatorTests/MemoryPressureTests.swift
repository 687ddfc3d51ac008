import Foundation
import MZPlanCore
import MZPlanSimulator
import Testing

/// Replicas have memory (SPEC §10.2): dataflows that do not fit one make the cluster OOM-loop, as
/// production would, so an allowed over-capacity move fails at the readiness gate.
@Suite struct MemoryPressureTests {
    /// customer_ltv (2.4 GiB) and orders_enriched (4.5 GiB) join serving's 2.1 GiB on a 100cc (8 GiB) replica.
    static let crowding = "version: 1\nclusters:\n  serving:\n    objects: [customer_ltv, orders_enriched]\n"

    @Test("an allowed move that overfills its target OOM-loops it: the gate times out naming the loop, and what ran there stops", .timeLimit(.minutes(1)))
    func overCapacity() async throws {
        let shop = try ApplyFixture.shop()
        let fixture = try ApplyFixture.make(snapshot: shop.snapshot, manifest: Self.crowding, allow: [.capacity])
        #expect(fixture.plan.moves.allSatisfy { $0.hazards.contains { $0.code == .capacity && $0.allowed } })
        let environment = fixture.environment()
        let events = EventLog()
        let report = await ApplyFixture.driver(environment, timeoutMs: 600_000, events: events).apply(fixture.plan)
        #expect(report.outcome == .timedOut, "\(report.message)")
        #expect(events.events.contains { ($0.waitingFor ?? "").contains("OOM-looping") })
        let serving = try #require(environment.snapshot().clusters.first { $0.name == "serving" })
        #expect(serving.replicas.allSatisfy { ($0.oomKills24h ?? 0) >= 3 })
        #expect((environment.downtimeMs["serving"] ?? 0) > 0, "the indexes already on serving stop serving")
        let saved = String(decoding: environment.savedState(), as: UTF8.self)
        #expect(saved.contains("\"memory_oom_clusters\": [\n      \"serving\"\n    ]"))
        let restored = try String(decoding: SimulatedEnvironment.restore(Array(saved.utf8), file: "state.json").savedState(), as: UTF8.self)
        #expect(restored.contains("\"memory_oom_clusters\": [\n      \"serving\"\n    ]"))
        #expect(restored.contains("\"materialize.public.customer_ltv\": 2577399808"))
        // Aborting drops the replacements: serving fits again and its replicas recover.
        let aborted = await ApplyFixture.driver(environment).abort()
        #expect(aborted.outcome == .aborted, "\(aborted.message)")
        let recovered = try #require(environment.snapshot().clusters.first { $0.name == "serving" })
        #expect(recovered.replicas.allSatisfy { ($0.oomKills24h ?? 0) == 0 })
    }

    @Test("a move that fits completes; the new dataflows carry their originals' memory, and a saved state keeps it", .timeLimit(.minutes(1)))
    func fits() async throws {
        let shop = try ApplyFixture.shop()
        let fixture = try ApplyFixture.make(snapshot: shop.snapshot, manifest: "version: 1\nclusters:\n  serving:\n    objects: [customer_ltv]\n")
        #expect(!fixture.plan.isBlocked)
        let environment = fixture.environment()
        let report = await ApplyFixture.driver(environment).apply(fixture.plan)
        #expect(report.outcome == .completed, "\(report.message)")
        let moved = try #require(environment.snapshot().objects.first { $0.name == "customer_ltv" })
        #expect(moved.cluster == "serving" && moved.memoryBytes == 2458 << 20)
        let restored = try SimulatedEnvironment.restore(environment.savedState(), file: "state.json")
        #expect(restored.snapshot().objects.first { $0.name == "customer_ltv" }?.memoryBytes == 2458 << 20)
    }
}
