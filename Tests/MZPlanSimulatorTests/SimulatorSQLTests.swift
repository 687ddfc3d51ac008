import MZPlanCore
import MZPlanSimulator
import Testing

/// The simulator reads statements with MZPlanCore's one parser, refuses what Materialize refuses
/// with Materialize's messages, and models what the statements do.
@Suite struct SimulatorSQLTests {
    let mv = #""materialize"."public"."m""#

    func run(_ environment: SimulatedEnvironment, _ sql: String) async -> ApplyTargetError? {
        do {
            try await environment.execute(sql, timeoutMs: nil)
            return nil
        } catch {
            return error
        }
    }

    @Test("what Materialize refuses from a user, with its message", .timeLimit(.minutes(1)), arguments: [
        (#"CREATE SUBSOURCE "materialize"."public"."x" ("a" int4) OF SOURCE "materialize"."public"."s" WITH (EXTERNAL REFERENCE = "db"."public"."x")"#, "CREATE SUBSOURCE statements are not supported"),
        (#"CREATE SOURCE "materialize"."public"."pg" IN CLUSTER "b" FROM POSTGRES CONNECTION "materialize"."public"."pgc" (PUBLICATION = 'p', DETAILS = '0a') FOR ALL TABLES"#, "POSTGRES source validation: CREATE SOURCE specifies DETAILS option"),
        (#"CREATE SOURCE "materialize"."public"."pg" IN CLUSTER "b" FROM POSTGRES CONNECTION "materialize"."public"."pgc" (PUBLICATION = 'p')"#, "missing TABLES specification"),
        (#"CREATE SINK "materialize"."public"."k" IN CLUSTER "b" FROM "materialize"."public"."m" INTO KAFKA CONNECTION "materialize"."public"."kc" (TOPIC = 't') FORMAT JSON ENVELOPE DEBEZIUM WITH (VERSION = 2)"#, "CREATE SINK...WITH (VERSION..) is not allowed"),
        (#"CREATE MATERIALIZED VIEW "materialize"."public"."n" IN CLUSTER "b" AS SELECT 1 AS OF 5"#, "CREATE MATERIALIZED VIEW ... AS OF statements are not supported"),
    ])
    func refusals(_ sql: String, _ message: String) async {
        let environment = SimulatorModelTests.environment()
        let error = await run(environment, sql)
        #expect(error?.message == message)
    }

    @Test("a statement the simulator does not model is a 42601 that quotes it", .timeLimit(.minutes(1)), arguments: [
        #"ALTER SCHEMA "public" SWAP WITH "public_new""#,
        #"ALTER CLUSTER "b" SET (SIZE = '200cc') WITH (WAIT FOR '10m')"#,
        "GRANT SELECT ON t TO r",
    ])
    func notModeled(_ sql: String) async {
        let error = await run(SimulatorModelTests.environment(), sql)
        #expect(error?.sqlState == "42601")
        #expect(error?.message.contains(String(sql.prefix(20))) == true, "\(error?.message ?? "")")
    }

    @Test("replacements: refused for a sealed view, a second one, or other columns", .timeLimit(.minutes(1)))
    func replacementRefusals() async {
        let environment = SimulatorModelTests.environment()
        let create = { (name: String, columns: String) in
            #"CREATE REPLACEMENT MATERIALIZED VIEW "materialize"."public"."\#(name)"\#(columns) FOR "materialize"."public"."m" IN CLUSTER "b" AS SELECT 1"#
        }
        #expect(await run(environment, create("r1", ""))?.message == nil)
        #expect(await run(environment, create("r2", ""))?.message == "cannot replace m because it already has a replacement: r1")
        #expect(await run(environment, "DROP MATERIALIZED VIEW \"materialize\".\"public\".\"r1\"")?.message == nil)
        #expect(await run(environment, #"CREATE MATERIALIZED VIEW "materialize"."public"."named" ("a") IN CLUSTER "b" AS SELECT 1"#)?.message == nil)
        let renamed = await run(environment, #"CREATE REPLACEMENT MATERIALIZED VIEW "materialize"."public"."r3" FOR "materialize"."public"."named" IN CLUSTER "b" AS SELECT 1"#)
        #expect(renamed?.message.hasPrefix("replacement schema differs from target schema") == true)
        #expect(await run(environment, #"CREATE REPLACEMENT MATERIALIZED VIEW "materialize"."public"."r3" ("a") FOR "materialize"."public"."named" IN CLUSTER "b" AS SELECT 1"#)?.message == nil)
        #expect(await run(environment, #"CREATE MATERIALIZED VIEW "materialize"."public"."once" IN CLUSTER "b" WITH (REFRESH = AT CREATION) AS SELECT 1"#)?.message == nil)
        environment.advance(to: environment.timeMs + 60_000)
        let sealed = environment.snapshot().objects.first { $0.name == "once" }
        #expect(sealed?.sealed == true, "a view refreshed only AT given times is sealed once hydrated")
        let refused = await run(environment, #"CREATE REPLACEMENT MATERIALIZED VIEW "materialize"."public"."r4" FOR "materialize"."public"."once" IN CLUSTER "b" AS SELECT 1"#)
        #expect(refused?.message == "materialized view once is sealed and thus cannot be replaced")
    }

    @Test("after APPLY REPLACEMENT the view has the replacement's id, and its dependents point at it", .timeLimit(.minutes(1)))
    func replacementID() async {
        let environment = SimulatorModelTests.environment()
        #expect(await run(environment, #"CREATE REPLACEMENT MATERIALIZED VIEW "materialize"."public"."m_mzplan" FOR "materialize"."public"."m" IN CLUSTER "b" AS SELECT * FROM "materialize"."public"."s""#)?.message == nil)
        let replacementID = environment.snapshot().objects.first { $0.name == "m_mzplan" }?.id
        environment.advance(to: environment.timeMs + 60_000)
        #expect(await run(environment, #"ALTER MATERIALIZED VIEW "materialize"."public"."m" APPLY REPLACEMENT "materialize"."public"."m_mzplan""#)?.message == nil)
        let objects = environment.snapshot().objects
        let view = objects.first { $0.name == "m" }
        #expect(view?.id == replacementID)
        #expect(view?.cluster == "b")
        #expect(objects.first { $0.name == "m_idx" }?.on == replacementID)
        #expect(!objects.contains { $0.name == "m_mzplan" })
    }

    @Test("a view reading a replacement still reads the view once it is applied: dropping the view needs CASCADE", .timeLimit(.minutes(1)))
    func readerOfAppliedReplacement() async {
        let environment = SimulatorModelTests.environment()
        #expect(await run(environment, #"CREATE REPLACEMENT MATERIALIZED VIEW "materialize"."public"."m_mzplan" FOR "materialize"."public"."m" IN CLUSTER "b" AS SELECT * FROM "materialize"."public"."s""#)?.message == nil)
        #expect(await run(environment, #"CREATE VIEW "materialize"."public"."w" AS SELECT * FROM "materialize"."public"."m_mzplan""#)?.message == nil)
        environment.advance(to: environment.timeMs + 60_000)
        #expect(await run(environment, #"ALTER MATERIALIZED VIEW "materialize"."public"."m" APPLY REPLACEMENT "materialize"."public"."m_mzplan""#)?.message == nil)
        #expect(await run(environment, #"DROP MATERIALIZED VIEW "materialize"."public"."m""#)?.sqlState == "2BP01")
        #expect(environment.snapshot().objects.contains { $0.name == "w" })
        #expect(await run(environment, #"DROP MATERIALIZED VIEW "materialize"."public"."m" CASCADE"#)?.message == nil)
        #expect(!environment.snapshot().objects.contains { $0.name == "w" || $0.name == "m" })
    }

    @Test("a source created with a table list gets its subsources, stored the way Materialize stores them", .timeLimit(.minutes(1)))
    func storedForms() async {
        let environment = SimulatorModelTests.environment()
        let sql = #"CREATE SOURCE "materialize"."public"."pg" IN CLUSTER "b" FROM POSTGRES CONNECTION "materialize"."public"."pgc" (PUBLICATION = 'p') FOR TABLES ("shop"."public"."t" AS "materialize"."public"."t") EXPOSE PROGRESS AS "materialize"."public"."pg_progress""#
        #expect(await run(environment, sql)?.message == nil)
        let objects = environment.snapshot().objects
        let source = objects.first { $0.name == "pg" }
        #expect(source?.createSQL?.contains("DETAILS = '") == true)
        #expect(source?.createSQL?.contains("FOR TABLES") == false)
        #expect(source?.createSQL?.contains("IN CLUSTER [u") == true)
        let table = objects.first { $0.name == "t" }
        #expect(table?.kind == .subsource)
        #expect(table?.createSQL?.contains(#"EXTERNAL REFERENCE = "shop"."public"."t""#) == true)
        #expect(objects.first { $0.name == "pg_progress" }?.sourceType == "progress")
    }
}
