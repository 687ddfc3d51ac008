import Testing
@testable import MZPlanCore

/// Materialize's resolved `create_sql` (ids in brackets, `AS OF`) and the plain form read to the
/// same statement once annotations are resolved; nothing inside strings, identifiers or comments
/// is taken for structure.
@Suite struct StoredFormTests {
    static let names: [String: QualifiedName] = [
        "u2": QualifiedName(database: "materialize", schema: "public", name: "orders"),
        "u7": QualifiedName(database: "materialize", schema: "public", name: "t"),
        "u12": QualifiedName(database: "materialize", schema: "public", name: "mv"),
    ]
    static let clusters = ["u1": "compute"]

    func resolved(_ sql: String) throws -> Statement {
        try Statement(parsing: sql).resolved(names: { Self.names[$0] }, clusters: { Self.clusters[$0] })
    }

    @Test("resolved and plain forms resolve to equal statements", arguments: [
        (#"CREATE INDEX "orders_idx" IN CLUSTER [u1] ON [u2 AS "materialize"."public"."orders"] ("pg_catalog"."abs"("a"))"#,
         #"CREATE INDEX orders_idx IN CLUSTER compute ON "materialize"."public"."orders" ("pg_catalog"."abs"("a"))"#),
        (#"CREATE MATERIALIZED VIEW "materialize"."public"."mv" IN CLUSTER [u1] AS SELECT "a" FROM [u7 AS "materialize"."public"."t"]"#,
         #"CREATE MATERIALIZED VIEW "materialize"."public"."mv" IN CLUSTER "compute" AS SELECT "a" FROM "materialize"."public"."t""#),
        (#"CREATE SINK "materialize"."public"."k" IN CLUSTER [u1] FROM [u12 AS "materialize"."public"."mv"] INTO KAFKA CONNECTION [u9 AS "materialize"."public"."kc"] (TOPIC = 'orders') FORMAT JSON ENVELOPE DEBEZIUM"#,
         #"CREATE SINK "materialize"."public"."k" IN CLUSTER compute FROM "materialize"."public"."mv" INTO KAFKA CONNECTION "materialize"."public"."kc" (TOPIC = 'orders') FORMAT JSON ENVELOPE DEBEZIUM;"#),
        (#"CREATE SOURCE "materialize"."public"."pg" IN CLUSTER [u1] FROM POSTGRES CONNECTION [u8 AS "materialize"."public"."pgc"] (PUBLICATION = 'mz_source')"#,
         #"CREATE SOURCE "materialize"."public"."pg" IN CLUSTER compute FROM POSTGRES CONNECTION "materialize"."public"."pgc" (PUBLICATION = 'mz_source')"#),
        (#"CREATE VIEW "materialize"."public"."v" AS SELECT * FROM [u7 AS "materialize"."public"."t"]"#,
         #"CREATE VIEW "materialize"."public"."v" AS SELECT * FROM "materialize"."public"."t";"#),
        (#"CREATE SUBSOURCE "materialize"."public"."s" ("a" [s20 AS "pg_catalog"."int4"]) OF SOURCE [u4 AS "materialize"."public"."pg"] WITH (EXTERNAL REFERENCE = "db"."public"."s")"#,
         #"CREATE SUBSOURCE "materialize"."public"."s" ("a" "pg_catalog"."int4") OF SOURCE "materialize"."public"."pg" WITH (EXTERNAL REFERENCE = "db"."public"."s")"#),
        (#"CREATE TABLE "materialize"."public"."t" ("a" [s20 AS "pg_catalog"."int4"])"#,
         #"CREATE TABLE "materialize"."public"."t" ("a" "pg_catalog"."int4")"#),
    ])
    func bothForms(_ stored: String, _ plain: String) throws {
        let fromStored = try resolved(stored)
        #expect(fromStored == (try resolved(plain)))
        #expect(!fromStored.sql.contains("[u"), "no id annotation survives")
    }

    @Test("hostile annotated names survive exactly when the id is unknown", arguments: [
        (#"[u3 AS "materialize"."public"."weird""name"]"#, #""materialize"."public"."weird""name""#),
        (#"[u3 AS "materialize"."public"."Order Items"]"#, #""materialize"."public"."Order Items""#),
        (#"[u3 AS "materialize"."public"."drop; table"]"#, #""materialize"."public"."drop; table""#),
        (#"[u3 AS "materialize"."public"."a]b"]"#, #""materialize"."public"."a]b""#),
    ])
    func hostile(_ annotation: String, _ expected: String) throws {
        let statement = try resolved("CREATE INDEX i IN CLUSTER [u1] ON \(annotation) (a)")
        #expect(statement.sql == #"CREATE INDEX "i" IN CLUSTER "compute" ON \#(expected) (a)"#)
    }

    @Test("a known id renders its current name, quoted")
    func currentName() throws {
        let renamed = QualifiedName(database: "m", schema: "p", name: #"new"one"#)
        let statement = try Statement(parsing: #"CREATE INDEX i IN CLUSTER [u1] ON [u2 AS "m"."p"."old"] (a)"#).resolved(names: { $0 == "u2" ? renamed : nil })
        #expect(statement.sql == #"CREATE INDEX "i" IN CLUSTER [u1] ON "m"."p"."new""one" (a)"#)
    }

    @Test("strings, identifiers and comments inside a query are never rewritten", arguments: [
        "SELECT '[u2 AS \"a\".\"b\".\"c\"]' AS x",
        "SELECT E'it\\'s [u2 AS x] AS OF 5' AS x",
        "SELECT \"[u2 AS x]\" FROM t",
        "SELECT 1 /* [u2 AS x] IN CLUSTER y /* nested */ */ AS x",
        "SELECT 1 -- [u2 AS x] AS OF 7\n AS x",
        "SELECT a[1], ARRAY[u1] FROM t",
    ])
    func untouched(_ query: String) throws {
        guard case .createView(let view) = try Statement(parsing: "CREATE VIEW v AS " + query).resolved(names: { _ in QualifiedName(database: "X", schema: "X", name: "X") }) else {
            Issue.record("not a view")
            return
        }
        #expect(view.query.sql == query)
    }

    @Test("a definition becomes the query without its trailing ;")
    func definition() throws {
        let query = try SQLFragment(query: #"SELECT "a" FROM [u7 AS "materialize"."public"."t"];"# + "\n").resolved { Self.names[$0] }
        #expect(query.sql == #"SELECT "a" FROM "materialize"."public"."t""#)
        #expect(throws: SQLSyntaxError.self) { try SQLFragment(query: "SELECT 'x;  ") }
    }

    @Test("a query's references: annotations and three-part names", arguments: [
        (#"SELECT * FROM [u2 AS "materialize"."public"."orders"] JOIN "d"."s"."t" USING (id)"#, 2),
        (#"SELECT "t"."a" FROM "d"."s"."t" AS "t""#, 1),
        ("SELECT 'd.s.t' FROM x", 0),
    ])
    func references(_ query: String, _ count: Int) throws {
        #expect(try SQLFragment(query).referencedNames.count == count)
    }

    @Test("a three-part name of a known item becomes an annotation; functions, qualified columns and unknown names stay")
    func annotating() throws {
        let query = try SQLFragment(#"SELECT "materialize"."public"."t"."a", "pg_catalog"."sum"("b") FROM "materialize"."public"."t" JOIN "materialize"."public"."unknown" ON true"#)
        let annotated = query.annotating { $0.parts == ["materialize", "public", "t"] ? "u5" : nil }
        #expect(annotated.sql == #"SELECT "materialize"."public"."t"."a", "pg_catalog"."sum"("b") FROM [u5 AS "materialize"."public"."t"] JOIN "materialize"."public"."unknown" ON true"#)
    }
}
