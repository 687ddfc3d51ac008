import MZPlanCore
import MZPlanSimulator
import Testing

/// `APPLY REPLACEMENT` that does not finish by its deadline is cancelled, never sent again, and
/// leaves the move resumable (exit 6), as on live Materialize, where `statement_timeout` does not
/// bound it.
@Suite struct CutoverTimeoutTests {
    /// The simulator, except that every `APPLY REPLACEMENT` is cancelled at its deadline until
    /// `blocking` is switched off.
    final class CancellingTarget: SimulatorTarget {
        var blocking = true
        var applies = 0

        override func execute(_ sql: String, timeoutMs: UInt64?) async throws(ApplyTargetError) {
            if sql.contains("APPLY REPLACEMENT") {
                applies += 1
                if blocking {
                    environment.advance(to: environment.timeMs + (timeoutMs ?? 0))
                    throw ApplyTargetError(.timedOut, message: "cancelled at its deadline")
                }
            }
            try await environment.execute(sql, timeoutMs: timeoutMs)
        }

    }

    @Test("a cancelled cutover exits 6, is sent once, releases the lock, and --resume finishes the move", .timeLimit(.minutes(1)))
    func resumable() async throws {
        let fixture = try ApplyFixture.shop()
        let environment = fixture.environment()
        let target = CancellingTarget(environment)
        let report = await ApplyDriver(target: target, clock: target).apply(fixture.plan)
        #expect(report.outcome == .timedOut, "\(report.message)")
        #expect(report.exitStatus == .timedOut)
        #expect(target.applies == 1, "a cancelled statement is never sent again")
        #expect(environment.lockHolder == nil)
        #expect(environment.journalEntries.contains { $0.status == .failed && $0.action == "apply-replacement" })
        target.blocking = false
        let resumed = await ApplyDriver(target: target, clock: target).resume()
        #expect(resumed.outcome == .completed, "\(resumed.message)")
        #expect(environment.checkInvariants(plan: fixture.plan).isEmpty)
    }
}

/// `--abort` refuses to drop replacements on the versions where that can seal their views.
@Suite struct AbortVersionTests {
    /// The simulator, reporting the catalog as `version`.
    final class VersionedTarget: SimulatorTarget {
        let version: String

        init(_ environment: SimulatedEnvironment, version: String) {
            self.version = version
            super.init(environment)
        }

        override func readCatalog() async throws(ApplyTargetError) -> CatalogSnapshot {
            var snapshot = try await environment.readCatalog()
            snapshot.version = version
            return snapshot
        }

    }

    @Test("abort with replacements created: refused on v26.11, done on v26.13", .timeLimit(.minutes(1)), arguments: [("v26.11.0", false), ("v26.13.1", true)])
    func abort(_ version: String, _ aborts: Bool) async throws {
        let shop = try ApplyFixture.shop()
        let fixture = try ApplyFixture.make(snapshot: shop.snapshot, manifest: "version: 1\nclusters:\n  serving:\n    objects: [customer_ltv, payments]\n")
        let environment = fixture.environment()
        // Times out while the replacements hydrate: they exist, nothing is cut over.
        let first = await ApplyDriver(target: environment, clock: environment, settings: ApplyDriver.Settings(timeoutMs: 5000)).apply(fixture.plan)
        #expect(first.outcome == .timedOut)
        #expect(environment.snapshot().objects.contains { $0.replacementFor != nil })
        let target = VersionedTarget(environment, version: version)
        let report = await ApplyDriver(target: target, clock: target).abort()
        #expect((report.outcome == .aborted) == aborts, Comment(rawValue: report.message))
        if !aborts { #expect(report.message.contains("fixed in v26.13")) }
    }
}

/// Before each `APPLY REPLACEMENT` the engine re-checks feasibility with one readiness read of the
/// replacement; the catalog (seconds on a large live one) only when that shows a start past the view's upper.
@Suite struct CutoverReadTests {
    /// The simulator, counting whole-catalog reads.
    final class CountingTarget: SimulatorTarget {
        var catalogReads = 0

        override func readCatalog() async throws(ApplyTargetError) -> CatalogSnapshot {
            catalogReads += 1
            return try await environment.readCatalog()
        }

    }

    @Test("replacements cut over without reading the catalog again", .timeLimit(.minutes(1)))
    func noCatalogReadPerCutover() async throws {
        let shop = try ApplyFixture.shop()
        let fixture = try ApplyFixture.make(snapshot: shop.snapshot, manifest: "version: 1\nclusters:\n  serving:\n    objects: [customer_ltv, payments]\n")
        let cutovers = fixture.plan.steps.filter { $0.action == .applyReplacement }.count
        #expect(cutovers == 2)
        let target = CountingTarget(fixture.environment())
        let report = await ApplyDriver(target: target, clock: target).apply(fixture.plan)
        #expect(report.outcome == .completed, "\(report.message)")
        // The one read that checks the plan's catalog fingerprint before anything runs.
        #expect(target.catalogReads == 1)
        #expect(target.environment.checkInvariants(plan: fixture.plan).isEmpty)
    }
}

/// A poll's events can go out together (`--progress ndjson` writes them in one write).
@Suite struct PollBatchTests {
    @Test("a poll's events arrive together, in the order they arrive one by one", .timeLimit(.minutes(1)))
    func batches() async throws {
        let fixture = try ApplyFixture.shop()
        let single = EventLog()
        _ = await ApplyFixture.driver(fixture.environment(), events: single).apply(fixture.plan)
        let environment = fixture.environment()
        let batched = EventLog()
        var batches: [[ApplyEvent]] = []
        let driver = ApplyDriver(target: environment, clock: environment, settings: ApplyDriver.Settings(host: "test", pid: 1)) { event in
            batched.events.append(event)
        } emitAll: { events in
            batches.append(events)
            batched.events.append(contentsOf: events)
        }
        _ = await driver.apply(fixture.plan)
        #expect(batched.events.map { $0.ndjsonLine() } == single.events.map { $0.ndjsonLine() })
        #expect(!batches.isEmpty)
        #expect(batches.allSatisfy { batch in batch.allSatisfy { $0.tsMs == batch.first?.tsMs } })
        #expect(batches.joined().filter { if case .objectStatus = $0.kind { true } else { false } }.count
            == single.events.filter { if case .objectStatus = $0.kind { true } else { false } }.count)
    }
}
