import Testing
@testable import MZPlanCore

/// A replacement's global frontier and lag mirror its target's: the gate reads its dataflow's own
/// frontier instead, and does not wait for a wallclock lag a new object does not have yet.
@Suite struct ReadinessGateTests {
    let gate = ReadinessGate(lagThresholdMs: 1000)
    let name = QualifiedName(database: "d", schema: "s", name: "mv_mzplan")
    let original = QualifiedName(database: "d", schema: "s", name: "mv")

    func probe(mirrors: Bool) -> ReadinessProbe {
        ReadinessProbe(object: name, standsInFor: original, cluster: "b", condition: .ready, mirrorsOriginal: mirrors)
    }

    func sample(dataflow: UInt64?, lag: UInt64? = nil) -> ReadinessSample {
        // The mirrored upper equals the original's: it says nothing.
        ReadinessSample(object: name, exists: true, cluster: "b", hydratedOnHealthyReplica: true, upperMs: 10_000, lagMs: lag,
                        dataflowUpperMs: dataflow, originalUpperMs: 10_000, originalLagMs: 200)
    }

    @Test("a hydrated replacement whose dataflow lags is not ready, though its mirrored upper matches")
    func laggingDataflow() {
        #expect(gate.blocker(sample(dataflow: 5_000), probe: probe(mirrors: true)) == "catching up: its dataflow is at 5000, the view at 10000")
        #expect(gate.blocker(sample(dataflow: 9_500), probe: probe(mirrors: true)) == nil)
    }

    @Test("a replacement's unknown wallclock lag does not block it; an unknown dataflow frontier does")
    func unknownLag() {
        #expect(gate.blocker(sample(dataflow: 10_000, lag: nil), probe: probe(mirrors: true)) == nil)
        #expect(gate.blocker(sample(dataflow: nil), probe: probe(mirrors: true)) == "catching up: its dataflow's frontier is not reported yet")
    }

    @Test("an index is still judged by its own upper and lag")
    func index() {
        #expect(gate.blocker(sample(dataflow: 5_000, lag: nil), probe: probe(mirrors: false)) == "lag unknown")
    }
}
