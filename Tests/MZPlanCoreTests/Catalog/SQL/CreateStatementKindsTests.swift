import Testing
@testable import MZPlanCore

/// Every kind, in resolved and plain form, renders to the same statement for a new name and cluster.
@Suite struct CreateStatementKindsTests {
    struct Case: Sendable, CustomTestStringConvertible {
        var kind: ObjectKind
        var resolved: String
        var plain: String
        var expected: String
        var testDescription: String { kind.rawValue }
    }

    static let names: [String: QualifiedName] = [
        "u2": QualifiedName(database: "materialize", schema: "public", name: "orders"),
        "u7": QualifiedName(database: "materialize", schema: "public", name: "t"),
        "u12": QualifiedName(database: "materialize", schema: "public", name: "mv"),
    ]

    static let cases: [Case] = [
        Case(kind: .index,
             resolved: #"CREATE INDEX "orders_idx" IN CLUSTER [u1] ON [u2 AS "materialize"."public"."orders"] ("pg_catalog"."abs"("a"))"#,
             plain: #"CREATE INDEX orders_idx IN CLUSTER compute ON "materialize"."public"."orders" ("pg_catalog"."abs"("a"))"#,
             expected: #"CREATE INDEX "tmp" IN CLUSTER "serving" ON "materialize"."public"."orders" ("pg_catalog"."abs"("a"))"#),
        Case(kind: .materializedView,
             resolved: #"CREATE MATERIALIZED VIEW "materialize"."public"."mv" IN CLUSTER [u2] AS SELECT "a" FROM [u7 AS "materialize"."public"."t"] AS OF 1764115200000"#,
             plain: #"CREATE MATERIALIZED VIEW "materialize"."public"."mv" IN CLUSTER "compute" AS SELECT "a" FROM "materialize"."public"."t""#,
             expected: #"CREATE MATERIALIZED VIEW "materialize"."public"."tmp" IN CLUSTER "serving" AS SELECT "a" FROM "materialize"."public"."t""#),
        Case(kind: .sink,
             resolved: #"CREATE SINK "materialize"."public"."k" IN CLUSTER [u3] FROM [u12 AS "materialize"."public"."mv"] INTO KAFKA CONNECTION [u9 AS "materialize"."public"."kc"] (TOPIC = 'orders') FORMAT JSON ENVELOPE DEBEZIUM"#,
             plain: #"CREATE SINK "materialize"."public"."k" IN CLUSTER sinks FROM "materialize"."public"."mv" INTO KAFKA CONNECTION "materialize"."public"."kc" (TOPIC = 'orders') FORMAT JSON ENVELOPE DEBEZIUM;"#,
             expected: #"CREATE SINK "materialize"."public"."tmp" IN CLUSTER "serving" FROM "materialize"."public"."mv" INTO KAFKA CONNECTION "materialize"."public"."kc" (TOPIC = 'orders') FORMAT JSON ENVELOPE DEBEZIUM"#),
        Case(kind: .source,
             resolved: #"CREATE SOURCE "materialize"."public"."pg" IN CLUSTER [u4] FROM POSTGRES CONNECTION [u8 AS "materialize"."public"."pgc"] (PUBLICATION = 'mz_source')"#,
             plain: #"CREATE SOURCE "materialize"."public"."pg" FROM POSTGRES CONNECTION "materialize"."public"."pgc" (PUBLICATION = 'mz_source')"#,
             expected: #"CREATE SOURCE "materialize"."public"."tmp" IN CLUSTER "serving" FROM POSTGRES CONNECTION "materialize"."public"."pgc" (PUBLICATION = 'mz_source')"#),
        Case(kind: .view,
             resolved: #"CREATE VIEW "materialize"."public"."v" AS SELECT * FROM [u7 AS "materialize"."public"."t"]"#,
             plain: #"CREATE VIEW "materialize"."public"."v" AS SELECT * FROM "materialize"."public"."t";"#,
             expected: #"CREATE VIEW "materialize"."public"."tmp" IN CLUSTER "serving" AS SELECT * FROM "materialize"."public"."t""#),
        Case(kind: .subsource,
             resolved: #"CREATE SUBSOURCE "materialize"."public"."s" ("a" [s20 AS "pg_catalog"."int4"]) OF SOURCE [u4 AS "materialize"."public"."pg"] WITH (EXTERNAL REFERENCE = "db"."public"."s")"#,
             plain: #"CREATE SUBSOURCE "materialize"."public"."s" ("a" "pg_catalog"."int4") OF SOURCE "materialize"."public"."pg" WITH (EXTERNAL REFERENCE = "db"."public"."s")"#,
             expected: #"CREATE SUBSOURCE "materialize"."public"."tmp" IN CLUSTER "serving" ("a" "pg_catalog"."int4") OF SOURCE "materialize"."public"."pg" WITH (EXTERNAL REFERENCE = "db"."public"."s")"#),
        Case(kind: .table,
             resolved: #"CREATE TABLE "materialize"."public"."t" ("a" [s20 AS "pg_catalog"."int4"])"#,
             plain: #"CREATE TABLE "materialize"."public"."t" ("a" "pg_catalog"."int4")"#,
             expected: #"CREATE TABLE "materialize"."public"."tmp" IN CLUSTER "serving" ("a" "pg_catalog"."int4")"#),
    ]

    @Test("resolved and plain forms render identically", arguments: cases)
    func bothForms(_ example: Case) throws {
        let resolved = try CreateStatement(parsing: example.resolved)
        let plain = try CreateStatement(parsing: example.plain)
        #expect(resolved.kind == example.kind)
        #expect(plain.kind == example.kind)
        let render = { (statement: CreateStatement) in
            statement.rendered(name: QualifiedName(database: "materialize", schema: "public", name: "tmp"), cluster: "serving", names: { Self.names[$0] })
        }
        #expect(render(resolved) == example.expected)
        #expect(render(plain) == example.expected)
    }

    @Test("a default index without a name gets one and a cluster before ON")
    func defaultIndex() throws {
        let statement = try CreateStatement(parsing: #"CREATE DEFAULT INDEX ON [u2 AS "materialize"."public"."orders"]"#)
        #expect(statement.kind == .index)
        #expect(statement.rendered(name: QualifiedName(database: "materialize", schema: "public", name: "i2"), cluster: "c", names: { _ in nil })
            == #"CREATE DEFAULT INDEX "i2" IN CLUSTER "c" ON "materialize"."public"."orders""#)
    }

    @Test("header variants: OR REPLACE, IF NOT EXISTS, REPLACEMENT … FOR, a column list", arguments: [
        ("CREATE OR REPLACE MATERIALIZED VIEW mv AS SELECT 1", #"CREATE OR REPLACE MATERIALIZED VIEW "db"."s"."x" IN CLUSTER "c" AS SELECT 1"#),
        ("CREATE MATERIALIZED VIEW IF NOT EXISTS s.mv (a, b) AS SELECT 1, 2", #"CREATE MATERIALIZED VIEW IF NOT EXISTS "db"."s"."x" (a, b) IN CLUSTER "c" AS SELECT 1, 2"#),
        (#"CREATE REPLACEMENT MATERIALIZED VIEW r FOR [u5 AS "d"."s"."mv"] AS SELECT 1"#,
         #"CREATE REPLACEMENT MATERIALIZED VIEW "db"."s"."x" FOR "d"."s"."mv" IN CLUSTER "c" AS SELECT 1"#),
        ("CREATE SINK IF NOT EXISTS k FROM mv INTO KAFKA CONNECTION kc (TOPIC = 't') FORMAT JSON ENVELOPE DEBEZIUM",
         #"CREATE SINK IF NOT EXISTS "db"."s"."x" IN CLUSTER "c" FROM mv INTO KAFKA CONNECTION kc (TOPIC = 't') FORMAT JSON ENVELOPE DEBEZIUM"#),
    ])
    func headers(_ sql: String, _ expected: String) throws {
        let name = QualifiedName(database: "db", schema: "s", name: "x")
        #expect(try CreateStatement(parsing: sql).rendered(name: name, cluster: "c", names: { _ in nil }) == expected)
    }

    @Test("an unqualified name in a plain-form statement is replaced by the full name")
    func qualifies() throws {
        let statement = try CreateStatement(parsing: "CREATE SINK k IN CLUSTER a FROM m INTO KAFKA CONNECTION kc (TOPIC = 't') FORMAT JSON ENVELOPE DEBEZIUM")
        #expect(statement.rendered(name: QualifiedName(database: "materialize", schema: "ing", name: "k"), cluster: "b", names: { _ in nil })
            == #"CREATE SINK "materialize"."ing"."k" IN CLUSTER "b" FROM m INTO KAFKA CONNECTION kc (TOPIC = 't') FORMAT JSON ENVELOPE DEBEZIUM"#)
    }

    @Test("a view's column list is exposed for the replacement")
    func columnList() throws {
        let statement = try CreateStatement(parsing: #"CREATE MATERIALIZED VIEW "d"."s"."mv" ("a", "b") IN CLUSTER [u1] AS SELECT 1, 2 AS OF 7"#)
        #expect(statement.columnList(names: { _ in nil }) == #"("a", "b")"#)
        #expect(try CreateStatement(parsing: "CREATE MATERIALIZED VIEW mv AS SELECT 1").columnList(names: { _ in nil }) == nil)
    }

    @Test("nothing requested: only annotations, AS OF and the trailing ; change")
    func identity() throws {
        let statement = try CreateStatement(parsing: "CREATE MATERIALIZED VIEW mv IN CLUSTER c AS SELECT 1 AS OF 5;\n")
        #expect(statement.rendered(names: { _ in nil }) == "CREATE MATERIALIZED VIEW mv IN CLUSTER c AS SELECT 1")
    }

    @Test("the query of views and materialized views, without AS OF", arguments: [
        (#"CREATE MATERIALIZED VIEW "mv" IN CLUSTER [u2] WITH (RETAIN HISTORY = FOR '1h') AS SELECT "a" AS "b" FROM [u7 AS "materialize"."public"."t"] AS OF 17"#,
         #"SELECT "a" AS "b" FROM "materialize"."public"."t""#),
        (#"CREATE VIEW v (x) AS WITH w AS (SELECT 1) SELECT * FROM w;"#, "WITH w AS (SELECT 1) SELECT * FROM w"),
    ])
    func query(_ sql: String, _ expected: String) throws {
        #expect(try CreateStatement(parsing: sql).query(names: { _ in nil }) == expected)
    }

    @Test("indexes and sinks have no query")
    func noQuery() throws {
        #expect(try CreateStatement(parsing: #"CREATE INDEX i ON t (a)"#).query(names: { _ in nil }) == nil)
    }
}
