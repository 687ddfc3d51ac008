import Testing
@testable import MZPlanCore

/// The one list of what a user session is refused, with Materialize's messages.
@Suite struct SQLRefusalTests {
    @Test("stored forms a user may not send back", arguments: [
        (#"CREATE SUBSOURCE "s" ("a" int4) OF SOURCE "pg" WITH (EXTERNAL REFERENCE = "db"."public"."s")"#, "CREATE SUBSOURCE statements are not supported"),
        (#"CREATE MATERIALIZED VIEW "mv" IN CLUSTER "c" AS SELECT 1 AS OF 5"#, "CREATE MATERIALIZED VIEW ... AS OF statements are not supported"),
        (#"CREATE SOURCE "pg" IN CLUSTER "c" FROM POSTGRES CONNECTION "pgc" (PUBLICATION = 'p', DETAILS = '0a') FOR ALL TABLES"#, "POSTGRES source validation: CREATE SOURCE specifies DETAILS option"),
        (#"CREATE SOURCE "ms" IN CLUSTER "c" FROM SQL SERVER CONNECTION "c" (DETAILS = '0a') FOR ALL TABLES"#, "SQL SERVER source validation: CREATE SOURCE specifies DETAILS option"),
        (#"CREATE SOURCE "pg" IN CLUSTER "c" FROM POSTGRES CONNECTION "pgc" (PUBLICATION = 'p')"#, "missing TABLES specification"),
        (#"CREATE SOURCE "my" IN CLUSTER "c" FROM MYSQL CONNECTION "myc""#, "missing TABLES specification"),
        (#"CREATE TABLE "t" ("a" int4) FROM SOURCE "pg" (REFERENCE = "db"."public"."t")"#, "CREATE TABLE .. FROM SOURCE column definitions cannot be specified directly"),
        (#"CREATE TABLE "t" FROM SOURCE "pg" (REFERENCE = "db"."public"."t") WITH (DETAILS = '0a')"#, "details cannot be explicitly set"),
        (#"CREATE SINK "k" IN CLUSTER "c" FROM "mv" INTO KAFKA CONNECTION "kc" (TOPIC = 't') FORMAT JSON ENVELOPE DEBEZIUM WITH (SNAPSHOT = false, VERSION = 2)"#, "CREATE SINK...WITH (VERSION..) is not allowed"),
        (#"CREATE SINK "k" IN CLUSTER "c" FROM "mv" INTO KAFKA CONNECTION "kc" (TOPIC = 't') FORMAT JSON ENVELOPE DEBEZIUM WITH (PARTITION STRATEGY = 'v1')"#, "CREATE SINK...WITH (PARTITION STRATEGY..) is not allowed"),
    ])
    func refused(_ sql: String, _ message: String) throws {
        #expect(SQLRefusal.check(try Statement(parsing: sql), tablesFromSources: false)?.message == message)
    }

    @Test("the user forms are accepted", arguments: [
        #"CREATE SOURCE "pg" IN CLUSTER "c" FROM POSTGRES CONNECTION "pgc" (PUBLICATION = 'p') FOR TABLES ("db"."public"."t" AS "t")"#,
        #"CREATE SOURCE "k" IN CLUSTER "c" FROM KAFKA CONNECTION "kc" (TOPIC = 't') FORMAT JSON"#,
        #"CREATE SOURCE "g" IN CLUSTER "c" FROM LOAD GENERATOR COUNTER"#,
        #"CREATE TABLE "t" FROM SOURCE "pg" (REFERENCE = "db"."public"."t") WITH (TEXT COLUMNS = ("a"))"#,
        #"CREATE TABLE "plain" ("a" int4)"#,
        #"CREATE SINK "k" IN CLUSTER "c" FROM "mv" INTO KAFKA CONNECTION "kc" (TOPIC = 't') FORMAT JSON ENVELOPE DEBEZIUM WITH (SNAPSHOT = false, COMMIT INTERVAL = '1s')"#,
        #"CREATE MATERIALIZED VIEW "mv" IN CLUSTER "c" WITH (RETAIN HISTORY = FOR '1h') AS SELECT 1"#,
    ])
    func accepted(_ sql: String) throws {
        #expect(SQLRefusal.check(try Statement(parsing: sql), tablesFromSources: false) == nil)
    }

    @Test("a replication source without a table list is accepted once tables come from sources")
    func tablesFromSources() throws {
        let source = try Statement(parsing: #"CREATE SOURCE "pg" IN CLUSTER "c" FROM POSTGRES CONNECTION "pgc" (PUBLICATION = 'p')"#)
        #expect(SQLRefusal.check(source, tablesFromSources: true) == nil)
    }

    @Test("replacement refusals name the views as Materialize does")
    func replacementMessages() {
        #expect(SQLRefusal.sealedView(ObjectName(["d", "s", "mv"])).message == "materialized view mv is sealed and thus cannot be replaced")
        #expect(SQLRefusal.replacementExists(target: ObjectName(["mv2"]), replacement: ObjectName(["rp"])).message == "cannot replace mv2 because it already has a replacement: rp")
    }
}
