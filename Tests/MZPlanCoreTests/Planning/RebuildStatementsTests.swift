import Testing
@testable import MZPlanCore

/// Stored `create_sql` (purified, resolved) to the statements a user session accepts, and the
/// moves that are blocked when no such statement exists (SPEC §10.5).
@Suite struct RebuildStatementsTests {
    static func source(_ id: String, _ name: String, sql: String, sourceType: String = "postgres") -> CatalogObject {
        Fixture.object(id, name, .source, cluster: "ingest", sourceType: sourceType, sql: sql)
    }

    static func subsource(_ id: String, _ name: String, of source: String, sql: String, type: String = "subsource") -> CatalogObject {
        Fixture.object(id, name, .subsource, dependsOn: [source], sourceType: type, sql: sql)
    }

    static func catalog(_ objects: [CatalogObject]) -> CatalogSnapshot {
        CatalogSnapshot(takenAtMs: Fixture.now, clusters: [Fixture.cluster("u1", "ingest"), Fixture.cluster("u2", "ingest_v2"), Fixture.cluster("u3", "c1")], objects: objects)
    }

    /// A PostgreSQL source as Materialize stores it: DETAILS, no table list, subsources with
    /// EXTERNAL REFERENCE and TEXT COLUMNS of their own.
    static let postgres = catalog([
        source("u10", "pg", sql: #"CREATE SOURCE "materialize"."public"."pg" IN CLUSTER [u1] FROM POSTGRES CONNECTION [u90 AS "materialize"."public"."pg_conn"] (PUBLICATION = 'mz', DETAILS = '0a12') EXPOSE PROGRESS AS [u11 AS "materialize"."public"."pg_progress"]"#),
        subsource("u11", "pg_progress", of: "u10", sql: #"CREATE SUBSOURCE "materialize"."public"."pg_progress" ("lsn" [s1 AS "pg_catalog"."uint8"]) WITH (PROGRESS = true)"#, type: "progress"),
        subsource("u12", "orders", of: "u10", sql: #"CREATE SUBSOURCE "materialize"."public"."orders" ("id" [s20 AS "pg_catalog"."int8"] NOT NULL, "note" [s25 AS "pg_catalog"."text"]) OF SOURCE [u10 AS "materialize"."public"."pg"] WITH (EXTERNAL REFERENCE = "shop"."public"."orders", TEXT COLUMNS = ("note"), DETAILS = '0a34')"#),
        subsource("u13", "Line Items", of: "u10", sql: #"CREATE SUBSOURCE "materialize"."public"."Line Items" ("id" [s20 AS "pg_catalog"."int8"]) OF SOURCE [u10 AS "materialize"."public"."pg"] WITH (EXTERNAL REFERENCE = "shop"."public"."line_items", DETAILS = '0a56')"#),
        Fixture.object("u14", "orders_mv", .materializedView, cluster: "c1", dependsOn: ["u12"],
                       sql: #"CREATE MATERIALIZED VIEW "materialize"."public"."orders_mv" IN CLUSTER [u3] WITH (RETAIN HISTORY = FOR '1h', REFRESH = ON COMMIT) AS SELECT * FROM [u12 AS "materialize"."public"."orders"] AS OF 5"#),
        Fixture.object("u15", "orders_sink", .sink, cluster: "c1", dependsOn: ["u14"],
                       sql: #"CREATE SINK "materialize"."public"."orders_sink" IN CLUSTER [u3] FROM [u14 AS "materialize"."public"."orders_mv"] INTO KAFKA CONNECTION [u91 AS "materialize"."public"."kc"] (TOPIC = 'o') KEY ("id") NOT ENFORCED FORMAT JSON ENVELOPE UPSERT WITH (SNAPSHOT = true, VERSION = 3)"#),
    ])

    static let moveSource = Fixture.manifest([("ingest_v2", nil, [Fixture.rule("ingest_v2", Fixture.exact("pg"), allow: [.sourceRecreate, .cascadeDrop])])])

    @Test("a stored PostgreSQL source is rebuilt with its table list, TEXT COLUMNS on the source, without DETAILS")
    func postgresSource() throws {
        let plan = try Fixture.plan(Self.moveSource, Self.postgres)
        #expect(!plan.isBlocked)
        #expect(plan.steps.map(\.sql) == [
            #"DROP SOURCE "materialize"."public"."pg" CASCADE"#,
            #"CREATE SOURCE "materialize"."public"."pg" IN CLUSTER "ingest_v2" FROM POSTGRES CONNECTION "materialize"."public"."pg_conn" (PUBLICATION = 'mz', TEXT COLUMNS = ("shop"."public"."orders"."note")) FOR TABLES ("shop"."public"."orders" AS "materialize"."public"."orders", "shop"."public"."line_items" AS "materialize"."public"."Line Items") EXPOSE PROGRESS AS "materialize"."public"."pg_progress""#,
            #"CREATE MATERIALIZED VIEW "materialize"."public"."orders_mv" IN CLUSTER "c1" WITH (RETAIN HISTORY = FOR '1h', REFRESH = ON COMMIT) AS SELECT * FROM "materialize"."public"."orders""#,
            #"CREATE SINK "materialize"."public"."orders_sink" IN CLUSTER "c1" FROM "materialize"."public"."orders_mv" INTO KAFKA CONNECTION "materialize"."public"."kc" (TOPIC = 'o') KEY ("id") NOT ENFORCED FORMAT JSON ENVELOPE UPSERT WITH (SNAPSHOT = true)"#,
        ])
        for step in plan.steps {
            #expect(SQLRefusal.check(try Statement(parsing: step.sql), tablesFromSources: false) == nil, "\(step.sql)")
        }
    }

    @Test("tables from a source are rebuilt as CREATE TABLE … FROM SOURCE without columns or DETAILS; the source needs no table list")
    func tablesFromSource() throws {
        let catalog = Self.catalog([
            Self.source("u10", "pg", sql: #"CREATE SOURCE "materialize"."public"."pg" IN CLUSTER [u1] FROM POSTGRES CONNECTION [u90 AS "materialize"."public"."pg_conn"] (PUBLICATION = 'mz', DETAILS = '0a12')"#),
            Fixture.object("u12", "orders", .table, dependsOn: ["u10"],
                           sql: #"CREATE TABLE "materialize"."public"."orders" ("id" [s20 AS "pg_catalog"."int8"] NOT NULL) FROM SOURCE [u10 AS "materialize"."public"."pg"] (REFERENCE = "shop"."public"."orders") WITH (TEXT COLUMNS = ("note"), DETAILS = '0a34')"#),
        ])
        let plan = try Fixture.plan(Self.moveSource, catalog)
        #expect(plan.steps.map(\.sql) == [
            #"DROP SOURCE "materialize"."public"."pg" CASCADE"#,
            #"CREATE SOURCE "materialize"."public"."pg" IN CLUSTER "ingest_v2" FROM POSTGRES CONNECTION "materialize"."public"."pg_conn" (PUBLICATION = 'mz')"#,
            #"CREATE TABLE "materialize"."public"."orders" FROM SOURCE "materialize"."public"."pg" (REFERENCE = "shop"."public"."orders") WITH (TEXT COLUMNS = ("note"))"#,
        ])
    }

    @Test("a replication source with nothing to list under FOR TABLES is blocked before anything is dropped")
    func missingTables() throws {
        let catalog = Self.catalog([
            Self.source("u10", "pg", sql: #"CREATE SOURCE "materialize"."public"."pg" IN CLUSTER [u1] FROM POSTGRES CONNECTION [u90 AS "materialize"."public"."pg_conn"] (PUBLICATION = 'mz', DETAILS = '0a12')"#),
        ])
        let plan = try Fixture.plan(Self.moveSource, catalog)
        let move = try #require(plan.moves.first)
        #expect(move.isBlocked)
        #expect(plan.steps.isEmpty, "nothing is dropped")
        let hazard = try #require(move.hazards.first { $0.code == .rebuildRefused })
        #expect(hazard.message.contains("missing TABLES specification"))
        #expect(hazard.message.contains("'materialize.public.pg'"))
    }

    @Test("a subsource that no table list can recreate blocks its source's move")
    func subsourceWithoutReference() throws {
        let catalog = Self.catalog([
            Self.source("u10", "pg", sql: #"CREATE SOURCE "materialize"."public"."pg" IN CLUSTER [u1] FROM POSTGRES CONNECTION [u90 AS "materialize"."public"."pg_conn"] (PUBLICATION = 'mz', DETAILS = '0a12')"#),
            Self.subsource("u12", "orders", of: "u10", sql: #"CREATE SUBSOURCE "materialize"."public"."orders" ("id" [s20 AS "pg_catalog"."int8"]) OF SOURCE [u10 AS "materialize"."public"."pg"] WITH (EXTERNAL REFERENCE = "shop"."public"."orders")"#),
            Self.subsource("u13", "orphan", of: "u10", sql: #"CREATE SUBSOURCE "materialize"."public"."orphan" ("id" [s20 AS "pg_catalog"."int8"]) OF SOURCE [u10 AS "materialize"."public"."pg"]"#),
        ])
        let move = try #require(try Fixture.plan(Self.moveSource, catalog).moves.first)
        #expect(move.isBlocked)
        #expect(move.hazards.contains { $0.code == .rebuildRefused && $0.message.contains("CREATE SUBSOURCE statements are not supported") })
    }

    @Test("an unreadable create_sql blocks the move that needs it, names the object and the position, and the rest still plans")
    func unreadable() throws {
        var catalog = Fixture.epic(upper: Fixture.now - 100, idx2Since: Fixture.now - 5000)
        catalog.objects[1].createSQL = #"CREATE INDEX "idx1" IN CLUSTER [u1] ON ("a"#
        let manifest = Fixture.manifest([("c2", nil, [Fixture.rule("c2", Fixture.exact("idx1")), Fixture.rule("c2", Fixture.exact("mv"))])])
        let plan = try Fixture.plan(manifest, catalog)
        let index = try #require(plan.moves.first { $0.object.name == "idx1" })
        #expect(index.isBlocked && index.steps.isEmpty)
        let hazard = try #require(index.hazards.first { $0.code == .rebuildRefused })
        #expect(hazard.message.contains("index 'materialize.public.idx1'"))
        #expect(hazard.message.contains("at character 41"))
        let view = try #require(plan.moves.first { $0.object.name == "mv" })
        #expect(!view.isBlocked)
        #expect(!view.steps.isEmpty)
    }

    @Test("rebuild-refused can never be allowed")
    func neverAllowed() {
        #expect(!HazardCode.rebuildRefused.isAllowable)
        #expect(throws: DiagnosticsError.self) { try Fixture.plan(Self.moveSource, Self.postgres, allow: [.rebuildRefused]) }
    }

    @Test("a view's column list goes before FOR in its replacement")
    func replacementColumns() throws {
        var catalog = Fixture.epic(upper: Fixture.now - 100, idx2Since: Fixture.now - 5000)
        catalog.objects[3].createSQL = #"CREATE MATERIALIZED VIEW "materialize"."public"."mv" ("a") IN CLUSTER [u1] WITH (ASSERT NOT NULL = "a", PARTITION BY = ("a"), REFRESH = EVERY '1 day' ALIGNED TO 1::[s474 AS "mz_catalog"."mz_timestamp"]) AS SELECT 1 AS OF 9"#
        let plan = try Fixture.plan(Fixture.manifest([("c2", nil, [Fixture.rule("c2", Fixture.exact("mv"))])]), catalog)
        let create = try #require(plan.steps.first { $0.action == .createReplacement })
        #expect(create.sql == #"CREATE REPLACEMENT MATERIALIZED VIEW "materialize"."public"."mv_mzplan" ("a") FOR "materialize"."public"."mv" IN CLUSTER "c2" WITH (ASSERT NOT NULL = "a", PARTITION BY = ("a"), REFRESH = EVERY '1 day' ALIGNED TO 1::"mz_catalog"."mz_timestamp") AS SELECT 1"#)
    }
}
