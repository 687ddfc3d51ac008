import MZPlanCore
import PostgresNIO

extension ReadinessQuery {
    /// The apply engine's poll: one query for every probed object and the original it stands in
    /// for, looked up by name (binds, never pasted), with existence, cluster, hydration on a
    /// healthy replica, since, upper, lag, source or sink status and the health of the cluster's replicas.
    /// Samples come in the order of `probes`; none for no probes.
    static func samples(for probes: [ReadinessProbe], on database: some CatalogQuerying) async throws(ConnectionError) -> [ReadinessSample] {
        var names: [QualifiedName] = []
        var positions: [QualifiedName: Int] = [:]
        for name in probes.flatMap({ [$0.object] + ($0.standsInFor.map { [$0] } ?? []) }) where positions[name] == nil {
            positions[name] = names.count
            names.append(name)
        }
        guard !names.isEmpty else { return [] }
        let facts = try namedFacts(try await database.rows(namedQuery(for: names)))
        return probes.map { probe in
            guard let object = positions[probe.object].flatMap({ facts[$0] }) else {
                return ReadinessSample(object: probe.object, exists: false)
            }
            let original = probe.standsInFor.flatMap { positions[$0] }.flatMap { facts[$0] }
            return ReadinessSample(
                object: probe.object,
                exists: true,
                cluster: object.cluster,
                hydratedOnHealthyReplica: object.readiness.hydrated,
                upperMs: object.readiness.upperMs,
                lagMs: object.readiness.lagMs,
                sinceMs: object.readiness.sinceMs,
                dataflowUpperMs: object.dataflowUpperMs,
                status: object.status,
                originalUpperMs: original?.readiness.upperMs,
                originalLagMs: original?.readiness.lagMs,
                originalSealed: original?.readiness.sealed ?? false,
                replicaProblem: object.replicaProblem
            )
        }
    }

    /// What the poll query says of one named object.
    struct NamedFacts {
        var globalId: String?
        var cluster: String?
        var readiness: ObjectReadiness
        var dataflowUpperMs: UInt64?
        var status: String?
        var replicaProblem: String?
    }

    /// Facts by position in the name list; of several GlobalIds, the newest one's frontier.
    private static func namedFacts(_ rows: [PostgresRow]) throws(ConnectionError) -> [Int: NamedFacts] {
        var result: [Int: NamedFacts] = [:]
        for row in rows {
            guard let (position, cluster, hydrated, globalId, upper, hasFrontier, lagSeconds, status, replicas, healthy, dataflow, since) =
                try? row.decode((Int, String?, Bool?, String?, String?, Bool, Double?, String?, Int64, Int64, String?, String?).self)
            else {
                throw ConnectionError(.server, "unexpected result reading readiness")
            }
            if let existing = result[position]?.globalId, let globalId, !CatalogId.precedes(existing, globalId) { continue }
            var problem: String?
            if let cluster, replicas == 0 {
                problem = "cluster \(cluster) has no replicas"
            } else if let cluster, healthy == 0 {
                problem = "no replica of cluster \(cluster) is online and healthy (fewer than 3 OOM kills in 24 h)"
            }
            result[position] = NamedFacts(
                globalId: globalId,
                cluster: cluster,
                readiness: ObjectReadiness(
                    hydrated: hydrated ?? false,
                    upperMs: upper.flatMap { UInt64($0) },
                    sealed: hasFrontier && upper == nil,
                    lagMs: lagSeconds.map(CatalogRows.milliseconds),
                    sinceMs: since.flatMap { UInt64($0) }),
                dataflowUpperMs: dataflow.flatMap { UInt64($0) },
                status: status,
                replicaProblem: problem
            )
        }
        return result
    }

    static func namedQuery(for names: [QualifiedName]) -> PostgresQuery {
        var bindings = PostgresBindings(capacity: names.count * 4)
        var rows: [String] = []
        for (position, name) in names.enumerated() {
            let first = bindings.count + 1
            bindings.append(position)
            bindings.append(name.database)
            bindings.append(name.schema)
            bindings.append(name.name)
            rows.append("($\(first)::int8, $\(first + 1)::text, $\(first + 2)::text, $\(first + 3)::text)")
        }
        return PostgresQuery(unsafeSQL: """
            WITH wanted (position, database_name, schema_name, object_name) AS (VALUES \(rows.joined(separator: ", "))),
            found AS (
                SELECT w.position, o.id, o.cluster_id
                FROM wanted w
                JOIN mz_catalog.mz_databases d ON d.name = w.database_name
                JOIN mz_catalog.mz_schemas s ON s.database_id = d.id AND s.name = w.schema_name
                JOIN mz_catalog.mz_objects o ON o.schema_id = s.id AND o.name = w.object_name
                WHERE o.id LIKE 'u%'
            ),
            \(healthyReplicas),
            \(objectState),
            statuses AS (
                SELECT id, status FROM mz_internal.mz_source_statuses
                UNION ALL SELECT id, status FROM mz_internal.mz_sink_statuses
            ),
            replicas AS (
                SELECT r.cluster_id, count(*) AS total, count(hr.id) AS healthy
                FROM mz_catalog.mz_cluster_replicas r
                LEFT JOIN healthy hr ON hr.id = r.id
                GROUP BY r.cluster_id
            )
            SELECT f.position::int8, c.name, h.hydrated, fr.global_id, fr.upper, fr.global_id IS NOT NULL, lag.seconds, st.status,
                   COALESCE(rp.total, 0)::int8, COALESCE(rp.healthy, 0)::int8, df.upper, fr.since
            FROM found f
            LEFT JOIN mz_catalog.mz_clusters c ON c.id = f.cluster_id
            LEFT JOIN hydration h ON h.id = f.id
            LEFT JOIN frontiers fr ON fr.id = f.id
            LEFT JOIN lag ON lag.id = f.id
            LEFT JOIN dataflow df ON df.id = f.id
            LEFT JOIN statuses st ON st.id = f.id
            LEFT JOIN replicas rp ON rp.cluster_id = f.cluster_id
            """, binds: bindings)
    }
}
