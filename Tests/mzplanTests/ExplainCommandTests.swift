import Foundation
import MZPlanTestSupport
import Testing

/// `mzplan explain` end to end on the shop: a move, a blocked move, an object left alone, one
/// that follows its source, an unmanaged one, JSON, and names that do not resolve.
@Suite struct ExplainCommandTests {
    let root = repositoryRoot()

    func explain(_ arguments: [String]) throws -> CommandResult {
        try runMzplan(["explain", "-f", "examples/shop/mzplan.yaml", "--catalog", "examples/shop/catalog.json"] + arguments, currentDirectory: root)
    }

    @Test("golden accounts", arguments: [
        ("customer_ltv", "move"),
        ("kafka_clicks", "blocked"),
        ("pg_shop", "unmoved"),
        ("orders", "subsource"),
        ("scratch.big_orders", "unmanaged"),
        ("materialize.public.funnel_idx", "rebuilt"),
    ])
    func golden(_ name: String, _ golden: String) throws {
        let result = try explain([name])
        #expect(result.exitCode == 0, "\(result.stderr)")
        #expect(result.stderr.isEmpty)
        assertSnapshot(result.stdout, named: "explain-" + golden, pathExtension: "txt")
    }

    @Test("the account of a move says where, why, the strategy, frontiers, hazards and steps")
    func content() throws {
        let text = try explain(["customer_ltv"]).stdout
        #expect(text.contains("moves from 'compute' to 'serving' with `replace`"))
        #expect(text.contains("by the rule 'materialize.public.customer_ltv' at examples/shop/mzplan.yaml:34:9 (an exact name)"))
        #expect(text.contains("not native:"))
        #expect(text.contains("materialize.public.customers via index materialize.public.customers_by_id_idx, since 1764115199000"))
        #expect(text.contains("frontier-wait (warning)"))
        #expect(text.contains("APPLY REPLACEMENT"))
    }

    @Test("hostile names: quoted in manifest syntax, shown visibly, the rule found", arguments: [
        ("\"weird\"\"name\"", "replace"),
        ("\"My Schema\".\"drop; table\"", "native"),
    ])
    func hostile(_ name: String, _ strategy: String) throws {
        let result = try runMzplan(["explain", "-f", "Tests/MZPlanCoreTests/Fixtures/strategies/mzplan.yaml", "--catalog", "Tests/MZPlanCoreTests/Fixtures/strategies/catalog.json", name, "--format", "json"], currentDirectory: root)
        #expect(result.exitCode == 0, "\(result.stderr)")
        let document = try #require(try JSONSerialization.jsonObject(with: Data(result.stdout.utf8)) as? [String: Any])
        #expect((document["move"] as? [String: Any])?["strategy"] as? String == strategy)
        #expect((document["decided_by"] as? [String: Any])?["location"] as? String != nil)
    }

    @Test("--format json has the documented shape")
    func json() throws {
        let result = try explain(["customer_ltv", "--format", "json"])
        #expect(result.exitCode == 0)
        let document = try #require(try JSONSerialization.jsonObject(with: Data(result.stdout.utf8)) as? [String: Any])
        #expect(Set(document.keys) == ["object", "id", "kind", "cluster", "desired_cluster", "summary", "decided_by", "move", "rebuilt_by", "alternatives", "steps", "depends_on_moved", "used_by_moved", "memory_bytes", "plan_cost"])
        let decided = try #require(document["decided_by"] as? [String: Any])
        #expect(decided["kind"] as? String == "rule" && decided["location"] as? String == "examples/shop/mzplan.yaml:34:9")
        #expect((document["move"] as? [String: Any])?["strategy"] as? String == "replace")
        #expect((document["steps"] as? [Any])?.count == 2)
    }

    @Test("an unknown name exits 1 with the closest names; a glob is refused", arguments: [
        ("customer_lvt", "did you mean 'materialize.public.customer_ltv'"),
        ("public.*", "is a glob"),
        ("a.b.c.d", "dot-separated parts"),
    ])
    func errors(_ name: String, _ fragment: String) throws {
        let result = try explain([name])
        #expect(result.exitCode == 1)
        #expect(result.stdout.isEmpty)
        #expect(result.stderr.contains(fragment), "\(result.stderr)")
    }
}
