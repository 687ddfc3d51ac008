import PostgresNIO

/// The catalog reader's SQL: one query per relation (never per object), SPEC §7 and
/// `reference/materialize.md` §3.
///
/// Every text is assembled from the fixed fragments below; no value from the catalog or the user is
/// ever pasted in, so `PostgresQuery(unsafeSQL:)` is safe here. Columns that are not plain text or
/// bool in Materialize (`mz_timestamp`, `uint4`, intervals, jsonb) are cast to `text` or `float8`,
/// because PostgresNIO decodes binary results and an unknown type read as `String` is garbage.
enum CatalogQueries {
    /// Which of the relations the reader knows are present, by schema and name.
    static func presentRelations() -> PostgresQuery {
        let names = Set((CatalogRelation.required + CatalogRelation.optional).map(\.name)).sorted()
        return PostgresQuery(unsafeSQL: """
            SELECT s.name, o.name
            FROM mz_catalog.mz_objects o
            JOIN mz_catalog.mz_schemas s ON s.id = o.schema_id
            WHERE s.database_id IS NULL AND s.name IN ('mz_catalog', 'mz_internal')
              AND o.name IN (\(names.map { "'\($0)'" }.joined(separator: ", ")))
            """)
    }

    static let version: PostgresQuery = "SELECT mz_version(), mz_version_num()::text"

    static let clusters: PostgresQuery = """
        SELECT id, name, managed, size, replication_factor::text
        FROM mz_catalog.mz_clusters WHERE id LIKE 'u%'
        """

    static let replicas: PostgresQuery = """
        SELECT id, name, cluster_id, size
        FROM mz_catalog.mz_cluster_replicas WHERE cluster_id LIKE 'u%'
        """

    static let replicaStatuses: PostgresQuery = """
        SELECT replica_id, status FROM mz_internal.mz_cluster_replica_statuses WHERE replica_id LIKE 'u%'
        """

    /// OOM kills per replica in the 24 hours before now (the time of the dump).
    static let oomKills: PostgresQuery = """
        SELECT replica_id, count(*)::int8
        FROM mz_internal.mz_cluster_replica_status_history
        WHERE reason = 'oom-killed' AND occurred_at > now() - INTERVAL '24 hours' AND replica_id LIKE 'u%'
        GROUP BY replica_id
        """

    /// User tables, views, materialized views, indexes, sources, subsources and sinks.
    static let objects: PostgresQuery = """
        SELECT o.id, o.type, d.name, s.name, o.name, c.name,
               COALESCE(mv.create_sql, i.create_sql, src.create_sql, snk.create_sql, v.create_sql, t.create_sql),
               COALESCE(mv.definition, v.definition), i.on_id, src.type
        FROM mz_catalog.mz_objects o
        JOIN mz_catalog.mz_schemas s ON s.id = o.schema_id
        JOIN mz_catalog.mz_databases d ON d.id = s.database_id
        LEFT JOIN mz_catalog.mz_clusters c ON c.id = o.cluster_id
        LEFT JOIN mz_catalog.mz_materialized_views mv ON mv.id = o.id
        LEFT JOIN mz_catalog.mz_indexes i ON i.id = o.id
        LEFT JOIN mz_catalog.mz_sources src ON src.id = o.id
        LEFT JOIN mz_catalog.mz_sinks snk ON snk.id = o.id
        LEFT JOIN mz_catalog.mz_views v ON v.id = o.id
        LEFT JOIN mz_catalog.mz_tables t ON t.id = o.id
        WHERE o.id LIKE 'u%' AND o.type IN ('table', 'view', 'materialized-view', 'index', 'source', 'sink')
        """

    static let objectDependencies: PostgresQuery = """
        SELECT object_id, referenced_object_id FROM mz_internal.mz_object_dependencies WHERE object_id LIKE 'u%'
        """

    /// Dataflow imports, both columns mapped from GlobalIds to catalog ids.
    static func computeDependencies(globalIds: Bool) -> PostgresQuery {
        PostgresQuery(unsafeSQL: """
            SELECT \(mapped("d.object_id", alias: "go", globalIds)), \(mapped("d.dependency_id", alias: "gd", globalIds))
            FROM mz_internal.mz_compute_dependencies d
            \(join("go", on: "d.object_id", globalIds))
            \(join("gd", on: "d.dependency_id", globalIds))
            WHERE d.object_id LIKE 'u%'
            """)
    }

    /// since/upper per GlobalId, with the catalog id it belongs to; NULL upper = the empty frontier.
    static func frontiers(globalIds: Bool) -> PostgresQuery {
        PostgresQuery(unsafeSQL: """
            SELECT \(mapped("f.object_id", alias: "g", globalIds)), f.object_id, f.read_frontier::text, f.write_frontier::text
            FROM mz_internal.mz_frontiers f
            \(join("g", on: "f.object_id", globalIds))
            WHERE f.object_id LIKE 'u%'
            """)
    }

    static func hydration(globalIds: Bool) -> PostgresQuery {
        PostgresQuery(unsafeSQL: """
            SELECT \(mapped("h.object_id", alias: "g", globalIds)), h.hydrated
            FROM mz_internal.mz_hydration_statuses h
            \(join("g", on: "h.object_id", globalIds))
            WHERE h.object_id LIKE 'u%' AND h.replica_id IS NOT NULL
            """)
    }

    /// Hydration times in seconds.
    static func hydrationTimes(globalIds: Bool) -> PostgresQuery {
        PostgresQuery(unsafeSQL: """
            SELECT \(mapped("h.object_id", alias: "g", globalIds)), EXTRACT(EPOCH FROM h.hydration_time)::float8
            FROM mz_internal.mz_compute_hydration_statuses h
            \(join("g", on: "h.object_id", globalIds))
            WHERE h.object_id LIKE 'u%' AND h.hydrated AND h.hydration_time IS NOT NULL
            """)
    }

    /// Wallclock lag in seconds.
    static func lag(globalIds: Bool) -> PostgresQuery {
        PostgresQuery(unsafeSQL: """
            SELECT \(mapped("l.object_id", alias: "g", globalIds)), EXTRACT(EPOCH FROM l.lag)::float8
            FROM mz_internal.mz_wallclock_global_lag l
            \(join("g", on: "l.object_id", globalIds))
            WHERE l.object_id LIKE 'u%'
            """)
    }

    static let retention: PostgresQuery = """
        SELECT id, strategy, value::text FROM mz_internal.mz_history_retention_strategies WHERE id LIKE 'u%'
        """

    static let replacements: PostgresQuery = """
        SELECT id, target_id FROM mz_internal.mz_replacements WHERE id LIKE 'u%'
        """

    static let sourceStatuses: PostgresQuery = """
        SELECT id, status FROM mz_internal.mz_source_statuses WHERE id LIKE 'u%'
        """

    static let sinkStatuses: PostgresQuery = """
        SELECT id, status FROM mz_internal.mz_sink_statuses WHERE id LIKE 'u%'
        """

    /// Sizes with processes, workers, memory per process and credits, numbers as text.
    static func sizes(in relation: CatalogRelation) -> PostgresQuery {
        PostgresQuery(unsafeSQL: """
            SELECT size, processes::text, workers::text, memory_bytes::text, credits_per_hour::text
            FROM \(relation.schema).\(relation.name) ORDER BY credits_per_hour, size
            """)
    }

    /// Per object, the bytes its arrangements hold on its largest replica, as text.
    static func arrangementSizes(globalIds: Bool) -> PostgresQuery {
        PostgresQuery(unsafeSQL: """
            SELECT \(mapped("a.object_id", alias: "g", globalIds)), max(a.size)::text
            FROM mz_internal.mz_object_arrangement_sizes a
            \(join("g", on: "a.object_id", globalIds))
            WHERE a.object_id LIKE 'u%'
            GROUP BY 1
            """)
    }

    /// `COALESCE(g.id, column)` when GlobalIds exist; on older versions GlobalIds and catalog ids coincide.
    private static func mapped(_ column: String, alias: String, _ globalIds: Bool) -> String {
        globalIds ? "COALESCE(\(alias).id, \(column))" : column
    }

    private static func join(_ alias: String, on column: String, _ globalIds: Bool) -> String {
        globalIds ? "LEFT JOIN mz_internal.mz_object_global_ids \(alias) ON \(alias).global_id = \(column)" : ""
    }
}
