import Testing
@testable import MZPlanCore

/// A sealed view (empty upper) cannot be replaced: blocked by `sealed-view`, or recreated when
/// the rule allows it or asks for `strategy: recreate` (SPEC §10.5).
@Suite struct SealedViewTests {
    /// The epic's catalog with `mv` sealed and an index on it (a dependent the recreate rebuilds).
    func catalog() -> CatalogSnapshot {
        var catalog = Fixture.epic(upper: nil, idx2Since: Fixture.now, sealed: true)
        catalog.objects.append(Fixture.object("u14", "mv_idx", .index, cluster: "c1", on: "u13", dependsOn: ["u13"], imports: ["u13"],
                                              sql: #"CREATE INDEX "mv_idx" IN CLUSTER [u1] ON [u13 AS "materialize"."public"."mv"] ("a")"#))
        return catalog
    }

    @Test("the default strategy is blocked with sealed-view and its remedies, and plans no step")
    func blocked() throws {
        let plan = try Fixture.plan(Fixture.manifest([("c2", nil, [Fixture.rule("c2", Fixture.exact("mv"))])]), catalog())
        let move = try #require(plan.moves.first { $0.object.name == "mv" })
        #expect(move.isBlocked)
        #expect(move.steps.isEmpty)
        let hazard = try #require(move.hazards.first { $0.code == .sealedView })
        #expect(hazard.message.contains("is sealed and thus cannot be replaced"))
        #expect(hazard.remedies.count == 2)
        #expect(!plan.steps.contains { $0.action == .createReplacement })
    }

    @Test("allowed, or with strategy recreate: dropped with its dependents and recomputed on the target", arguments: [
        (Strategy?.none, [HazardCode.sealedView, .cascadeDrop]),
        (.recreate, [.cascadeDrop]),
    ])
    func recreated(_ strategy: Strategy?, _ allow: [HazardCode]) throws {
        let manifest = Fixture.manifest([("c2", nil, [Fixture.rule("c2", Fixture.exact("mv"), strategy: strategy, allow: allow)])])
        let plan = try Fixture.plan(manifest, catalog())
        let move = try #require(plan.moves.first { $0.object.name == "mv" })
        #expect(move.strategy == .recreate)
        #expect(!move.isBlocked, "\(move.hazards)")
        #expect(move.hazards.contains { $0.code == .historyReset && $0.severity == .warning })
        #expect(plan.steps.map(\.sql) == [
            #"DROP MATERIALIZED VIEW "materialize"."public"."mv" CASCADE"#,
            #"CREATE MATERIALIZED VIEW "materialize"."public"."mv" IN CLUSTER "c2" AS SELECT 1"#,
            #"CREATE INDEX "mv_idx" IN CLUSTER "c1" ON "materialize"."public"."mv" ("a")"#,
        ])
        #expect(plan.steps.first?.action == .dropMaterializedView)
    }

    @Test("a view reading only a sealed one (through a view) is sealed too: Materialize reports it so and refuses to replace it")
    func sealedThroughItsInputs() throws {
        var catalog = catalog()
        catalog.objects.append(Fixture.object("u15", "v", .view, dependsOn: ["u13"]))
        catalog.objects.append(Fixture.object("u16", "mv2", .materializedView, cluster: "c1", dependsOn: ["u15"], imports: ["u13"],
                                              since: Fixture.now - 1000, upper: Fixture.now - 100))
        let plan = try Fixture.plan(Fixture.manifest([("c2", nil, [Fixture.rule("c2", Fixture.exact("mv2"))])]), catalog)
        let move = try #require(plan.moves.first { $0.object.name == "mv2" })
        #expect(move.isBlocked)
        #expect(move.hazards.contains { $0.code == .sealedView })
        #expect(!plan.steps.contains { $0.action == .createReplacement })
    }

    @Test("without allowing cascade-drop, the recreate of a view with dependents is blocked")
    func cascadeBlocks() throws {
        let manifest = Fixture.manifest([("c2", nil, [Fixture.rule("c2", Fixture.exact("mv"), strategy: .recreate)])])
        let move = try #require(try Fixture.plan(manifest, catalog()).moves.first { $0.object.name == "mv" })
        #expect(move.isBlocked)
        #expect(move.hazards.contains { $0.code == .cascadeDrop && $0.blocks })
    }
}
