import Testing
@testable import MZPlanCore

/// Annotations with hostile names, and text that only looks like structure.
@Suite struct SQLAnnotationTests {
    @Test("hostile annotated names survive exactly when the id is unknown", arguments: [
        (#"[u2 AS "materialize"."public"."weird""name"]"#, #""materialize"."public"."weird""name""#),
        (#"[u2 AS "materialize"."public"."Order Items"]"#, #""materialize"."public"."Order Items""#),
        (#"[u2 AS "materialize"."public"."drop; table"]"#, #""materialize"."public"."drop; table""#),
        (#"[u2 AS "materialize"."public"."a]b"]"#, #""materialize"."public"."a]b""#),
    ])
    func hostile(_ annotation: String, _ expected: String) throws {
        let statement = try CreateStatement(parsing: "CREATE INDEX i IN CLUSTER [u1] ON \(annotation) (a)")
        #expect(statement.rendered(cluster: "c", names: { _ in nil }) == "CREATE INDEX i IN CLUSTER \"c\" ON \(expected) (a)")
    }

    @Test("a known id renders its current name, quoted")
    func current() throws {
        let statement = try CreateStatement(parsing: #"CREATE INDEX i IN CLUSTER [u1] ON [u2 AS "m"."p"."old"] (a)"#)
        let renamed = QualifiedName(database: "m", schema: "p", name: #"new"one"#)
        #expect(statement.rendered(names: { $0 == "u2" ? renamed : nil }) == #"CREATE INDEX i IN CLUSTER [u1] ON "m"."p"."new""one" (a)"#)
    }

    @Test("names with quotes and spaces are quoted on output")
    func quotedOutput() throws {
        let statement = try CreateStatement(parsing: #"CREATE MATERIALIZED VIEW "d"."s"."mv" AS SELECT 1"#)
        #expect(statement.rendered(name: QualifiedName(database: "d", schema: "s", name: #"a "b""#), cluster: "my cluster", names: { _ in nil })
            == #"CREATE MATERIALIZED VIEW "d"."s"."a ""b""" IN CLUSTER "my cluster" AS SELECT 1"#)
    }

    @Test("strings, identifiers and comments are never rewritten", arguments: [
        "SELECT '[u2 AS \"a\".\"b\".\"c\"]' AS x",
        "SELECT E'it\\'s [u2 AS x] AS OF 5' AS x",
        "SELECT \"[u2 AS x]\" FROM t",
        "SELECT 1 /* [u2 AS x] IN CLUSTER y /* nested */ */ AS x",
        "SELECT 1 -- [u2 AS x] AS OF 7\n AS x",
        "SELECT a[1], ARRAY[u1] FROM t",
    ])
    func untouched(_ query: String) throws {
        let statement = try CreateStatement(parsing: "CREATE VIEW v AS " + query)
        #expect(statement.query(names: { _ in QualifiedName(database: "X", schema: "X", name: "X") }) == query)
    }

    @Test("AS OF is stripped only at the end")
    func asOfOnlyAtEnd() throws {
        let inner = try CreateStatement(parsing: "CREATE MATERIALIZED VIEW mv AS SELECT a AS of FROM t")
        #expect(inner.query(names: { _ in nil }) == "SELECT a AS of FROM t")
        let middle = try CreateStatement(parsing: "CREATE MATERIALIZED VIEW mv AS SELECT (SELECT 1 AS OF) AS x FROM t AS OF 99")
        #expect(middle.query(names: { _ in nil }) == "SELECT (SELECT 1 AS OF) AS x FROM t")
    }

    @Test("malformed statements are errors, not crashes", arguments: [
        "CREATE VIEW v AS SELECT 'open",
        "CREATE VIEW v AS SELECT \"open",
        "CREATE VIEW v AS SELECT /* open",
        "SELECT 1",
        "CREATE FUNCTION f",
        "CREATE MATERIALIZED VIEW mv",
        "CREATE VIEW v AS SELECT 1; DROP TABLE t",
        "",
        "CREATE",
    ])
    func malformed(_ sql: String) {
        #expect(throws: SQLRewriteError.self) { try CreateStatement(parsing: sql) }
    }
}
