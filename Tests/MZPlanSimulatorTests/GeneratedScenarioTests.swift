import MZPlanCore
import MZPlanSimulator
import Testing

@Suite struct GeneratedScenarioTests {
    @Test("generated DAGs apply completely with every invariant holding", .timeLimit(.minutes(2)), arguments: [10, 50])
    func applies(moves: Int) async throws {
        let fixture = try GeneratedScenario.make(moves: moves)
        #expect(fixture.plan.moves.count == moves)
        #expect(!fixture.plan.isBlocked)
        let environment = fixture.environment()
        let report = await ApplyFixture.driver(environment).apply(fixture.plan)
        #expect(report.outcome == .completed, "\(report.message)")
        #expect(environment.checkInvariants(plan: fixture.plan).isEmpty)
        #expect(environment.leftovers().isEmpty)
        #expect(environment.stalenessMs.values.allSatisfy { $0 == 0 })
        let bounds = ApplyBounds(plan: fixture.plan, snapshot: fixture.snapshot)
        #expect(report.makespanMs >= bounds.lowerBoundMs)
        #expect(report.makespanMs * 2 <= bounds.sequentialMs)
    }

    @Test("each readiness poll is one consolidated read, however many objects wait", .timeLimit(.minutes(1)))
    func onePollPerRound() async throws {
        let fixture = try GeneratedScenario.make(moves: 50)
        let events = EventLog()
        let report = await ApplyFixture.driver(fixture.environment(), events: events).apply(fixture.plan)
        let statusTimes = Set(events.events.filter { $0.name == "object-status" }.map(\.tsMs))
        #expect(report.polls == statusTimes.count)
    }

    @Test("a generated DAG converges after a crash at any statement and --resume", .timeLimit(.minutes(2)))
    func crashAnywhere() async throws {
        let fixture = try GeneratedScenario.make(moves: 12, seed: 3)
        let reference = fixture.environment()
        _ = await ApplyFixture.driver(reference).apply(fixture.plan)
        for k in 1...reference.statementsExecuted {
            var faults = SimulatorFaults()
            faults.crashAfterStatement = k
            let environment = fixture.environment(faults)
            _ = await ApplyFixture.driver(environment).apply(fixture.plan)
            environment.faults = SimulatorFaults()
            let report = await ApplyFixture.driver(environment).resume()
            #expect(report.outcome == .completed, "crash after \(k): \(report.message)")
            #expect(environment.placementSignature() == reference.placementSignature(), "crash after \(k)")
            #expect(environment.checkInvariants(plan: fixture.plan).isEmpty, "crash after \(k)")
            #expect(environment.statementsExecuted == reference.statementsExecuted, "crash after \(k)")
        }
    }
}
