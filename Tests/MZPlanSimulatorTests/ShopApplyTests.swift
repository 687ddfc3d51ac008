import MZPlanCore
import MZPlanSimulator
import Testing

@Suite struct ShopApplyTests {
    @Test("the example applies end to end: every move lands, invariants hold, MV and index moves have no staleness", .timeLimit(.minutes(1)))
    func endToEnd() async throws {
        let fixture = try ApplyFixture.shop()
        let environment = fixture.environment()
        let events = EventLog()
        let report = await ApplyFixture.driver(environment, events: events).apply(fixture.plan)
        #expect(report.outcome == .completed, "\(report.message)")
        #expect(report.exitStatus == .success)
        #expect(environment.checkInvariants(plan: fixture.plan).isEmpty)
        #expect(environment.leftovers().isEmpty)
        for result in report.moves where result.move.strategy == .replace || result.move.strategy == .rebuild {
            #expect(environment.stalenessMs[result.move.object, default: 0] == 0, "\(result.move.object)")
        }
        #expect(events.events.first?.name == "plan")
        let times = events.events.map(\.tsMs)
        #expect(times == times.sorted())
    }

    @Test("a blocked plan is refused with exit 3 and runs nothing", .timeLimit(.minutes(1)))
    func blocked() async throws {
        let fixture = try ApplyFixture.shop(allow: [])
        let environment = fixture.environment()
        let report = await ApplyFixture.driver(environment).apply(fixture.plan)
        #expect(report.exitStatus == .blocked)
        #expect(environment.statementsExecuted == 0)
        #expect(environment.placementSignature() == SimulatedEnvironment(fixture.snapshot).placementSignature())
    }

    @Test("at most max_parallel_hydrations pre-hydrations wait at once per target cluster", .timeLimit(.minutes(1)))
    func parallelism() async throws {
        let fixture = try ApplyFixture.shop()
        let events = EventLog()
        _ = await ApplyFixture.driver(fixture.environment(), events: events).apply(fixture.plan)
        var waiting: [String: Set<Int>] = [:]
        var peak: [String: Int] = [:]
        for event in events.events {
            guard let step = event.step.flatMap(fixture.plan.step), step.phase == .hydrate, step.wait != nil, let cluster = step.cluster else { continue }
            if event.name == "step-finished" { waiting[cluster, default: []].insert(step.id) }
            if event.name == "ready" { waiting[cluster]?.remove(step.id) }
            peak[cluster] = max(peak[cluster] ?? 0, waiting[cluster]?.count ?? 0)
        }
        #expect(peak["transform"] == 2)
        #expect(peak.values.allSatisfy { $0 <= 2 })
    }

    @Test("another apply holding the lock: exit 5 naming the holder", .timeLimit(.minutes(1)))
    func lockHeld() async throws {
        let fixture = try ApplyFixture.shop()
        let environment = fixture.environment()
        environment.holdLock(LockHolder(planFingerprint: "sha256:other", host: "ci-runner-7", pid: 4242, startedAtMs: 0))
        let report = await ApplyFixture.driver(environment).apply(fixture.plan)
        #expect(report.exitStatus == .lockHeld)
        #expect(report.message.contains("ci-runner-7"))
        #expect(environment.statementsExecuted == 0)
    }

    @Test("a plan made from another catalog is stale: exit 4, nothing runs", .timeLimit(.minutes(1)))
    func stale() async throws {
        let fixture = try ApplyFixture.shop()
        var changed = fixture.snapshot
        changed.objects[changed.objects.count - 1].name = "renamed_meanwhile"
        let environment = SimulatedEnvironment(changed)
        let report = await ApplyFixture.driver(environment).apply(fixture.plan)
        #expect(report.exitStatus == .stale)
        #expect(environment.statementsExecuted == 0)
        #expect(environment.lockHolder == nil)
    }

    @Test("a saved plan round-trips through plan JSON and applies the same", .timeLimit(.minutes(1)))
    func savedPlan() async throws {
        let fixture = try ApplyFixture.shop()
        let decoded = try Plan.decode(Array(fixture.plan.json().utf8), file: "plan.json")
        #expect(decoded == fixture.plan)
        let environment = fixture.environment()
        let report = await ApplyFixture.driver(environment).apply(decoded)
        #expect(report.outcome == .completed)
    }

    @Test("timeout exits 6 and leaves a resumable state; resume then completes", .timeLimit(.minutes(1)))
    func timeoutThenResume() async throws {
        let fixture = try ApplyFixture.shop()
        let environment = fixture.environment()
        let report = await ApplyFixture.driver(environment, timeoutMs: 20_000).apply(fixture.plan)
        #expect(report.exitStatus == .timedOut)
        #expect(environment.lockHolder == nil)
        let resumed = await ApplyFixture.driver(environment).resume()
        #expect(resumed.outcome == .completed, "\(resumed.message)")
        #expect(environment.checkInvariants(plan: fixture.plan).isEmpty)
        #expect(environment.placementSignature() == (await Self.reference(fixture)))
    }

    @Test("an OOM-looping only replica on the target blocks readiness and is reported", .timeLimit(.minutes(1)))
    func oom() async throws {
        let fixture = try ApplyFixture.shop()
        var faults = SimulatorFaults()
        faults.oomClusters = ["serving"]
        let environment = fixture.environment(faults)
        let events = EventLog()
        let report = await ApplyFixture.driver(environment, timeoutMs: 300_000, events: events).apply(fixture.plan)
        #expect(report.exitStatus == .timedOut)
        #expect(report.message.contains("customer_ltv_mzplan"))
        let reported = events.events.contains { $0.name == "object-status" && ($0.waitingFor ?? "").contains("OOM-looping") }
        #expect(reported)
        // Nothing on serving was cut over, and the originals are untouched.
        #expect(report.moves.first { $0.move.object.name == "customer_ltv" }?.state == .pending)
    }

    @Test("concurrent DDL (40001) is retried with backoff", .timeLimit(.minutes(1)))
    func conflict() async throws {
        let fixture = try ApplyFixture.shop()
        var faults = SimulatorFaults()
        faults.conflictOnStatement = 3
        faults.conflicts = 2
        let environment = fixture.environment(faults)
        let report = await ApplyFixture.driver(environment).apply(fixture.plan)
        #expect(report.outcome == .completed, "\(report.message)")
        #expect(environment.placementSignature() == (await Self.reference(fixture)))
    }

    @Test("a conflict that outlasts the retries stops the apply resumable, naming 40001; resume completes", .timeLimit(.minutes(1)))
    func conflictExhausted() async throws {
        let fixture = try ApplyFixture.shop()
        var faults = SimulatorFaults()
        faults.conflictOnStatement = 3
        faults.conflicts = RetryPolicy.default.serializationAttempts
        let environment = fixture.environment(faults)
        let report = await ApplyFixture.driver(environment).apply(fixture.plan)
        #expect(report.outcome == .failed, "\(report.message)")
        #expect(report.message.contains("40001") && report.message.contains("--resume"), "\(report.message)")
        #expect(environment.lockHolder == nil)
        // One send and five retries: the engine is the only layer that retries.
        #expect(environment.statementsExecuted == 2 + RetryPolicy.default.serializationAttempts)
        let resumed = await ApplyFixture.driver(environment).resume(expecting: fixture.plan)
        #expect(resumed.outcome == .completed, "\(resumed.message)")
    }

    /// The final placement of an uninterrupted apply.
    static func reference(_ fixture: ApplyFixture) async -> [String] {
        let environment = fixture.environment()
        _ = await ApplyFixture.driver(environment).apply(fixture.plan)
        return environment.placementSignature()
    }
}
