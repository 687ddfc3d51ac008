@testable import MZPlanCore
import Testing

@Suite struct ApplyStateMachineTests {
    static let view = QualifiedName(database: "materialize", schema: "public", name: "v")

    static func name(_ text: String) -> QualifiedName { view.renamed(text) }

    /// Three pre-hydrations on `b` (1–3), each followed by its cutover (4–6), and a cleanup (7) after 4.
    static func plan() -> Plan {
        var steps: [Step] = []
        for index in 1...3 {
            steps.append(Step(id: index, action: .createReplacement, phase: .hydrate, sql: "CREATE \(index)",
                              wait: StepWait(until: .ready, object: name("t\(index)"), standsInFor: name("o\(index)")), object: name("t\(index)"), cluster: "b"))
        }
        for index in 1...3 {
            steps.append(Step(id: 3 + index, action: .applyReplacement, phase: .cutover, sql: "APPLY \(index)", after: [index], object: name("o\(index)"), cluster: "b"))
        }
        steps.append(Step(id: 7, action: .dropIndex, phase: .cleanup, sql: "DROP", after: [4], object: name("i"), cluster: "a"))
        return Plan(fingerprint: "sha256:x", summary: PlanSummary(), steps: steps)
    }

    static let options = ApplyOptions(lagThresholdMs: 1000, stablePolls: 2, pollIntervalMs: 1000, maxParallelHydrations: 2)

    static func sample(_ object: QualifiedName, ready: Bool) -> ReadinessSample {
        ReadinessSample(object: object, exists: true, cluster: "b", hydratedOnHealthyReplica: ready, upperMs: 100, lagMs: 0, dataflowUpperMs: 100, originalUpperMs: 100, originalLagMs: 0)
    }

    @Test("pre-hydrations start up to max_parallel_hydrations per cluster, then the machine polls")
    func parallelLimit() {
        var machine = ApplyStateMachine(plan: Self.plan(), options: Self.options, deadlineMs: 1_000_000)
        #expect(machine.next(nowMs: 0) == .execute(Self.plan().step(1)!, timeoutMs: nil))
        machine.executed(1, nowMs: 0)
        #expect(machine.next(nowMs: 0) == .execute(Self.plan().step(2)!, timeoutMs: nil))
        machine.executed(2, nowMs: 0)
        #expect(machine.next(nowMs: 0) == .sleep(untilMs: 1000))
        guard case .poll(let probes) = machine.next(nowMs: 1000) else { Issue.record("expected a poll"); return }
        #expect(probes.map(\.object) == [Self.name("t1"), Self.name("t2")])
    }

    @Test("readiness must hold for stable_polls consecutive polls; a failing poll resets the count")
    func stablePolls() {
        var machine = ApplyStateMachine(plan: Self.plan(), options: Self.options, deadlineMs: 1_000_000, done: [2, 3, 5, 6], waiting: [])
        machine.executed(1, nowMs: 0)
        #expect(machine.polled([Self.sample(Self.name("t1"), ready: true)], nowMs: 1000).first?.ready == false)
        #expect(machine.polled([Self.sample(Self.name("t1"), ready: false)], nowMs: 2000).first?.blocker == "hydrating")
        #expect(machine.polled([Self.sample(Self.name("t1"), ready: true)], nowMs: 3000).first?.ready == false)
        #expect(machine.polled([Self.sample(Self.name("t1"), ready: true)], nowMs: 4000).first?.ready == true)
        #expect(machine.status[1] == .done)
    }

    @Test("each waiting step gets its object's sample, in the probes' order or in any other; a step without one is left out")
    func samplesByObject() {
        var machine = ApplyStateMachine(plan: Self.plan(), options: Self.options, deadlineMs: 1_000_000, done: [3, 6], waiting: [])
        machine.executed(1, nowMs: 0)
        machine.executed(2, nowMs: 0)
        let inOrder = machine.polled([Self.sample(Self.name("t1"), ready: true), Self.sample(Self.name("t2"), ready: false)], nowMs: 1000)
        #expect(inOrder.map(\.step) == [1, 2])
        #expect(inOrder.map(\.blocker) == [nil, "hydrating"])
        let reversed = machine.polled([Self.sample(Self.name("t2"), ready: true), Self.sample(Self.name("t1"), ready: false)], nowMs: 2000)
        #expect(reversed.map(\.step) == [1, 2])
        #expect(reversed.map(\.blocker) == ["hydrating", nil])
        let partial = machine.polled([Self.sample(Self.name("t2"), ready: true)], nowMs: 3000)
        #expect(partial.map(\.step) == [2])
        #expect(partial.first?.ready == true)
    }

    @Test("a cutover is preceded by a feasibility check; a gap skips it and everything after it")
    func gapSkips() {
        var machine = ApplyStateMachine(plan: Self.plan(), options: Self.options, deadlineMs: 1_000_000, done: [1, 2, 3, 5, 6])
        #expect(machine.next(nowMs: 0) == .checkCutover(Self.plan().step(4)!))
        machine.cutoverChecked(4, gap: "stalled")
        #expect(machine.next(nowMs: 0) == .finish(.completed(skipped: [4, 7])))
    }

    @Test("a passing check lets the cutover run, with the time left as its statement timeout")
    func checkedCutover() {
        var machine = ApplyStateMachine(plan: Self.plan(), options: Self.options, deadlineMs: 50_000, done: [1, 2, 3, 5, 6])
        #expect(machine.next(nowMs: 10_000) == .checkCutover(Self.plan().step(4)!))
        machine.cutoverChecked(4, gap: nil)
        #expect(machine.next(nowMs: 10_000) == .execute(Self.plan().step(4)!, timeoutMs: 40_000))
    }

    @Test("cleanup waits until every other step is done")
    func cleanupLast() {
        var machine = ApplyStateMachine(plan: Self.plan(), options: Self.options, deadlineMs: 1_000_000, done: [1, 2, 4, 5], waiting: [3])
        guard case .poll = machine.next(nowMs: 0) else { Issue.record("cleanup must not run while step 3 waits"); return }
    }

    @Test("past the deadline with steps waiting: timed out, naming them")
    func timeout() {
        var machine = ApplyStateMachine(plan: Self.plan(), options: Self.options, deadlineMs: 5000, done: [2, 3, 5, 6], waiting: [1])
        #expect(machine.next(nowMs: 5000) == .finish(.timedOut(pending: [1, 4, 7])))
    }

    @Test("the readiness gate: caught up, lag within max(threshold, lag(O) + threshold), on the target, healthy")
    func gate() {
        let gate = ReadinessGate(lagThresholdMs: 1000)
        let probe = ReadinessProbe(object: Self.name("t"), standsInFor: Self.name("o"), cluster: "b", condition: .ready)
        var sample = Self.sample(Self.name("t"), ready: true)
        #expect(gate.blocker(sample, probe: probe) == nil)
        sample.upperMs = 99
        #expect(gate.blocker(sample, probe: probe)?.contains("catching up") == true)
        sample.upperMs = 100
        sample.originalLagMs = 3000
        sample.lagMs = 4000
        #expect(gate.blocker(sample, probe: probe) == nil)
        sample.lagMs = 4001
        #expect(gate.blocker(sample, probe: probe) == "lag 4001 ms > 4000 ms")
        sample.cluster = "a"
        #expect(gate.blocker(sample, probe: probe)?.contains("not on 'b'") == true)
        sample.cluster = "b"
        sample.replicaProblem = "OOM"
        #expect(gate.blocker(sample, probe: probe) == "OOM")
    }

    @Test("a skip reaches every step after it, whatever their order in a hand-edited plan; a step listed twice counts once")
    func skipsInAnyOrder() {
        let steps = [
            Step(id: 3, action: .dropIndex, phase: .cleanup, sql: "DROP", after: [2], object: Self.name("i"), cluster: "a"),
            Step(id: 2, action: .applyReplacement, phase: .cutover, sql: "APPLY 2", after: [1], object: Self.name("o2"), cluster: "b"),
            Step(id: 1, action: .applyReplacement, phase: .cutover, sql: "APPLY 1", object: Self.name("o1"), cluster: "b"),
            Step(id: 1, action: .applyReplacement, phase: .cutover, sql: "APPLY 1", object: Self.name("o1"), cluster: "b"),
        ]
        var machine = ApplyStateMachine(plan: Plan(fingerprint: "sha256:x", summary: PlanSummary(), steps: steps), options: Self.options, deadlineMs: 1_000_000)
        guard case .checkCutover(let first) = machine.next(nowMs: 0) else { Issue.record("expected the cutover check of step 1"); return }
        #expect(first.id == 1)
        machine.cutoverChecked(1, gap: "stalled")
        #expect(machine.next(nowMs: 0) == .finish(.completed(skipped: [3, 2, 1, 1])))
        #expect(machine.status[3] == .skipped("step 2 was skipped"))
    }
}
