import MZPlanCore
import MZPlanSimulator
import Testing

/// `--abort`'s undo list as a pure function of the plan, its journal and the catalog (SPEC §6.7).
@Suite struct AbortPlanTests {
    /// The shop's plan killed after `statements` statements: its journal and what the catalog holds.
    static func crashed(after statements: Int) async throws -> (Plan, [JournalEntry], CatalogSnapshot) {
        let fixture = try ApplyFixture.shop()
        var faults = SimulatorFaults()
        faults.crashAfterStatement = statements
        let environment = fixture.environment(faults)
        _ = await ApplyFixture.driver(environment).apply(fixture.plan)
        return (fixture.plan, environment.journalEntries, environment.snapshot())
    }

    @Test("before the cutovers: the stand-ins created so far, then the created clusters left empty, by name")
    func beforeCutovers() async throws {
        let (plan, entries, catalog) = try await Self.crashed(after: 5)
        let drops = try AbortPlan.undo(plan, entries: entries, catalog: catalog).get().map { Statement.drop($0).sql }
        #expect(drops == [
            #"DROP INDEX "materialize"."public"."order_lines_idx_mzplan""#,
            #"DROP INDEX "materialize"."public"."orders_by_region_idx_mzplan""#,
            #"DROP MATERIALIZED VIEW "materialize"."public"."customer_ltv_mzplan""#,
            #"DROP CLUSTER "ingest_kafka""#,
            #"DROP CLUSTER "transform""#,
        ])
    }

    @Test("a cluster the apply created keeps what another move put there: not dropped")
    func createdClusterStillUsed() async throws {
        let (plan, entries, catalog) = try await Self.crashed(after: 5)
        var busy = catalog
        let index = try #require(busy.objects.firstIndex { $0.name == "orders" })
        busy.objects[index].cluster = "transform"
        let drops = try AbortPlan.undo(plan, entries: entries, catalog: busy).get().map { Statement.drop($0).sql }
        #expect(!drops.contains(#"DROP CLUSTER "transform""#))
        #expect(drops.contains(#"DROP CLUSTER "ingest_kafka""#))
    }

    @Test("a move whose irreversible step started and did not finish: refused, naming it")
    func pastNoReturn() async throws {
        let (plan, entries, catalog) = try await Self.crashed(after: 5)
        let apply = try #require(plan.steps.first { $0.action == .applyReplacement })
        let started = JournalEntry(planFingerprint: plan.fingerprint, stepID: apply.id, action: apply.action.rawValue, status: .started, atMs: 0, detail: "")
        let result = AbortPlan.undo(plan, entries: entries + [started], catalog: catalog)
        guard case .failure(.pastNoReturn(let names)) = result else {
            Issue.record("expected a refusal, got \(result)")
            return
        }
        #expect(names.map(\.name) == ["customer_ltv"])
        #expect(plan.moves.first { $0.object == names.first }?.steps.contains(apply.id) == true)
        #expect(AbortPlan.Refusal.pastNoReturn(names).message.contains("run `mzplan apply --resume` to finish it"))
    }
}
