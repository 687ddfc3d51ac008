import Testing
@testable import MZPlanCore

@Suite struct CreateStatementOptionsTests {
    let mv = #"CREATE MATERIALIZED VIEW "mv" IN CLUSTER [u2] WITH (RETAIN HISTORY = FOR '1h', ASSERT NOT NULL = "a") AS SELECT "a" FROM t AS OF 17"#

    @Test("a materialized view's options are the block before AS, carried over by default")
    func carried() throws {
        let statement = try CreateStatement(parsing: mv)
        #expect(statement.options == ["RETAIN HISTORY = FOR '1h'", #"ASSERT NOT NULL = "a""#])
        #expect(statement.rendered(cluster: "b", names: { _ in nil })
            == #"CREATE MATERIALIZED VIEW "mv" IN CLUSTER "b" WITH (RETAIN HISTORY = FOR '1h', ASSERT NOT NULL = "a") AS SELECT "a" FROM t"#)
    }

    @Test("options replaced, removed, or added where there were none")
    func replaced() throws {
        let statement = try CreateStatement(parsing: mv)
        #expect(statement.rendered(options: ["RETAIN HISTORY = FOR '2h'"], names: { _ in nil })
            == #"CREATE MATERIALIZED VIEW "mv" IN CLUSTER [u2] WITH (RETAIN HISTORY = FOR '2h') AS SELECT "a" FROM t"#)
        #expect(statement.rendered(cluster: "b", options: [], names: { _ in nil })
            == #"CREATE MATERIALIZED VIEW "mv" IN CLUSTER "b" AS SELECT "a" FROM t"#)
        let bare = try CreateStatement(parsing: "CREATE MATERIALIZED VIEW mv AS SELECT 1")
        #expect(bare.options.isEmpty)
        #expect(bare.rendered(cluster: "b", options: ["RETAIN HISTORY = FOR '1h'"], names: { _ in nil })
            == #"CREATE MATERIALIZED VIEW mv IN CLUSTER "b" WITH (RETAIN HISTORY = FOR '1h') AS SELECT 1"#)
    }

    @Test("a sink's trailing block: one item set, the others kept")
    func sinkSnapshot() throws {
        let sink = try CreateStatement(parsing: #"CREATE SINK k IN CLUSTER [u3] FROM [u12 AS "d"."s"."mv"] INTO KAFKA CONNECTION kc (TOPIC = 'o') FORMAT JSON ENVELOPE UPSERT WITH (SNAPSHOT = true, VERSION = 2)"#)
        #expect(sink.options == ["SNAPSHOT = true", "VERSION = 2"])
        let options = CreateStatement.setting("SNAPSHOT = false", in: sink.options)
        #expect(sink.rendered(cluster: "b", options: options, names: { _ in nil })
            == #"CREATE SINK k IN CLUSTER "b" FROM "d"."s"."mv" INTO KAFKA CONNECTION kc (TOPIC = 'o') FORMAT JSON ENVELOPE UPSERT WITH (SNAPSHOT = false, VERSION = 2)"#)
        let plain = try CreateStatement(parsing: "CREATE SINK k FROM mv INTO KAFKA CONNECTION kc (TOPIC = 'o') FORMAT JSON ENVELOPE DEBEZIUM")
        #expect(plain.options.isEmpty)
        #expect(plain.rendered(cluster: "b", options: CreateStatement.setting("SNAPSHOT = false", in: plain.options), names: { _ in nil })
            == #"CREATE SINK k IN CLUSTER "b" FROM mv INTO KAFKA CONNECTION kc (TOPIC = 'o') FORMAT JSON ENVELOPE DEBEZIUM WITH (SNAPSHOT = false)"#)
    }

    @Test("an index's options follow its column list")
    func index() throws {
        let index = try CreateStatement(parsing: #"CREATE INDEX i IN CLUSTER [u1] ON [u2 AS "d"."s"."t"] ("a") WITH (RETAIN HISTORY = FOR '10m')"#)
        #expect(index.options == ["RETAIN HISTORY = FOR '10m'"])
        #expect(index.rendered(name: QualifiedName(database: "d", schema: "s", name: "i_new"), cluster: "b", options: [], names: { _ in nil })
            == #"CREATE INDEX "i_new" IN CLUSTER "b" ON "d"."s"."t" ("a")"#)
    }

    @Test("a parenthesized value that is not the options block is left alone")
    func notOptions() throws {
        let source = try CreateStatement(parsing: "CREATE SOURCE s IN CLUSTER c FROM POSTGRES CONNECTION pg (PUBLICATION = 'p')")
        #expect(source.options.isEmpty)
    }

    @Test("option keys", arguments: [
        ("RETAIN HISTORY = FOR '1h'", "RETAIN HISTORY"),
        ("retain history for '1h'", "RETAIN HISTORY"),
        ("SNAPSHOT = false", "SNAPSHOT"),
        ("PARTITION BY = (a, b)", "PARTITION BY"),
    ])
    func keys(_ item: String, _ key: String) {
        #expect(CreateStatement.optionKey(item) == key)
    }
}
