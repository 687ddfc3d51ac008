@testable import MZPlanCore

extension PlanFixture {
    /// Names chosen to break naive renderers; the step SQL is quoted as the planner quotes it.
    static var hostilePlan: Plan {
        let weird = QualifiedName(database: "materialize", schema: "Mixed Case", name: "weird\"name")
        let weirdTmp = weird.renamed("weird\"name_mzplan_u7")
        let dropTable = QualifiedName(database: "materialize", schema: "public", name: "drop; table")
        let dropTableTmp = dropTable.renamed("drop; table_mzplan_u8")
        let nasty = QualifiedName(database: "materialize", schema: "public", name: "line\nbreak `tick` | <b>#x</b> \u{1B}[31mred")
        let target = "Serving Cluster"
        let pipes = "old|cluster"
        let angle = "new<cluster>"
        return Plan(
            fingerprint: "sha256:" + String(repeating: "a1", count: 32),
            summary: PlanSummary(moves: 3, blocked: 1, clustersCreated: 1, unlisted: 1, warnings: 1),
            clusters: [
                ClusterChange(name: target, action: .create, size: "100cc", replicationFactor: 1, steps: [1])
            ],
            moves: [
                Move(
                    object: weird, id: "u7", kind: .materializedView, from: "compute", to: target, strategy: .replace,
                    reason: "default for materialized views", steps: [2, 3]),
                Move(
                    object: dropTable, id: "u8", kind: .index, from: pipes, to: angle, strategy: .rebuild,
                    reason: "the only strategy for indexes",
                    hazards: [
                        Hazard(.indexLocality, message: "queries on \"old|cluster\" lose `drop; table` <b>now</b> * _x_",
                               remedies: ["run them on new<cluster> | elsewhere\nsecond line"])
                    ],
                    steps: [4, 5, 6]),
                Move(
                    object: nasty, id: "u9", kind: .sink, from: "compute", to: target, strategy: .recreate,
                    hazards: [Hazard(.sinkRecreate, message: "duplicates possible\n-- DROP TABLE x;")],
                    steps: [7]),
            ],
            steps: [
                Step(id: 1, action: .createCluster, phase: .prepare,
                     sql: "CREATE CLUSTER \(SQLIdentifier.quote(target)) (SIZE = '100cc')", cluster: target),
                Step(id: 2, action: .createReplacement, phase: .hydrate,
                     sql: "CREATE REPLACEMENT MATERIALIZED VIEW \(weirdTmp.sql) FOR \(weird.sql) IN CLUSTER \(SQLIdentifier.quote(target)) AS\nSELECT 'it''s' AS \"a\nb\"",
                     after: [1], wait: StepWait(until: .ready, object: weirdTmp, standsInFor: weird),
                     object: weirdTmp, cluster: target),
                Step(id: 3, action: .applyReplacement, phase: .cutover,
                     sql: "ALTER MATERIALIZED VIEW \(weird.sql) APPLY REPLACEMENT \(weirdTmp.sql)",
                     after: [2], object: weird, cluster: target),
                Step(id: 4, action: .createIndex, phase: .hydrate,
                     sql: "CREATE INDEX \(SQLIdentifier.quote(dropTableTmp.name)) IN CLUSTER \(SQLIdentifier.quote(angle)) ON \(dropTable.sql) (\"x\")",
                     wait: StepWait(until: .ready, object: dropTableTmp, standsInFor: dropTable),
                     object: dropTableTmp, cluster: angle),
                Step(id: 5, action: .dropIndex, phase: .cutover, sql: "DROP INDEX \(dropTable.sql)",
                     after: [4], object: dropTable, cluster: pipes),
                Step(id: 6, action: .renameIndex, phase: .cutover,
                     sql: "ALTER INDEX \(dropTableTmp.sql) RENAME TO \(SQLIdentifier.quote(dropTable.name))",
                     after: [5], object: dropTableTmp, cluster: angle),
                Step(id: 7, action: .createSink, phase: .hydrate,
                     sql: "CREATE SINK \(nasty.sql) IN CLUSTER \(SQLIdentifier.quote(target)) FROM \(weird.sql) INTO KAFKA CONNECTION \"k\" (TOPIC 'x') FORMAT JSON ENVELOPE UPSERT",
                     after: [1, 3], wait: StepWait(until: .running, object: nasty), object: nasty, cluster: target),
            ]
        )
    }
}
