@testable import MZPlanCore

extension PlanFixture {
    static var blockedPlan: Plan {
        let source = QualifiedName(database: "materialize", schema: "public", name: "pg_orders")
        let table = source.renamed("orders")
        let enriched = source.renamed("orders_enriched")
        let sink = source.renamed("orders_sink")
        let sinkTmp = source.renamed("orders_sink_mzplan_u40")
        let late = source.renamed("late_mv")
        return Plan(
            fingerprint: "sha256:" + String(repeating: "fedcba9876543210", count: 4),
            createdAtMs: 1_700_000_000_000,
            summary: PlanSummary(moves: 3, blocked: 3, clustersRenamed: 1, clustersDropped: 1, unlisted: 2),
            clusters: [
                ClusterChange(name: "analytics", action: .rename, renamedFrom: "analytics_old", steps: [1]),
                ClusterChange(
                    name: "legacy", action: .drop, fromSize: "25cc",
                    hazards: [
                        Hazard(.clusterDrop, message: "cluster legacy is no longer named in the manifest and would be dropped",
                               remedies: ["allow cluster-drop", "name legacy in the manifest to keep it"])
                    ],
                    steps: [10]),
            ],
            moves: [
                Move(
                    object: source, id: "u5", kind: .source, from: "ingest", to: "ingest_v2", strategy: .recreate,
                    reason: "sources can only be recreated",
                    hazards: [
                        Hazard(.sourceRecreate, message: "pg_orders is dropped and re-snapshotted; its data is unavailable meanwhile",
                               remedies: ["allow source-recreate once the downtime is accepted", "leave pg_orders on ingest"]),
                        Hazard(.cascadeDrop, message: "DROP SOURCE … CASCADE also drops 2 dependents, which are recreated",
                               remedies: ["allow cascade-drop"]),
                    ],
                    estimatedStalenessMs: 185_000,
                    steps: [2, 3, 4, 5],
                    recreates: [table, enriched]),
                Move(
                    object: sink, id: "u40", kind: .sink, from: "ingest", to: "serving", strategy: .recreate,
                    reason: "sinks can only be recreated",
                    hazards: [
                        Hazard(.sinkRecreate, allowed: true, message: "both sinks write to topic orders for a moment; consumers may see duplicates")
                    ],
                    steps: [6, 7, 8]),
                Move(
                    object: late, id: "u50", kind: .materializedView, from: "compute", to: "serving", strategy: .native,
                    reason: "strategy native in the manifest", feasibility: .gap,
                    frontier: FrontierCheck(
                        imports: [
                            FrontierImport(relation: table, via: .index, index: source.renamed("orders_idx"), sinceMs: 1_700_000_002_000),
                            FrontierImport(relation: enriched, via: .storage, sinceMs: nil),
                        ],
                        sinceMs: 1_700_000_002_000, upperMs: 1_700_000_001_000),
                    hazards: [
                        Hazard(.frontierGap, message: "serving's index materialize.public.orders_idx is compacted to 1700000002000, past upper(late_mv) 1700000001000",
                               remedies: ["use strategy replace", "create the index on serving after the move",
                                          "set RETAIN HISTORY on serving's index", "wait and plan again"]),
                        Hazard(.nativeSetClusterExperimental, allowed: true, message: "ALTER MATERIALIZED VIEW … SET CLUSTER is experimental"),
                    ],
                    steps: [9]),
            ],
            steps: [
                Step(id: 1, action: .renameCluster, phase: .prepare,
                     sql: "ALTER CLUSTER \"analytics_old\" RENAME TO \"analytics\"", cluster: "analytics"),
                Step(id: 2, action: .dropSource, phase: .cutover, sql: "DROP SOURCE \(source.sql) CASCADE",
                     object: source, cluster: "ingest"),
                Step(id: 3, action: .recreateObject, phase: .cutover,
                     sql: "CREATE SOURCE \(source.sql) IN CLUSTER \"ingest_v2\" FROM POSTGRES CONNECTION \"materialize\".\"public\".\"pg_conn\" (PUBLICATION 'mz_source')",
                     after: [2], wait: StepWait(until: .running, object: source), object: source, cluster: "ingest_v2"),
                Step(id: 4, action: .recreateObject, phase: .cutover,
                     sql: "CREATE TABLE \(table.sql) FROM SOURCE \(source.sql) (REFERENCE \"public\".\"orders\")",
                     after: [3], object: table),
                Step(id: 5, action: .recreateObject, phase: .cutover,
                     sql: "CREATE MATERIALIZED VIEW \(enriched.sql) IN CLUSTER \"compute\" AS SELECT * FROM \(table.sql)",
                     after: [4], wait: StepWait(until: .ready, object: enriched), object: enriched, cluster: "compute"),
                Step(id: 6, action: .createSink, phase: .hydrate,
                     sql: "CREATE SINK \(sinkTmp.sql) IN CLUSTER \"serving\" FROM \(enriched.sql) INTO KAFKA CONNECTION \"materialize\".\"public\".\"kafka\" (TOPIC 'orders') FORMAT JSON ENVELOPE DEBEZIUM WITH (SNAPSHOT = false)",
                     wait: StepWait(until: .running, object: sinkTmp, standsInFor: sink), object: sinkTmp, cluster: "serving"),
                Step(id: 7, action: .dropSink, phase: .cutover, sql: "DROP SINK \(sink.sql)", after: [6], object: sink, cluster: "ingest"),
                Step(id: 8, action: .renameSink, phase: .cutover, sql: "ALTER SINK \(sinkTmp.sql) RENAME TO \"orders_sink\"",
                     after: [7], object: sinkTmp, cluster: "serving"),
                Step(id: 9, action: .setCluster, phase: .cutover, sql: "ALTER MATERIALIZED VIEW \(late.sql) SET CLUSTER \"serving\"",
                     object: late, cluster: "serving"),
                Step(id: 10, action: .dropCluster, phase: .cleanup, sql: "DROP CLUSTER \"legacy\"", after: [5, 8, 9], cluster: "legacy"),
            ]
        )
    }
}
