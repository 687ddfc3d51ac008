import Testing
@testable import MZPlanCore

/// Every statement form mzplan reads or writes: parsed, rendered canonically, and read back to
/// an equal value (render ∘ parse is the identity on canonical text).
@Suite struct StatementRoundTripTests {
    /// Canonical text: what the renderer writes, so it must come back byte for byte.
    static let canonical: [String] = [
        #"CREATE CLUSTER "c" (SIZE = '100cc', REPLICATION FACTOR = 2)"#,
        #"ALTER CLUSTER "c" SET (SIZE = '400cc')"#,
        #"ALTER CLUSTER "c" SET (SIZE = '400cc') WITH (WAIT UNTIL READY (TIMEOUT = '30m', ON TIMEOUT = 'ROLLBACK'))"#,
        #"ALTER CLUSTER "a" RENAME TO "b""#,
        #"ALTER CLUSTER "a" SWAP WITH "a_new""#,
        #"DROP CLUSTER "Serving ""Blue""""#,
        #"CREATE REPLACEMENT MATERIALIZED VIEW "d"."s"."mv_mzplan" ("a", "b") FOR "d"."s"."mv" IN CLUSTER "b" WITH (RETAIN HISTORY = FOR '1h', REFRESH = ON COMMIT) AS SELECT "a", "b" FROM "d"."s"."t""#,
        #"CREATE MATERIALIZED VIEW "d"."s"."mv" IN CLUSTER "b" WITH (REFRESH = EVERY '1 day' ALIGNED TO '2026-01-01', ASSERT NOT NULL = "a", PARTITION BY = ("a")) AS SELECT 1 AS "a""#,
        #"CREATE MATERIALIZED VIEW "d"."s"."mv" IN CLUSTER "b" WITH (REFRESH = AT CREATION, REFRESH = AT '2026-12-24 00:00:00') AS SELECT 1"#,
        #"ALTER MATERIALIZED VIEW "d"."s"."mv" APPLY REPLACEMENT "d"."s"."mv_mzplan""#,
        #"ALTER MATERIALIZED VIEW "d"."s"."mv" SET CLUSTER "b""#,
        #"CREATE VIEW "d"."s"."v" AS SELECT * FROM "d"."s"."t""#,
        #"CREATE INDEX "i_mzplan" IN CLUSTER "b" ON "d"."s"."t" ("pg_catalog"."abs"("a"), "b") WITH (RETAIN HISTORY = FOR '1h')"#,
        #"CREATE DEFAULT INDEX IN CLUSTER "b" ON "d"."s"."t""#,
        #"ALTER INDEX "d"."s"."i_mzplan" RENAME TO "i""#,
        #"DROP INDEX "d"."s"."i""#,
        #"DROP SOURCE "d"."s"."pg" CASCADE"#,
        #"DROP MATERIALIZED VIEW IF EXISTS "d"."s"."a", "d"."s"."b""#,
        #"CREATE SINK "d"."s"."k" IN CLUSTER "sinks" FROM "d"."s"."mv" INTO KAFKA CONNECTION "d"."s"."kc" (TOPIC = 'o') KEY ("id") NOT ENFORCED HEADERS "h" FORMAT JSON ENVELOPE UPSERT WITH (SNAPSHOT = false, COMMIT INTERVAL = '1s')"#,
        #"CREATE SINK "d"."s"."k" IN CLUSTER "sinks" FROM "d"."s"."mv" INTO KAFKA CONNECTION "d"."s"."kc" (TOPIC = 'o') FORMAT AVRO USING CONFLUENT SCHEMA REGISTRY CONNECTION "d"."s"."csr" ENVELOPE DEBEZIUM"#,
        #"ALTER SINK "d"."s"."k_mzplan" RENAME TO "k""#,
        #"CREATE SOURCE "d"."s"."pg" IN CLUSTER "ingest" FROM POSTGRES CONNECTION "d"."s"."pgc" (PUBLICATION = 'mz', TEXT COLUMNS = ("shop"."public"."t"."c")) FOR TABLES ("shop"."public"."t" AS "d"."s"."t", "shop"."public"."u" AS "d"."s"."u") EXPOSE PROGRESS AS "d"."s"."pg_progress""#,
        #"CREATE SOURCE "d"."s"."my" IN CLUSTER "ingest" FROM MYSQL CONNECTION "d"."s"."myc" (EXCLUDE COLUMNS = ("shop"."t"."blob")) FOR TABLES ("shop"."t" AS "d"."s"."t")"#,
        #"CREATE SOURCE "d"."s"."ms" IN CLUSTER "ingest" FROM SQL SERVER CONNECTION "d"."s"."msc" FOR ALL TABLES"#,
        #"CREATE SOURCE "d"."s"."pg2" IN CLUSTER "ingest" FROM POSTGRES CONNECTION "d"."s"."pgc" (PUBLICATION = 'mz') FOR SCHEMAS ("public", "sales")"#,
        #"CREATE SOURCE "d"."s"."k" IN CLUSTER "ingest" FROM KAFKA CONNECTION "d"."s"."kc" (TOPIC = 'clicks', START OFFSET = (0, 10)) KEY FORMAT TEXT VALUE FORMAT JSON INCLUDE KEY AS "k", PARTITION, OFFSET ENVELOPE UPSERT EXPOSE PROGRESS AS "d"."s"."k_progress" WITH (RETAIN HISTORY = FOR '1h')"#,
        #"CREATE SOURCE "d"."s"."auction" IN CLUSTER "ingest" FROM LOAD GENERATOR AUCTION (TICK INTERVAL = '1s') FOR TABLES ("mz_load_generators"."auction"."bids" AS "d"."s"."bids")"#,
        #"CREATE SOURCE "d"."s"."counter" IN CLUSTER "ingest" FROM LOAD GENERATOR COUNTER"#,
        #"CREATE SOURCE "d"."s"."hook" IN CLUSTER "ingest" FROM WEBHOOK BODY FORMAT JSON INCLUDE HEADERS CHECK (WITH (HEADERS, BODY AS "b", SECRET "d"."s"."sec") "pg_catalog"."constant_time_eq"("headers" -> 'x-sig', "sec"))"#,
        #"CREATE TABLE "d"."s"."orders" FROM SOURCE "d"."s"."pg" (REFERENCE = "shop"."public"."orders") WITH (TEXT COLUMNS = ("note"))"#,
        #"CREATE TABLE "d"."s"."clicks" FROM SOURCE "d"."s"."k" (REFERENCE = "clicks") FORMAT JSON ENVELOPE NONE"#,
        #"CREATE TABLE "d"."s"."t" ("a" "pg_catalog"."int4", "b" "pg_catalog"."text")"#,
        #"CREATE SUBSOURCE "d"."s"."t" ("a" "pg_catalog"."int4" NOT NULL, CONSTRAINT "t_pkey" PRIMARY KEY ("a")) OF SOURCE "d"."s"."pg" WITH (EXTERNAL REFERENCE = "shop"."public"."t", DETAILS = '0a1b')"#,
    ]

    @Test("canonical text reads and renders back byte for byte", arguments: canonical)
    func canonicalText(_ sql: String) throws {
        let statement = try Statement(parsing: sql)
        #expect(statement.sql == sql)
        #expect(try Statement(parsing: statement.sql) == statement)
    }

    @Test("statements built as values read back equal")
    func builtValues() throws {
        let built: [Statement] = [
            .createCluster(CreateClusterStatement(name: #"we"ird"#, options: [SQLOption("SIZE", .literal("100'cc")), SQLOption("REPLICATION FACTOR", .integer(1))])),
            .alter(AlterStatement(.cluster, ObjectName("c"), .set([SQLOption("SIZE", .literal("400cc"))], with: [
                SQLOption("WAIT UNTIL READY", .list([try SQLFragment("TIMEOUT = '30m'"), try SQLFragment("ON TIMEOUT = 'ROLLBACK'")]), usesEquals: false),
            ]))),
            .drop(DropStatement(.source, ObjectName(QualifiedName(database: "d", schema: "My Schema", name: "drop; table")), cascade: true)),
            .alter(AlterStatement(.index, ObjectName(QualifiedName(database: "d", schema: "s", name: "i_mzplan")), .rename(to: "Mixed Case idx"))),
            .createIndex(CreateIndexStatement(name: "i", cluster: .named("c"), on: ObjectName(["d", "s", "t"]), keys: try SQLFragment(#""a""#))),
        ]
        for statement in built {
            #expect(try Statement(parsing: statement.sql) == statement, "\(statement.sql)")
        }
    }

    @Test("plain forms read the same values as their canonical spelling", arguments: [
        ("create index i in cluster c on d.s.t (a) with (retain history for '1h')",
         #"CREATE INDEX "i" IN CLUSTER "c" ON "d"."s"."t" (a) WITH (RETAIN HISTORY FOR '1h')"#),
        ("alter cluster c set (size = '100cc');", #"ALTER CLUSTER "c" SET (SIZE = '100cc')"#),
        ("drop source s cascade ;", #"DROP SOURCE "s" CASCADE"#),
        ("DROP INDEX i RESTRICT", #"DROP INDEX "i""#),
    ])
    func plainForms(_ plain: String, _ canonical: String) throws {
        let statement = try Statement(parsing: plain)
        #expect(try statement == Statement(parsing: canonical))
        #expect(try Statement(parsing: statement.sql) == statement)
    }

    @Test("a stored materialized view keeps its AS OF until the planner clears it")
    func asOf() throws {
        guard case .createMaterializedView(var view) = try Statement(parsing: #"CREATE MATERIALIZED VIEW "mv" IN CLUSTER [u2] AS SELECT (SELECT 1 AS OF) AS x FROM t AS OF 99"#) else {
            Issue.record("not a materialized view")
            return
        }
        #expect(view.asOf == 99)
        #expect(view.query.sql == "SELECT (SELECT 1 AS OF) AS x FROM t")
        view.asOf = nil
        #expect(view.sql == #"CREATE MATERIALIZED VIEW "mv" IN CLUSTER [u2] AS SELECT (SELECT 1 AS OF) AS x FROM t"#)
    }

    @Test("header variants: OR REPLACE, IF NOT EXISTS, TEMPORARY")
    func headers() throws {
        guard case .createMaterializedView(let view) = try Statement(parsing: "CREATE OR REPLACE MATERIALIZED VIEW IF NOT EXISTS s.mv (a, b) AS SELECT 1, 2") else {
            Issue.record("not a materialized view")
            return
        }
        #expect(view.orReplace && view.ifNotExists)
        #expect(view.columns == ["a", "b"])
        #expect(view.name == ObjectName(["s", "mv"]))
        guard case .createView(let temporary) = try Statement(parsing: "CREATE TEMP VIEW v AS SELECT 1") else {
            Issue.record("not a view")
            return
        }
        #expect(temporary.temporary)
        #expect(temporary.sql == #"CREATE TEMPORARY VIEW "v" AS SELECT 1"#)
    }
}
