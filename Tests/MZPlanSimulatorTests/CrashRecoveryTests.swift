import MZPlanCore
import MZPlanSimulator
import Testing

@Suite struct CrashRecoveryTests {
    /// Statements of an uninterrupted apply of the example, and its final placement.
    static func baseline() async throws -> (statements: Int, signature: [String], firstCutover: Int) {
        let fixture = try ApplyFixture.shop()
        let environment = fixture.environment()
        let events = EventLog()
        _ = await ApplyFixture.driver(environment, events: events).apply(fixture.plan)
        let started = events.events.filter { $0.name == "step-started" }
        let firstCutover = started.firstIndex { $0.step.flatMap(fixture.plan.step)?.phase == .cutover }! + 1
        return (environment.statementsExecuted, environment.placementSignature(), firstCutover)
    }

    @Test("a crash after every statement, then --resume: same final catalog, nothing dropped early or duplicated", .timeLimit(.minutes(2)))
    func crashEverywhere() async throws {
        let fixture = try ApplyFixture.shop()
        let baseline = try await Self.baseline()
        #expect(baseline.statements == fixture.plan.steps.count)
        for k in 1...baseline.statements {
            let (crashed, resumed, environment, lockKept) = await fixture.crashAndResume(after: k)
            #expect(crashed == .crashed, "crash after \(k)")
            #expect(lockKept, "the dead apply keeps the lock")
            #expect(resumed.outcome == .completed, "crash after \(k): \(resumed.message)")
            #expect(environment.placementSignature() == baseline.signature, "crash after \(k)")
            #expect(environment.checkInvariants(plan: fixture.plan).isEmpty, "crash after \(k): \(environment.checkInvariants(plan: fixture.plan))")
            #expect(environment.leftovers().isEmpty, "crash after \(k)")
            #expect(environment.statementsExecuted == baseline.statements, "crash after \(k): every statement ran exactly once")
        }
    }

    @Test("a dropped connection before or after any statement: the apply finds out what ran and converges", .timeLimit(.minutes(2)), arguments: [false, true])
    func connectionDrops(after: Bool) async throws {
        let fixture = try ApplyFixture.shop()
        let baseline = try await Self.baseline()
        for k in 1...baseline.statements {
            var faults = SimulatorFaults()
            if after { faults.dropConnectionAfterStatement = k } else { faults.dropConnectionBeforeStatement = k }
            let environment = fixture.environment(faults)
            let report = await ApplyFixture.driver(environment).apply(fixture.plan)
            #expect(report.outcome == .completed, "drop \(after ? "after" : "before") \(k): \(report.message)")
            #expect(environment.placementSignature() == baseline.signature)
            #expect(environment.checkInvariants(plan: fixture.plan).isEmpty)
        }
    }

    @Test("--abort after a crash before any cutover restores the original catalog exactly", .timeLimit(.minutes(2)))
    func abortRestores() async throws {
        let fixture = try ApplyFixture.shop()
        let baseline = try await Self.baseline()
        let original = fixture.environment().placementSignature()
        for k in 1..<baseline.firstCutover {
            var faults = SimulatorFaults()
            faults.crashAfterStatement = k
            let environment = fixture.environment(faults)
            _ = await ApplyFixture.driver(environment).apply(fixture.plan)
            environment.faults = SimulatorFaults()
            let report = await ApplyFixture.driver(environment).abort()
            #expect(report.outcome == .aborted, "crash after \(k): \(report.message)")
            #expect(environment.placementSignature() == original, "crash after \(k)")
            #expect(environment.lockHolder == nil)
            let again = await ApplyFixture.driver(environment).resume()
            #expect(again.exitStatus == .failure, "an aborted apply cannot be resumed")
        }
    }

    @Test("--abort after a crash past a move's point of no return refuses, and --resume finishes it", .timeLimit(.minutes(2)))
    func abortRefusesHalfDoneMoves() async throws {
        let fixture = try ApplyFixture.shop()
        let baseline = try await Self.baseline()
        let dropIndex = try #require(fixture.plan.steps.first { $0.action == .dropIndex })
        var faults = SimulatorFaults()
        faults.crashAfterStatement = dropIndex.id
        let environment = fixture.environment(faults)
        _ = await ApplyFixture.driver(environment).apply(fixture.plan)
        environment.faults = SimulatorFaults()
        let refused = await ApplyFixture.driver(environment).abort()
        #expect(refused.exitStatus == .failure)
        #expect(refused.message.contains("--resume"), "\(refused.message)")
        let resumed = await ApplyFixture.driver(environment).resume()
        #expect(resumed.outcome == .completed, "\(resumed.message)")
        #expect(environment.placementSignature() == baseline.signature)
        #expect(environment.checkInvariants(plan: fixture.plan).isEmpty)
    }

    @Test("--resume does not take the lock from an apply that still runs", .timeLimit(.minutes(1)))
    func resumeRespectsALiveHolder() async throws {
        let fixture = try ApplyFixture.shop()
        var faults = SimulatorFaults()
        faults.crashAfterStatement = 3
        let environment = fixture.environment(faults)
        _ = await ApplyDriver(target: environment, clock: environment, settings: ApplyDriver.Settings(host: "test", pid: 41)).apply(fixture.plan)
        environment.faults = SimulatorFaults()
        let alive = ApplyDriver(target: environment, clock: environment, settings: ApplyDriver.Settings(host: "test", pid: 42, processIsRunning: { $0 == 41 }))
        let report = await alive.resume()
        #expect(report.exitStatus == .lockHeld, "\(report.message)")
        let elsewhere = ApplyDriver(target: environment, clock: environment, settings: ApplyDriver.Settings(host: "other", pid: 41))
        #expect(await elsewhere.resume().exitStatus == .lockHeld)
        let dead = ApplyDriver(target: environment, clock: environment, settings: ApplyDriver.Settings(host: "test", pid: 42, processIsRunning: { _ in false }))
        #expect(await dead.resume().outcome == .completed)
    }

    @Test("--resume with nothing to resume fails with a clear message", .timeLimit(.minutes(1)))
    func nothingToResume() async throws {
        let fixture = try ApplyFixture.shop()
        let report = await ApplyFixture.driver(fixture.environment()).resume()
        #expect(report.exitStatus == .failure)
        #expect(report.message.contains("nothing to resume"))
    }
}
