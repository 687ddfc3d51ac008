import PostgresNIO

/// The readiness gate's one query: hydration on a healthy replica, upper and lag for any number
/// of objects at once (their ids are bind parameters, never pasted).
package enum ReadinessQuery {
    /// Readiness of the objects with these catalog ids; ids the catalog does not know are absent
    /// from the result. Exactly one query, whatever the number of ids (none for no ids).
    package static func run(_ ids: [String], on database: some CatalogQuerying) async throws(ConnectionError) -> [String: ObjectReadiness] {
        let unique = Array(Set(ids)).sorted()
        guard !unique.isEmpty else { return [:] }
        let rows = try await database.rows(query(for: unique))
        var result: [String: (readiness: ObjectReadiness, globalId: String?)] = [:]
        for row in rows {
            let decoded: (String, Bool?, String?, String?, Bool, Double?, String?)
            do {
                decoded = try row.decode((String, Bool?, String?, String?, Bool, Double?, String?).self)
            } catch {
                throw ConnectionError(.server, "unexpected result reading readiness")
            }
            let (id, hydrated, globalId, upper, hasFrontier, lagSeconds, since) = decoded
            let readiness = ObjectReadiness(
                hydrated: hydrated ?? false,
                upperMs: upper.flatMap { UInt64($0) },
                sealed: hasFrontier && upper == nil,
                lagMs: lagSeconds.map(CatalogRows.milliseconds),
                sinceMs: since.flatMap { UInt64($0) }
            )
            if let existing = result[id], let existingId = existing.globalId, let globalId, !CatalogId.precedes(existingId, globalId) {
                continue
            }
            result[id] = (readiness, globalId)
        }
        return result.mapValues(\.readiness)
    }

    /// The CTE `healthy(id, cluster_id)`: replicas that are online (every process) and not
    /// OOM-looping (fewer than 3 OOM kills in 24 h).
    static let healthyReplicas = """
        healthy AS (
            SELECT r.id, r.cluster_id FROM mz_catalog.mz_cluster_replicas r
            WHERE EXISTS (SELECT 1 FROM mz_internal.mz_cluster_replica_statuses s WHERE s.replica_id = r.id)
              AND NOT EXISTS (SELECT 1 FROM mz_internal.mz_cluster_replica_statuses s WHERE s.replica_id = r.id AND s.status <> 'online')
              AND (SELECT count(*) FROM mz_internal.mz_cluster_replica_status_history x
                   WHERE x.replica_id = r.id AND x.reason = 'oom-killed' AND x.occurred_at > now() - INTERVAL '24 hours') < 3
        )
        """

    /// CTEs `hydration` (on a healthy replica), `frontiers` (since and upper), `dataflow` (the largest write frontier
    /// a healthy replica reports for the object's dataflow) and `lag` per catalog id, GlobalIds
    /// mapped through `mz_object_global_ids`; they need the `healthy` CTE of ``healthyReplicas``.
    static let objectState = """
        hydration AS (
            SELECT COALESCE(g.id, h.object_id) AS id, bool_or(h.hydrated AND hr.id IS NOT NULL) AS hydrated
            FROM mz_internal.mz_hydration_statuses h
            LEFT JOIN mz_internal.mz_object_global_ids g ON g.global_id = h.object_id
            LEFT JOIN healthy hr ON hr.id = h.replica_id
            GROUP BY COALESCE(g.id, h.object_id)
        ),
        frontiers AS (
            SELECT COALESCE(g.id, f.object_id) AS id, f.object_id AS global_id, f.write_frontier::text AS upper,
                   f.read_frontier::text AS since
            FROM mz_internal.mz_frontiers f
            LEFT JOIN mz_internal.mz_object_global_ids g ON g.global_id = f.object_id
        ),
        dataflow AS (
            SELECT COALESCE(g.id, rf.object_id) AS id, max(rf.write_frontier)::text AS upper
            FROM mz_catalog.mz_cluster_replica_frontiers rf
            JOIN healthy hr ON hr.id = rf.replica_id
            LEFT JOIN mz_internal.mz_object_global_ids g ON g.global_id = rf.object_id
            GROUP BY COALESCE(g.id, rf.object_id)
        ),
        lag AS (
            SELECT COALESCE(g.id, l.object_id) AS id, max(EXTRACT(EPOCH FROM l.lag)::float8) AS seconds
            FROM mz_internal.mz_wallclock_global_lag l
            LEFT JOIN mz_internal.mz_object_global_ids g ON g.global_id = l.object_id
            GROUP BY COALESCE(g.id, l.object_id)
        )
        """

    static func query(for ids: [String]) -> PostgresQuery {
        var bindings = PostgresBindings(capacity: ids.count)
        for id in ids {
            bindings.append(id)
        }
        let placeholders = (1...ids.count).map { "$\($0)" }.joined(separator: ", ")
        return PostgresQuery(unsafeSQL: """
            WITH \(healthyReplicas),
            \(objectState)
            SELECT o.id, h.hydrated, f.global_id, f.upper, f.global_id IS NOT NULL, lag.seconds, f.since
            FROM mz_catalog.mz_objects o
            LEFT JOIN hydration h ON h.id = o.id
            LEFT JOIN frontiers f ON f.id = o.id
            LEFT JOIN lag ON lag.id = o.id
            WHERE o.id IN (\(placeholders))
            """, binds: bindings)
    }
}
