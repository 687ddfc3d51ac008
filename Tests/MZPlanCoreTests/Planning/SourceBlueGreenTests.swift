import Foundation
import MZPlanTestSupport
import Testing
@testable import MZPlanCore

/// Sources moved blue-green (SPEC §10.5): a second source and closure under temporary names,
/// cut over by one transaction of renames, the old closure dropped — on `examples/replication`,
/// whose catalog has a PostgreSQL source with tables from the source, a MySQL source with a
/// subsource, a Kafka source, a webhook, views, materialized views on two clusters, an index and a sink.
@Suite struct SourceBlueGreenTests {
    static let catalog: CatalogSnapshot = {
        let url = repositoryRoot().appendingPathComponent("examples/replication/catalog.json")
        do {
            return try CatalogSnapshot.decode([UInt8](Data(contentsOf: url)), file: "catalog.json")
        } catch {
            preconditionFailure("examples/replication/catalog.json: \(error)")
        }
    }()

    static func plan(_ yaml: String, catalog: CatalogSnapshot = catalog) throws -> Plan {
        let loaded = try ManifestLoader.load([ManifestSource(path: "mzplan.yaml", text: "version: 1\n" + yaml)])
        return try Planner.plan(manifest: loaded.manifest, catalog: catalog).plan
    }

    static func step(_ plan: Plan, _ action: Step.Action) throws -> Step {
        try #require(plan.steps.first { $0.action == action })
    }

    @Test("done when: a PostgreSQL source with its tables, a view and a sink moves with only the sink's allowed recreate, creating before it drops")
    func postgresDoneWhen() throws {
        let plan = try Self.plan("""
        clusters:
          ingest_pg: { size: 100cc, objects: [{ name: pg_orders, strategy: blue-green }] }
          sinks: { objects: [{ name: customer_spend_sink, allow: [sink-recreate] }] }
        """)
        #expect(!plan.isBlocked)
        let move = try #require(plan.moves.first { $0.object.name == "pg_orders" })
        #expect(move.strategy == .blueGreen)
        #expect(move.estimatedStalenessMs == 0)
        let errors = move.hazards.filter { $0.severity == .error }
        #expect(errors.map(\.code) == [.sinkRecreate])
        #expect(errors.allSatisfy { $0.allowed })
        #expect(Set(move.hazards.map(\.code)) == [.sourceDoubleIngest, .historyReset, .sinkRecreate])
        #expect(move.hazards.first { $0.code == .sourceDoubleIngest }?.message.contains("replication slot") == true)
        #expect(move.hazards.first { $0.code == .historyReset }?.message.contains("'materialize.public.customer_spend'") == true)

        // Creates before it drops: every new object, then the renames, then the sinks, then the drop.
        let creations = plan.steps.filter { $0.action == .createObject }
        let rename = try Self.step(plan, .renameObjects)
        let sink = try Self.step(plan, .createSink)
        let drop = try Self.step(plan, .dropRetired)
        #expect(creations.count == 7)
        #expect(creations.allSatisfy { $0.id < rename.id && $0.phase == .hydrate })
        #expect(Set(rename.after) == Set(creations.map(\.id)))
        #expect(sink.after == [rename.id] && drop.after.sorted() == [rename.id, sink.id])
        #expect(!plan.steps.contains { [.dropSource, .dropMaterializedView, .dropIndex, .dropSink].contains($0.action) })
        #expect(drop.sql == #"DROP SOURCE "materialize"."public"."pg_orders_mzplan_old" CASCADE"#)

        // The new closure reads the new source, on each object's own cluster.
        #expect(creations.map(\.sql) == [
            #"CREATE SOURCE "materialize"."public"."pg_orders_mzplan" IN CLUSTER "ingest_pg" FROM POSTGRES CONNECTION "materialize"."public"."pg_conn" (PUBLICATION = 'mz_orders')"#,
            #"CREATE TABLE "materialize"."public"."orders_mzplan" FROM SOURCE "materialize"."public"."pg_orders_mzplan" (REFERENCE = "shop"."public"."orders")"#,
            #"CREATE TABLE "materialize"."public"."order_items_mzplan" FROM SOURCE "materialize"."public"."pg_orders_mzplan" (REFERENCE = "shop"."public"."order_items") WITH (TEXT COLUMNS = ("sku"))"#,
            #"CREATE VIEW "materialize"."public"."order_totals_mzplan" AS SELECT "o"."id", "o"."customer", "pg_catalog"."sum"("i"."qty" * "i"."price") AS "total" FROM "materialize"."public"."orders_mzplan" AS "o" JOIN "materialize"."public"."order_items_mzplan" AS "i" ON "i"."order_id" = "o"."id" GROUP BY "o"."id", "o"."customer""#,
            #"CREATE MATERIALIZED VIEW "materialize"."public"."customer_spend_mzplan" IN CLUSTER "compute" WITH (REFRESH = ON COMMIT) AS SELECT "customer", "pg_catalog"."count"(*) AS "placed", "pg_catalog"."sum"("total") AS "spent" FROM "materialize"."public"."order_totals_mzplan" GROUP BY "customer""#,
            #"CREATE INDEX "customer_spend_idx_mzplan" IN CLUSTER "serving" ON "materialize"."public"."customer_spend_mzplan" ("customer")"#,
            #"CREATE MATERIALIZED VIEW "materialize"."public"."engagement_mzplan" IN CLUSTER "serving" WITH (REFRESH = ON COMMIT) AS SELECT "s"."customer", "s"."spent", "e"."events" FROM "materialize"."public"."customer_spend_mzplan" AS "s" JOIN "materialize"."public"."events_by_customer" AS "e" ON "e"."customer" = "s"."customer""#,
        ])
        // Dataflows and tables from the source wait until ready against what they stand in for; views compute nothing.
        #expect(creations.compactMap(\.wait).map(\.standsInFor?.name) == ["pg_orders", "orders", "order_items", "customer_spend", "customer_spend_idx", "engagement"])
        #expect(sink.sql == #"CREATE SINK "materialize"."public"."customer_spend_sink" IN CLUSTER "sinks" FROM "materialize"."public"."customer_spend" INTO KAFKA CONNECTION "materialize"."public"."kafka_conn" (TOPIC = 'customer-spend') KEY ("customer") NOT ENFORCED FORMAT JSON ENVELOPE UPSERT WITH (SNAPSHOT = false)"#)
        for step in plan.steps where step.action != .renameObjects {
            #expect(SQLRefusal.check(try Statement(parsing: step.sql), tablesFromSources: true) == nil, "\(step.sql)")
        }
    }

    @Test("the cutover is one transaction: old names retire, then new objects take the original names")
    func cutoverTransaction() throws {
        let plan = try Self.plan("""
        clusters:
          ingest_pg: { size: 100cc, objects: [{ name: pg_orders, strategy: blue-green, allow: [sink-recreate] }] }
        """)
        let rename = try Self.step(plan, .renameObjects)
        #expect(rename.phase == .cutover && rename.cluster == "ingest_pg" && rename.object?.name == "pg_orders")
        #expect(rename.sql.hasPrefix("BEGIN;\n") && rename.sql.hasSuffix("\nCOMMIT;"))
        #expect(rename.statements == [
            #"ALTER SOURCE "materialize"."public"."pg_orders" RENAME TO "pg_orders_mzplan_old""#,
            #"ALTER TABLE "materialize"."public"."orders" RENAME TO "orders_mzplan_old""#,
            #"ALTER TABLE "materialize"."public"."order_items" RENAME TO "order_items_mzplan_old""#,
            #"ALTER VIEW "materialize"."public"."order_totals" RENAME TO "order_totals_mzplan_old""#,
            #"ALTER MATERIALIZED VIEW "materialize"."public"."customer_spend" RENAME TO "customer_spend_mzplan_old""#,
            #"ALTER INDEX "materialize"."public"."customer_spend_idx" RENAME TO "customer_spend_idx_mzplan_old""#,
            #"ALTER SINK "materialize"."public"."customer_spend_sink" RENAME TO "customer_spend_sink_mzplan_old""#,
            #"ALTER MATERIALIZED VIEW "materialize"."public"."engagement" RENAME TO "engagement_mzplan_old""#,
            #"ALTER SOURCE "materialize"."public"."pg_orders_mzplan" RENAME TO "pg_orders""#,
            #"ALTER TABLE "materialize"."public"."orders_mzplan" RENAME TO "orders""#,
            #"ALTER TABLE "materialize"."public"."order_items_mzplan" RENAME TO "order_items""#,
            #"ALTER VIEW "materialize"."public"."order_totals_mzplan" RENAME TO "order_totals""#,
            #"ALTER MATERIALIZED VIEW "materialize"."public"."customer_spend_mzplan" RENAME TO "customer_spend""#,
            #"ALTER INDEX "materialize"."public"."customer_spend_idx_mzplan" RENAME TO "customer_spend_idx""#,
            #"ALTER MATERIALIZED VIEW "materialize"."public"."engagement_mzplan" RENAME TO "engagement""#,
        ])
        // The plan's JSON round-trips the transaction.
        let decoded = try Plan.decode(Array(plan.json().utf8), file: "plan.json")
        #expect(decoded.steps.first { $0.action == .renameObjects }?.statements == rename.statements)
    }

    @Test("Kafka and MySQL sources: progress relations and subsources are created by the new source under temporary names")
    func kafkaAndMySQL() throws {
        let plan = try Self.plan("""
        clusters:
          ingest_kafka: { size: 50cc, objects: [kafka_events] }
          ingest_mysql: { size: 50cc, objects: [mysql_inventory] }
          serving: { objects: [{ name: engagement, kind: materialized-view }] }
        options: { source_moves: blue-green }
        """)
        #expect(!plan.isBlocked)
        let sources = plan.steps.filter { $0.action == .createObject && $0.sql.hasPrefix("CREATE SOURCE") }.map(\.sql)
        #expect(sources == [
            #"CREATE SOURCE "materialize"."public"."kafka_events_mzplan" IN CLUSTER "ingest_kafka" FROM KAFKA CONNECTION "materialize"."public"."kafka_conn" (TOPIC = 'shop.events') FORMAT JSON ENVELOPE NONE EXPOSE PROGRESS AS "materialize"."public"."kafka_events_progress_mzplan""#,
            #"CREATE SOURCE "materialize"."public"."mysql_inventory_mzplan" IN CLUSTER "ingest_mysql" FROM MYSQL CONNECTION "materialize"."public"."mysql_conn" FOR TABLES ("inventory"."stock" AS "materialize"."public"."stock_mzplan") EXPOSE PROGRESS AS "materialize"."public"."mysql_inventory_progress_mzplan""#,
        ])
        let kafka = try #require(plan.moves.first { $0.object.name == "kafka_events" })
        #expect(kafka.hazards.first { $0.code == .sourceDoubleIngest }?.message.contains("consumer group") == true)
        let mysql = try #require(plan.moves.first { $0.object.name == "mysql_inventory" })
        #expect(mysql.hazards.first { $0.code == .sourceDoubleIngest }?.message.contains("binlog") == true)
        let renames = plan.steps.filter { $0.action == .renameObjects }.flatMap(\.statements)
        #expect(renames.contains(#"ALTER SOURCE "materialize"."public"."kafka_events_progress_mzplan" RENAME TO "kafka_events_progress""#))
        #expect(renames.contains(#"ALTER SOURCE "materialize"."public"."stock_mzplan" RENAME TO "stock""#))
    }

    @Test("a PostgreSQL source with subsources: the new source lists its tables under temporary names, quoted names included")
    func postgresSubsources() throws {
        let manifest = Fixture.manifest([
            ("ingest_v2", nil, [Fixture.rule("ingest_v2", Fixture.exact("pg"), strategy: .blueGreen, allow: [.sinkRecreate])]),
        ])
        let plan = try Fixture.plan(manifest, RebuildStatementsTests.postgres)
        #expect(!plan.isBlocked)
        let source = try #require(plan.steps.first { $0.action == .createObject })
        #expect(source.sql == #"CREATE SOURCE "materialize"."public"."pg_mzplan" IN CLUSTER "ingest_v2" FROM POSTGRES CONNECTION "materialize"."public"."pg_conn" (PUBLICATION = 'mz', TEXT COLUMNS = ("shop"."public"."orders"."note")) FOR TABLES ("shop"."public"."orders" AS "materialize"."public"."orders_mzplan", "shop"."public"."line_items" AS "materialize"."public"."Line Items_mzplan") EXPOSE PROGRESS AS "materialize"."public"."pg_progress_mzplan""#)
        let view = try #require(plan.steps.first { $0.object?.name == "orders_mv_mzplan" })
        #expect(view.sql.hasSuffix(#"AS SELECT * FROM "materialize"."public"."orders_mzplan""#))
        let renames = try #require(plan.steps.first { $0.action == .renameObjects }).statements
        #expect(renames.contains(#"ALTER SOURCE "materialize"."public"."Line Items" RENAME TO "Line Items_mzplan_old""#))
        #expect(renames.contains(#"ALTER SOURCE "materialize"."public"."Line Items_mzplan" RENAME TO "Line Items""#))
        #expect(renames.contains(#"ALTER SOURCE "materialize"."public"."pg_progress_mzplan" RENAME TO "pg_progress""#))
        let sink = try #require(plan.steps.first { $0.action == .createSink })
        #expect(sink.sql == #"CREATE SINK "materialize"."public"."orders_sink" IN CLUSTER "c1" FROM "materialize"."public"."orders_mv" INTO KAFKA CONNECTION "materialize"."public"."kc" (TOPIC = 'o') KEY ("id") NOT ENFORCED FORMAT JSON ENVELOPE UPSERT WITH (SNAPSHOT = false)"#)
    }

    @Test("two sources whose closures share a view move together: one new closure, one transaction, two drops")
    func twoSourcesTogether() throws {
        let plan = try Self.plan("""
        clusters:
          ingest_pg: { size: 100cc, objects: [pg_orders] }
          ingest_kafka: { size: 50cc, objects: [kafka_events] }
        options: { source_moves: blue-green, allow: [sink-recreate] }
        """)
        #expect(!plan.isBlocked)
        #expect(plan.steps.filter { $0.action == .renameObjects }.count == 1)
        #expect(plan.steps.filter { $0.action == .dropRetired }.map(\.sql).sorted() == [
            #"DROP SOURCE "materialize"."public"."kafka_events_mzplan_old" CASCADE"#,
            #"DROP SOURCE "materialize"."public"."pg_orders_mzplan_old" CASCADE"#,
        ])
        let engagement = plan.steps.filter { $0.object?.name == "engagement_mzplan" }
        #expect(engagement.count == 1, "the shared view is built once")
        #expect(engagement.first?.sql.contains(#""materialize"."public"."events_by_customer_mzplan" AS "e""#) == true)
        #expect(engagement.first?.sql.contains(#""materialize"."public"."customer_spend_mzplan" AS "s""#) == true)
        // Each object is listed once, under the first source that reaches it.
        let listed = plan.moves.flatMap(\.recreates)
        #expect(listed.count == Set(listed).count)
        #expect(plan.moves.allSatisfy { $0.strategy == .blueGreen })
    }

    @Test("a webhook source is never moved blue-green: it keeps webhook-recreate and says why")
    func webhookRefused() throws {
        let plan = try Self.plan("""
        clusters:
          ingest_hooks: { size: 25cc, objects: [{ name: hooks, strategy: blue-green }] }
        """)
        let move = try #require(plan.moves.first)
        #expect(move.strategy == .recreate)
        #expect(move.isBlocked)
        #expect(move.hazards.contains { $0.code == .webhookRecreate })
        #expect(move.reason.contains("not blue-green: a webhook source cannot move blue-green"))
        #expect(!plan.steps.contains { $0.action == .createObject })
    }

    @Test("without source_moves, strategy auto still recreates a source")
    func defaultRecreates() throws {
        let plan = try Self.plan("""
        clusters:
          ingest_mysql: { size: 50cc, objects: [mysql_inventory] }
        """)
        #expect(plan.moves.first?.strategy == .recreate)
        #expect(plan.moves.first?.hazards.contains { $0.code == .sourceRecreate } == true)
    }

    @Test("a source sharing dependents with a recreated source is recreated with it, and says why")
    func mixedGroupRecreates() throws {
        let plan = try Self.plan("""
        clusters:
          ingest_pg: { size: 100cc, objects: [{ name: pg_orders, strategy: blue-green }] }
          ingest_kafka: { size: 50cc, objects: [{ name: kafka_events, strategy: recreate }] }
        """)
        let pg = try #require(plan.moves.first { $0.object.name == "pg_orders" })
        #expect(pg.strategy == .recreate)
        #expect(pg.reason.contains("not blue-green: it shares dependents with 'materialize.public.kafka_events'"))
    }

    @Test("a rename Materialize would refuse at the cutover blocks the move before anything is created")
    func renameConflictBlocks() throws {
        var catalog = Self.catalog
        let index = try #require(catalog.objects.firstIndex { $0.name == "customer_spend" })
        // A column named like the view it reads: renaming "order_totals" would be ambiguous.
        catalog.objects[index].createSQL = catalog.objects[index].createSQL?.replacingOccurrences(of: #"AS "placed""#, with: #"AS "order_totals""#)
        let plan = try Self.plan("""
        clusters:
          ingest_pg: { size: 100cc, objects: [{ name: pg_orders, strategy: blue-green, allow: [sink-recreate] }] }
        """, catalog: catalog)
        let move = try #require(plan.moves.first)
        #expect(move.isBlocked)
        let hazard = try #require(move.hazards.first { $0.code == .rebuildRefused })
        #expect(hazard.message.contains(#""order_totals" potentially used ambiguously as item and alias or column"#), "\(hazard.message)")
        #expect(hazard.message.contains("materialize.public.customer_spend"))
        #expect(hazard.remedies.contains { $0.contains("strategy: recreate") })
        #expect(plan.steps.allSatisfy { $0.action == .createCluster }, "nothing is created or dropped")
    }

    @Test("a view whose own column is named like it cannot be renamed: the move is blocked")
    func selfRenameConflictBlocks() throws {
        var catalog = Self.catalog
        let index = try #require(catalog.objects.firstIndex { $0.name == "engagement" })
        catalog.objects[index].createSQL = catalog.objects[index].createSQL?.replacingOccurrences(of: #""s"."spent","#, with: #""s"."spent" AS "engagement","#)
        let plan = try Self.plan("""
        clusters:
          ingest_pg: { size: 100cc, objects: [{ name: pg_orders, strategy: blue-green, allow: [sink-recreate] }] }
        """, catalog: catalog)
        let hazard = try #require(plan.moves.first?.hazards.first { $0.code == .rebuildRefused })
        #expect(hazard.message.contains(#"in materialize.public.engagement, which uses materialize.public.engagement, "engagement" potentially used ambiguously as item and alias or column"#), "\(hazard.message)")
    }

    @Test("the second copies of the closure count against the memory of the clusters they stay on")
    func capacityCountsBothCopies() throws {
        var catalog = Self.catalog
        let index = try #require(catalog.objects.firstIndex { $0.name == "customer_spend" })
        catalog.objects[index].memoryBytes = 8 << 30
        let plan = try Self.plan("""
        clusters:
          ingest_pg: { size: 100cc, objects: [{ name: pg_orders, strategy: blue-green, allow: [sink-recreate] }] }
        """, catalog: catalog)
        let move = try #require(plan.moves.first)
        let capacity = try #require(move.hazards.first { $0.code == .capacity })
        #expect(capacity.message.contains("cluster 'compute' would hold about"), "\(capacity.message)")
        #expect(capacity.remedies.first?.contains("size: 400cc") == true, "\(capacity.remedies)")
        // At 4 GiB the two copies fit.
        catalog.objects[index].memoryBytes = 4 << 30
        let fits = try Self.plan("""
        clusters:
          ingest_pg: { size: 100cc, objects: [{ name: pg_orders, strategy: blue-green, allow: [sink-recreate] }] }
        """, catalog: catalog)
        #expect(fits.moves.first?.hazards.contains { $0.code == .capacity } == false)
    }

    @Test("source_moves accepts recreate and blue-green only, with the file position")
    func sourceMovesOption() throws {
        let error = #expect(throws: DiagnosticsError.self) {
            try ManifestLoader.load([ManifestSource(path: "m.yaml", text: "version: 1\nclusters: {}\noptions:\n  source_moves: replace\n")])
        }
        let diagnostic = try #require(error?.diagnostics.first)
        #expect(diagnostic.message.contains("expected 'source_moves' to be recreate or blue-green"))
        #expect(diagnostic.location?.line == 4)
        let index = #expect(throws: DiagnosticsError.self) {
            try ManifestLoader.load([ManifestSource(path: "m.yaml", text: "version: 1\nclusters:\n  c:\n    objects: [{ name: i, kind: index, strategy: blue-green }]\n")])
        }
        #expect(index?.diagnostics.first?.message.contains("blue-green") == true)
    }
}
