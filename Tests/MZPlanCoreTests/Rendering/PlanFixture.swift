@testable import MZPlanCore
import Testing

/// Hand-made plans that exercise every part of the renderers, one golden file per format each.
enum PlanFixture: String, CaseIterable, CustomTestStringConvertible {
    /// Nothing to do: every managed object is in place.
    case empty
    /// A cluster create and a resize, a replacement MV move (ok), an index rebuild
    /// (index-locality warning) and an MV move that waits for its frontier.
    case moves
    /// A source recreate blocked by source-recreate and cascade-drop, an allowed sink recreate,
    /// a native move with a frontier gap, a cluster rename and a blocked cluster drop.
    case blocked
    /// Identifiers with quotes, `;`, spaces, mixed case, `|`, `<`, backticks, newlines and ESC.
    case hostile

    var testDescription: String { rawValue }

    var plan: Plan {
        switch self {
        case .empty: Self.emptyPlan
        case .moves: Self.movesPlan
        case .blocked: Self.blockedPlan
        case .hostile: Self.hostilePlan
        }
    }

    private static let fingerprint = "sha256:" + String(repeating: "0123456789abcdef", count: 4)

    private static func name(_ name: String, schema: String = "public") -> QualifiedName {
        QualifiedName(database: "materialize", schema: schema, name: name)
    }

    private static let emptyPlan = Plan(
        fingerprint: fingerprint,
        summary: PlanSummary(unlisted: 12, unchanged: 5)
    )

    private static var movesPlan: Plan {
        let orders = name("orders")
        let enriched = name("orders_enriched")
        let enrichedTmp = name("orders_enriched_mzplan_u12")
        let index = name("orders_by_customer")
        let indexTmp = name("orders_by_customer_mzplan_u20")
        let revenue = name("revenue_daily")
        let revenueTmp = name("revenue_daily_mzplan_u31")
        return Plan(
            fingerprint: fingerprint,
            summary: PlanSummary(moves: 3, clustersCreated: 1, clustersAltered: 1, unlisted: 12, unchanged: 4, warnings: 2),
            clusters: [
                ClusterChange(name: "serving", action: .create, size: "100cc", replicationFactor: 1, steps: [1]),
                ClusterChange(
                    name: "transform", action: .alter, fromSize: "50cc", size: "100cc",
                    fromReplicationFactor: 1, replicationFactor: 2, steps: [2]),
            ],
            moves: [
                Move(
                    object: enriched, id: "u12", kind: .materializedView, from: "compute", to: "transform",
                    strategy: .replace, reason: "default for materialized views", feasibility: .ok,
                    frontier: FrontierCheck(
                        imports: [FrontierImport(relation: orders, via: .storage, sinceMs: 1_700_000_000_000)],
                        sinceMs: 1_700_000_000_000, upperMs: 1_700_000_004_000),
                    steps: [3, 4]),
                Move(
                    object: index, id: "u20", kind: .index, from: "compute", to: "serving", strategy: .rebuild,
                    reason: "the only strategy for indexes",
                    hazards: [
                        Hazard(
                            .indexLocality,
                            message: "queries on cluster compute lose the index materialize.public.orders_by_customer",
                            remedies: ["run those queries on cluster serving", "keep a copy of the index on compute"])
                    ],
                    steps: [5, 6, 7]),
                Move(
                    object: revenue, id: "u31", kind: .materializedView, from: "compute", to: "serving",
                    strategy: .replace, reason: "default for materialized views", feasibility: .wait,
                    frontier: FrontierCheck(
                        imports: [
                            FrontierImport(relation: orders, via: .plannedIndex, index: indexTmp, sinceMs: 1_700_000_012_500)
                        ],
                        sinceMs: 1_700_000_012_500, upperMs: 1_700_000_000_000, estimatedWaitMs: 12_500),
                    hazards: [
                        Hazard(
                            .frontierWait,
                            message: "the replacement starts at 1700000012500, 12.5 s past upper(revenue_daily)",
                            remedies: ["none needed: apply waits for the view to catch up"])
                    ],
                    steps: [8, 9]),
            ],
            steps: [
                Step(id: 1, action: .createCluster, phase: .prepare,
                     sql: "CREATE CLUSTER \"serving\" (SIZE = '100cc', REPLICATION FACTOR = 1)", cluster: "serving"),
                Step(id: 2, action: .alterCluster, phase: .prepare,
                     sql: "ALTER CLUSTER \"transform\" SET (SIZE = '100cc', REPLICATION FACTOR = 2)", cluster: "transform"),
                Step(id: 3, action: .createReplacement, phase: .hydrate,
                     sql: """
                        CREATE REPLACEMENT MATERIALIZED VIEW \(enrichedTmp.sql) FOR \(enriched.sql) IN CLUSTER "transform" AS
                            SELECT o.id, o.customer_id, o.amount * 2 AS doubled
                            FROM \(orders.sql) AS o
                        """,
                     after: [2], wait: StepWait(until: .ready, object: enrichedTmp, standsInFor: enriched),
                     object: enrichedTmp, cluster: "transform"),
                Step(id: 4, action: .applyReplacement, phase: .cutover,
                     sql: "ALTER MATERIALIZED VIEW \(enriched.sql) APPLY REPLACEMENT \(enrichedTmp.sql)",
                     after: [3], object: enriched, cluster: "transform"),
                Step(id: 5, action: .createIndex, phase: .hydrate,
                     sql: "CREATE INDEX \"orders_by_customer_mzplan_u20\" IN CLUSTER \"serving\" ON \(orders.sql) (\"customer_id\")",
                     after: [1], wait: StepWait(until: .ready, object: indexTmp, standsInFor: index),
                     object: indexTmp, cluster: "serving"),
                Step(id: 6, action: .dropIndex, phase: .cutover, sql: "DROP INDEX \(index.sql)",
                     after: [5, 9], object: index, cluster: "compute"),
                Step(id: 7, action: .renameIndex, phase: .cutover,
                     sql: "ALTER INDEX \(indexTmp.sql) RENAME TO \"orders_by_customer\"",
                     after: [6], object: indexTmp, cluster: "serving"),
                Step(id: 8, action: .createReplacement, phase: .hydrate,
                     sql: "CREATE REPLACEMENT MATERIALIZED VIEW \(revenueTmp.sql) FOR \(revenue.sql) IN CLUSTER \"serving\" AS SELECT date_trunc('day', o.ts) AS day, sum(o.amount) FROM \(orders.sql) AS o GROUP BY 1",
                     after: [1, 5], wait: StepWait(until: .ready, object: revenueTmp, standsInFor: revenue),
                     object: revenueTmp, cluster: "serving"),
                Step(id: 9, action: .applyReplacement, phase: .cutover,
                     sql: "ALTER MATERIALIZED VIEW \(revenue.sql) APPLY REPLACEMENT \(revenueTmp.sql)",
                     after: [8], object: revenue, cluster: "serving"),
            ]
        )
    }
}
