import Testing
@testable import MZPlanCore

/// The epic's central problem: a materialized view moved onto a cluster whose index has been
/// compacted past the view's upper must never skip times.
@Suite struct FeasibilityTests {
    let moveToC2 = Fixture.manifest([("c2", nil, [Fixture.rule("c2", Fixture.exact("mv"))])])

    @Test("the index on the target is readable below the view's upper: ok")
    func ok() throws {
        let plan = try Fixture.plan(moveToC2, Fixture.epic(upper: Fixture.now - 500, idx2Since: Fixture.now - 1100))
        let move = try #require(plan.moves.first)
        #expect(move.feasibility == .ok)
        #expect(move.strategy == .replace)
        #expect(move.frontier?.imports.map(\.via) == [.index])
        #expect(move.frontier?.sinceMs == Fixture.now - 1100)
        #expect(move.frontier?.upperMs == Fixture.now - 500)
        #expect(!move.isBlocked)
        #expect(move.hazards.map(\.code) == [])
    }

    @Test("the index on the target is compacted past the view's upper, the view advances: wait")
    func wait() throws {
        let plan = try Fixture.plan(moveToC2, Fixture.epic(upper: Fixture.now - 3000, idx2Since: Fixture.now - 1000))
        let move = try #require(plan.moves.first)
        #expect(move.feasibility == .wait)
        #expect(move.frontier?.estimatedWaitMs == 2000)
        #expect(move.hazards.map(\.code) == [.frontierWait])
        #expect(move.hazards.first?.severity == .warning)
        #expect(!move.isBlocked)
        #expect(plan.summary.blocked == 0)
    }

    @Test("since equal to upper is not readable at upper: wait, not ok")
    func boundary() throws {
        let plan = try Fixture.plan(moveToC2, Fixture.epic(upper: Fixture.now - 1000, idx2Since: Fixture.now - 1000))
        #expect(plan.moves.first?.feasibility == .wait)
        #expect(plan.moves.first?.frontier?.estimatedWaitMs == 0)
    }

    @Test("compacted past the upper and the source is stalled or paused: gap, blocked, with the four remedies", arguments: ["stalled", "paused"])
    func gap(status: String) throws {
        let plan = try Fixture.plan(moveToC2, Fixture.epic(upper: Fixture.now - 3000, idx2Since: Fixture.now - 1000, sourceStatus: status))
        let move = try #require(plan.moves.first)
        #expect(move.feasibility == .gap)
        #expect(move.isBlocked)
        #expect(plan.summary.blocked == 1)
        let gap = try #require(move.hazards.first { $0.code == .frontierGap })
        #expect(gap.severity == .error)
        #expect(gap.message.contains("'materialize.public.s' (\(status))"))
        #expect(gap.remedies.count == 4)
        #expect(gap.remedies[0].contains("strategy: replace"))
        #expect(gap.remedies[1].contains("after the move"))
        #expect(gap.remedies[2].contains("RETAIN HISTORY"))
        #expect(gap.remedies[3].contains("wait"))
    }

    @Test("frontier-gap stays blocked even when allowed by --allow or the rule")
    func gapNeverAllowed() throws {
        let manifest = Fixture.manifest([("c2", nil, [Fixture.rule("c2", Fixture.exact("mv"), allow: [.frontierGap])])])
        let plan = try Fixture.plan(manifest, Fixture.epic(upper: Fixture.now - 3000, idx2Since: Fixture.now - 1000, sourceStatus: "stalled"))
        let gap = try #require(plan.moves.first?.hazards.first { $0.code == .frontierGap })
        #expect(!gap.allowed)
        #expect(gap.blocks)
        #expect(throws: DiagnosticsError.self) {
            try Fixture.plan(moveToC2, Fixture.epic(upper: Fixture.now, idx2Since: Fixture.now), allow: [.frontierGap])
        }
    }

    @Test("native strategy with since ≥ upper is a gap: the old dataflow stops first")
    func nativeGap() throws {
        let manifest = Fixture.manifest([("c2", nil, [Fixture.rule("c2", Fixture.exact("mv"), strategy: .native, allow: [.nativeSetClusterExperimental])])])
        let plan = try Fixture.plan(manifest, Fixture.epic(upper: Fixture.now - 3000, idx2Since: Fixture.now - 1000))
        let move = try #require(plan.moves.first)
        #expect(move.strategy == .native)
        #expect(move.feasibility == .gap)
        #expect(move.isBlocked)
        #expect(plan.steps.map(\.sql) == ["ALTER MATERIALIZED VIEW \"materialize\".\"public\".\"mv\" SET CLUSTER \"c2\""])
    }

    @Test("missing frontiers: unknown, which blocks only native", arguments: [Strategy.replace, .native])
    func unknown(strategy: Strategy) throws {
        let manifest = Fixture.manifest([("c2", nil, [Fixture.rule("c2", Fixture.exact("mv"), strategy: strategy, allow: [.nativeSetClusterExperimental])])])
        let plan = try Fixture.plan(manifest, Fixture.epic(upper: nil, idx2Since: Fixture.now - 1000))
        let move = try #require(plan.moves.first)
        #expect(move.feasibility == .unknown)
        #expect(move.isBlocked == (strategy == .native))
    }

    @Test("a sealed view is feasible whatever the frontiers (native: no new writes)")
    func sealed() throws {
        let manifest = Fixture.manifest([("c2", nil, [Fixture.rule("c2", Fixture.exact("mv"), strategy: .native, allow: [.nativeSetClusterExperimental])])])
        let plan = try Fixture.plan(manifest, Fixture.epic(upper: nil, idx2Since: Fixture.now, sealed: true))
        #expect(plan.moves.first?.feasibility == .ok)
        #expect(plan.moves.first?.frontier?.sealed == true)
    }

    @Test("without an index on the target, the view reads storage (held back by the running view): ok, with storage-read")
    func storage() throws {
        var catalog = Fixture.epic(upper: Fixture.now - 3000, idx2Since: Fixture.now - 1000)
        catalog.objects.removeAll { $0.id == "u12" }
        catalog.objects[0].sinceMs = Fixture.now - 5000
        let plan = try Fixture.plan(moveToC2, catalog)
        let move = try #require(plan.moves.first)
        #expect(move.feasibility == .ok)
        #expect(move.frontier?.imports.map(\.via) == [.storage])
        #expect(move.hazards.map(\.code) == [.storageRead])
        #expect(move.hazards.first?.message.contains("'materialize.public.idx1'") == true)
    }

    @Test("views are expanded to the relations they read")
    func viewsExpanded() throws {
        var catalog = Fixture.epic(upper: Fixture.now - 3000, idx2Since: Fixture.now - 1000)
        catalog.objects.append(Fixture.object("u14", "v", .view, dependsOn: ["u10"]))
        catalog.objects[3].dependsOn = ["u14"]
        let plan = try Fixture.plan(moveToC2, catalog)
        #expect(plan.moves.first?.feasibility == .wait)
        #expect(plan.moves.first?.frontier?.imports.first?.relation.name == "s")
    }
}

/// Stalled sources found through several levels of views and materialized views.
@Suite struct StalledUpstreamTests {
    @Test("a source stalled two levels up turns a wait into a gap")
    func deepStall() throws {
        var catalog = Fixture.epic(upper: Fixture.now - 3000, idx2Since: Fixture.now - 1000)
        catalog.objects.append(Fixture.object("u30", "deep", .source, cluster: "ingest", since: Fixture.now - 9000, upper: Fixture.now - 8000, status: "paused"))
        catalog.objects.append(Fixture.object("u31", "mid", .materializedView, cluster: "c1", dependsOn: ["u30"], since: Fixture.now - 9000, upper: Fixture.now - 8000))
        catalog.objects.append(Fixture.object("u32", "v", .view, dependsOn: ["u31"]))
        catalog.objects[3].dependsOn = ["u10", "u32"]
        let manifest = Fixture.manifest([("c2", nil, [Fixture.rule("c2", Fixture.exact("mv"))])])
        let move = try #require(try Fixture.plan(manifest, catalog).moves.first)
        #expect(move.feasibility == .gap)
        #expect(move.hazards.first { $0.code == .frontierGap }?.message.contains("'materialize.public.deep' (paused)") == true)
    }

    @Test("a dependency cycle in a hand-edited snapshot is an error naming the cycle")
    func cycle() throws {
        var catalog = Fixture.epic(upper: Fixture.now - 500, idx2Since: Fixture.now - 1100)
        catalog.objects[0].dependsOn = ["u13"]
        let manifest = Fixture.manifest([("c2", nil, [Fixture.rule("c2", Fixture.exact("mv"))])])
        do throws(DiagnosticsError) {
            _ = try Planner.plan(manifest: manifest, catalog: catalog)
            Issue.record("a cycle was accepted")
        } catch {
            #expect(error.diagnostics.map(\.code) == ["catalog.cycle"])
            #expect(error.diagnostics.first?.message.contains("materialize.public.s") == true)
        }
    }

    @Test("a cycle is reported before what resolving the manifest found, though both are worked out together")
    func cycleBeforeResolution() {
        var catalog = Fixture.epic(upper: Fixture.now - 500, idx2Since: Fixture.now - 1100)
        catalog.objects[0].dependsOn = ["u13"]
        let manifest = Fixture.manifest([("c2", nil, [Fixture.rule("c2", Fixture.exact("missing"))])])
        let withCycle = #expect(throws: DiagnosticsError.self) { try Planner.plan(manifest: manifest, catalog: catalog) }
        #expect(withCycle?.diagnostics.map(\.code) == ["catalog.cycle"])
        catalog.objects[0].dependsOn = []
        let withoutCycle = #expect(throws: DiagnosticsError.self) { try Planner.plan(manifest: manifest, catalog: catalog) }
        #expect(withoutCycle?.diagnostics.map(\.code) == ["plan.unknown-object"])
    }
}
