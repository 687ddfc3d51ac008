import Foundation
import MZPlanTestSupport
import Testing
@testable import MZPlanCore

/// Golden files for every strategy's SQL, planned from a snapshot in Materialize's resolved
/// form with hostile identifiers (`weird"name`, `drop; table`, `Mixed Case idx`, a schema and
/// a cluster with spaces and quotes).
@Suite struct StrategySQLTests {
    func plan(_ manifest: String = "mzplan.yaml") throws -> Plan {
        let manifestURL = fixtureURL("strategies/\(manifest)")
        let catalogURL = fixtureURL("strategies/catalog.json")
        let manifest = try ManifestLoader.load([ManifestSource(path: "mzplan.yaml", bytes: [UInt8](Data(contentsOf: manifestURL)))]).manifest
        let catalog = try CatalogSnapshot.decode([UInt8](Data(contentsOf: catalogURL)), file: "catalog.json")
        return try Planner.plan(manifest: manifest, catalog: catalog).plan
    }

    @Test("every strategy's statements, in order")
    func strategies() throws {
        let plan = try plan()
        assertSnapshot(PlanRenderer().render(plan, format: .sql), named: "strategies", pathExtension: "sql")
        #expect(Set(plan.moves.map(\.strategy)) == [.replace, .native, .rebuild, .recreate])
    }

    @Test("a source move: drop with CASCADE, then the source and its dependents in dependency order")
    func source() throws {
        let plan = try plan("source.yaml")
        assertSnapshot(PlanRenderer().render(plan, format: .sql), named: "source", pathExtension: "sql")
        #expect(plan.moves.map(\.strategy) == [.recreate, .recreate, .recreate])
    }

    @Test("nothing from the input reaches SQL unquoted")
    func quoting() throws {
        let sql = try plan().steps.map(\.sql).joined(separator: "\n")
        #expect(sql.contains(#""materialize"."public"."weird""name""#))
        #expect(sql.contains(#""materialize"."My Schema"."drop; table""#))
        #expect(sql.contains(#"IN CLUSTER "Serving ""Blue""""#))
        #expect(sql.contains(#"RENAME TO "Mixed Case idx""#))
        #expect(!sql.contains("[u"), "no id annotation survives")
        #expect(!sql.contains("AS OF"), "AS OF is dropped")
    }

    @Test("replacement carries options and resolves the definition; sinks start without a snapshot")
    func details() throws {
        let steps = try plan().steps
        let replacement = try #require(steps.first { $0.action == .createReplacement })
        #expect(replacement.sql == #"CREATE REPLACEMENT MATERIALIZED VIEW "materialize"."public"."weird""name_mzplan" FOR "materialize"."public"."weird""name" IN CLUSTER "Serving ""Blue""" WITH (RETAIN HISTORY = FOR '1h', REFRESH = ON COMMIT) AS SELECT "id", "total" FROM "materialize"."public"."orders" WHERE "total" > 100"#)
        let sink = try #require(steps.first { $0.action == .createSink })
        #expect(sink.sql.hasSuffix("WITH (SNAPSHOT = false)"))
        let index = try #require(steps.first { $0.action == .createIndex })
        #expect(index.sql == #"CREATE INDEX "Mixed Case idx_mzplan" IN CLUSTER "Serving ""Blue""" ON "materialize"."public"."weird""name" ("id") WITH (RETAIN HISTORY = FOR '10s')"#)
    }

    @Test("a source with FOR TABLES recreates its subsources itself; its progress relation is never recreated")
    func sourceClosure() throws {
        let plan = try plan("source.yaml")
        let recreated = plan.steps.filter { $0.action == .recreateObject }.compactMap { $0.object?.name }
        #expect(!recreated.contains("orders"))
        #expect(!recreated.contains("pg_progress"))
        #expect(recreated.first == "pg")
    }
}

/// Quoting works on unicode scalars: no grapheme can hide a quote.
@Suite struct IdentifierQuotingTests {
    @Test("a quote followed by a combining mark is still doubled", arguments: [
        ("c\"\u{301}); DROP CLUSTER prod; --", "\"c\"\"\u{301}); DROP CLUSTER prod; --\""),
        ("weird\"name", "\"weird\"\"name\""),
        ("plain", "\"plain\""),
    ])
    func identifiers(raw: String, quoted: String) {
        #expect(SQLIdentifier.quote(raw).unicodeScalars.elementsEqual(quoted.unicodeScalars))
    }

    @Test("literals double a quote followed by a combining mark")
    func literals() {
        #expect(SQLIdentifier.literal("a'\u{301}b").unicodeScalars.elementsEqual("'a''\u{301}b'".unicodeScalars))
    }
}
