import Testing
@testable import MZPlanCore

/// The steps and hazards of each strategy (SPEC §5 table).
@Suite struct StrategyTests {
    var catalog: CatalogSnapshot {
        CatalogSnapshot(
            takenAtMs: Fixture.now,
            clusters: [Fixture.cluster("u1", "c1"), Fixture.cluster("u2", "c2"), Fixture.cluster("u3", "ingest")],
            objects: [
                Fixture.object("u10", "s", .source, cluster: "ingest", since: Fixture.now - 5000, upper: Fixture.now - 100),
                Fixture.object("u11", "mv", .materializedView, cluster: "c1", dependsOn: ["u10"], since: Fixture.now - 1500, upper: Fixture.now - 500),
                Fixture.object("u12", "idx", .index, cluster: "c1", on: "u11", dependsOn: ["u11"]),
                Fixture.object("u13", "reader", .materializedView, cluster: "c1", dependsOn: ["u11"], imports: ["u12"], since: Fixture.now - 1500, upper: Fixture.now - 500),
                Fixture.object("u14", "k", .sink, cluster: "c1", dependsOn: ["u11"]),
                Fixture.object("u15", "hook", .source, cluster: "ingest", sourceType: "webhook"),
            ]
        )
    }

    func move(_ name: String, to cluster: String, strategy: Strategy? = nil, allow: [HazardCode] = [], in catalog: CatalogSnapshot? = nil) throws -> (Plan, Move) {
        let manifest = Fixture.manifest([(cluster, nil, [Fixture.rule(cluster, Fixture.exact(name), strategy: strategy, allow: allow)])])
        let plan = try Fixture.plan(manifest, catalog ?? self.catalog)
        return (plan, try #require(plan.moves.first))
    }

    @Test("materialized view, replace: create a replacement, wait until ready, apply it")
    func replace() throws {
        let (plan, move) = try move("mv", to: "c2")
        #expect(move.strategy == .replace)
        #expect(plan.steps.map(\.action) == [.createReplacement, .applyReplacement])
        #expect(plan.steps.map(\.phase) == [.hydrate, .cutover])
        #expect(plan.steps[0].sql == "CREATE REPLACEMENT MATERIALIZED VIEW \"materialize\".\"public\".\"mv_mzplan\" FOR \"materialize\".\"public\".\"mv\" IN CLUSTER \"c2\" AS SELECT 1")
        #expect(plan.steps[0].wait == StepWait(until: .ready, object: QualifiedName(database: "materialize", schema: "public", name: "mv_mzplan"), standsInFor: move.object))
        #expect(plan.steps[1].sql == "ALTER MATERIALIZED VIEW \"materialize\".\"public\".\"mv\" APPLY REPLACEMENT \"materialize\".\"public\".\"mv_mzplan\"")
        #expect(move.estimatedStalenessMs == 0)
    }

    @Test("temporary names never collide with catalog objects")
    func temporaryName() throws {
        var catalog = catalog
        catalog.objects.append(Fixture.object("u20", "mv_mzplan", .view))
        let (plan, _) = try move("mv", to: "c2", in: catalog)
        #expect(plan.steps[0].object?.name == "mv_mzplan_2")
    }

    @Test("materialized view, native: one SET CLUSTER, blocked unless allowed")
    func native() throws {
        let (plan, move) = try move("mv", to: "c2", strategy: .native)
        #expect(plan.steps.map(\.sql) == ["ALTER MATERIALIZED VIEW \"materialize\".\"public\".\"mv\" SET CLUSTER \"c2\""])
        #expect(move.hazards.map(\.code) == [.nativeSetClusterExperimental])
        #expect(move.isBlocked)
        #expect(move.estimatedStalenessMs == 5000)
        #expect(!(try self.move("mv", to: "c2", strategy: .native, allow: [.nativeSetClusterExperimental]).1.isBlocked))
    }

    @Test("a replacement already in flight blocks; allowed, mzplan drops it first")
    func replacementExists() throws {
        var catalog = catalog
        catalog.objects.append(Fixture.object("u30", "mv_next", .materializedView, cluster: "c1", replacementFor: "u11"))
        let (_, blocked) = try move("mv", to: "c2", in: catalog)
        #expect(blocked.hazards.map(\.code) == [.replacementExists])
        #expect(blocked.isBlocked)
        let (plan, allowed) = try move("mv", to: "c2", allow: [.replacementExists], in: catalog)
        #expect(!allowed.isBlocked)
        #expect(plan.steps.map(\.action) == [.dropReplacement, .createReplacement, .applyReplacement])
        #expect(plan.steps[1].after == [1])
    }

    @Test("on v26.10–v26.12 an allowed replacement-exists still blocks: dropping a replacement there can seal its view", arguments: [
        ("v26.10.1", true), ("v26.12.3 (abc)", true), ("v26.13.0", false), ("v26.9.0", false),
    ])
    func replacementDropOnAffectedVersions(_ version: String, _ blocked: Bool) throws {
        var catalog = catalog
        catalog.version = version
        catalog.objects.append(Fixture.object("u30", "mv_next", .materializedView, cluster: "c1", replacementFor: "u11"))
        let (plan, move) = try move("mv", to: "c2", allow: [.replacementExists], in: catalog)
        #expect(move.isBlocked == blocked)
        #expect(plan.steps.contains { $0.action == .dropReplacement } == !blocked)
        if blocked { #expect(move.hazards.first?.message.contains("fixed in v26.13") == true) }
    }

    @Test("index, rebuild: create on the target, wait, drop the old one, rename; locality and in-use warnings")
    func rebuild() throws {
        let (plan, move) = try move("idx", to: "c2")
        #expect(move.strategy == .rebuild)
        #expect(plan.steps.map(\.action) == [.createIndex, .dropIndex, .renameIndex])
        #expect(plan.steps.map(\.phase) == [.hydrate, .cleanup, .cleanup])
        #expect(plan.steps[1].sql == "DROP INDEX \"materialize\".\"public\".\"idx\"")
        #expect(plan.steps[2].sql == "ALTER INDEX \"materialize\".\"public\".\"idx_mzplan\" RENAME TO \"idx\"")
        #expect(move.hazards.map(\.code) == [.indexLocality, .indexInUse])
        #expect(move.hazards[1].message.contains("'materialize.public.reader'"))
        #expect(!move.isBlocked)
    }

    @Test("sink, recreate: new sink with SNAPSHOT = false, wait running, drop, rename; blocked unless allowed")
    func sink() throws {
        let (plan, move) = try move("k", to: "c2")
        #expect(plan.steps.map(\.action) == [.createSink, .dropSink, .renameSink])
        #expect(plan.steps[0].wait?.until == .running)
        #expect(plan.steps[2].sql == "ALTER SINK \"materialize\".\"public\".\"k_mzplan\" RENAME TO \"k\"")
        #expect(move.hazards.map(\.code) == [.sinkRecreate])
        #expect(move.isBlocked)
        #expect(!(try self.move("k", to: "c2", allow: [.sinkRecreate]).1.isBlocked))
    }

    @Test("source, recreate: source-recreate and cascade-drop, with the dependents rebuilt")
    func source() throws {
        let (plan, move) = try move("s", to: "c2")
        #expect(move.hazards.map(\.code) == [.sourceRecreate, .cascadeDrop])
        #expect(move.isBlocked)
        #expect(move.recreates.map(\.name) == ["mv", "idx", "reader", "k"])
        #expect(plan.steps.first?.sql == "DROP SOURCE \"materialize\".\"public\".\"s\" CASCADE")
        #expect(move.hazards[0].remedies.contains { $0.contains("--allow source-recreate --allow cascade-drop") })
        #expect(move.estimatedStalenessMs == 10_000)
    }

    @Test("webhook source: data loss is its own hazard")
    func webhook() throws {
        let (_, move) = try move("hook", to: "c2", allow: [.sourceRecreate])
        #expect(move.hazards.map(\.code) == [.sourceRecreate, .webhookRecreate])
        #expect(move.isBlocked)
    }

    @Test("an object already where the manifest wants it plans nothing")
    func unchanged() throws {
        let plan = try Fixture.plan(Fixture.manifest([("c1", nil, [Fixture.rule("c1", Fixture.exact("mv"))])]), catalog)
        #expect(plan.isEmpty)
        #expect(plan.summary.unchanged == 1)
    }
}
