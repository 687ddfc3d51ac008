/// A catalog relation the reader reads, with the schema it lives in on current Materialize.
struct CatalogRelation: Hashable, Sendable, CustomStringConvertible {
    var schema: String
    var name: String

    var description: String { "\(schema).\(name)" }

    static func catalog(_ name: String) -> Self { Self(schema: "mz_catalog", name: name) }
    static func `internal`(_ name: String) -> Self { Self(schema: "mz_internal", name: name) }

    static let objects = catalog("mz_objects")
    static let schemas = catalog("mz_schemas")
    static let databases = catalog("mz_databases")
    static let clusters = catalog("mz_clusters")
    static let replicas = catalog("mz_cluster_replicas")
    static let materializedViews = catalog("mz_materialized_views")
    static let indexes = catalog("mz_indexes")
    static let sources = catalog("mz_sources")
    static let sinks = catalog("mz_sinks")
    static let views = catalog("mz_views")
    static let tables = catalog("mz_tables")
    static let sizes = catalog("mz_cluster_replica_sizes")
    /// Where `mz_cluster_replica_sizes` lived before it moved to `mz_catalog`.
    static let legacySizes = `internal`("mz_cluster_replica_sizes")
    static let objectDependencies = `internal`("mz_object_dependencies")
    static let computeDependencies = `internal`("mz_compute_dependencies")
    static let frontiers = `internal`("mz_frontiers")
    static let globalIds = `internal`("mz_object_global_ids")
    static let hydration = `internal`("mz_hydration_statuses")
    static let computeHydration = `internal`("mz_compute_hydration_statuses")
    static let lag = `internal`("mz_wallclock_global_lag")
    static let replicaStatuses = `internal`("mz_cluster_replica_statuses")
    static let replicaStatusHistory = `internal`("mz_cluster_replica_status_history")
    static let replacements = `internal`("mz_replacements")
    static let retention = `internal`("mz_history_retention_strategies")
    static let sourceStatuses = `internal`("mz_source_statuses")
    static let sinkStatuses = `internal`("mz_sink_statuses")
    /// Per replica and object, the bytes its arrangements hold; reliable from v26.35.
    static let arrangementSizes = `internal`("mz_object_arrangement_sizes")

    /// Without these there is no snapshot: their absence is an error.
    static let required: [Self] = [objects, schemas, databases, clusters, replicas, materializedViews, indexes, sources, sinks, views, tables]

    /// Relations whose absence (an older Materialize) leaves fields null, with a warning.
    static let optional: [Self] = [
        sizes, legacySizes, objectDependencies, computeDependencies, frontiers, globalIds, hydration, computeHydration, lag,
        replicaStatuses, replicaStatusHistory, replacements, retention, sourceStatuses, sinkStatuses, arrangementSizes,
    ]
}
