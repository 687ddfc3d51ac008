/// The rows the catalog queries returned, decoded but not yet put together.
///
/// Everything here is plain data so that ``CatalogRows/snapshot(takenAtMs:)`` can be tested
/// without a server. Timestamps are still text (`mz_timestamp::text`); durations are seconds.
struct CatalogRows: Sendable {
    struct Cluster: Sendable {
        var id: String
        var name: String
        var managed: Bool?
        var size: String?
        var replicationFactor: String?
    }

    struct Replica: Sendable {
        var id: String
        var name: String
        var clusterId: String
        var size: String?
    }

    struct Object: Sendable {
        var id: String
        var type: String
        var database: String
        var schema: String
        var name: String
        var cluster: String?
        var createSQL: String?
        var definition: String?
        var on: String?
        var sourceType: String?
    }

    /// One GlobalId's frontiers; `id` is the catalog id it maps to.
    struct Frontier: Sendable {
        var id: String
        var globalId: String
        var since: String?
        var upper: String?
    }

    var version: String?
    var clusters: [Cluster] = []
    var replicas: [Replica] = []
    /// Replica id → the status of each of its processes; nil when statuses are unknown.
    var replicaStatuses: [String: [String]]?
    /// Replica id → OOM kills in 24 hours; nil when the history is unknown.
    var oomKills: [String: Int]?
    var objects: [Object] = []
    var dependencies: [(object: String, referenced: String)] = []
    var imports: [(object: String, dependency: String)]?
    var frontiers: [Frontier]?
    /// (catalog id, hydrated on a replica) per replica row.
    var hydration: [(id: String, hydrated: Bool)]?
    var hydrationSeconds: [(id: String, seconds: Double)] = []
    var lagSeconds: [(id: String, seconds: Double?)]?
    /// (id, strategy, value as text).
    var retention: [(id: String, strategy: String, value: String?)] = []
    var replacements: [(id: String, target: String)] = []
    var statuses: [String: String] = [:]
    var sizes: [Size]?
    /// Catalog id → arrangement bytes on its largest replica (text); nil when not read.
    var arrangementBytes: [String: String]?

    /// One row of `mz_cluster_replica_sizes`, numbers as text.
    struct Size: Sendable {
        var name: String
        var processes: String?
        var workers: String?
        var memoryBytes: String?
        var creditsPerHour: String?
    }
}
