/// SHA-256 over the planning-relevant catalog state alone: the catalog half of
/// ``PlanFingerprint`` (ids, names, kinds, clusters with size and replication factor,
/// create_sql, definitions, dependencies; never frontiers, lag, hydration or `taken_at_ms`).
///
/// A saved plan carries it, because its desired half is fixed in the plan itself: when the
/// current catalog gives another value, the plan is stale.
public enum CatalogFingerprint {
    public static func compute(_ snapshot: CatalogSnapshot) -> String {
        var encoder = CanonicalEncoder()
        encoder.field("mzplan.catalog-fingerprint.v1")
        let clusters = snapshot.clusters.sorted { $0.id < $1.id }
        encoder.field("catalog-clusters", clusters.count)
        for cluster in clusters {
            encoder.field(cluster.id)
            encoder.field(cluster.name)
            encoder.field(cluster.size ?? "")
            encoder.field(cluster.replicationFactor.map(String.init) ?? "")
        }
        let objects = snapshot.objects.sorted { $0.id < $1.id }
        encoder.field("catalog-objects", objects.count)
        for object in objects {
            encoder.field(object.id)
            encoder.field(object.database)
            encoder.field(object.schema)
            encoder.field(object.name)
            encoder.field(object.kind.rawValue)
            encoder.field(object.cluster ?? "")
            encoder.field(object.on ?? "")
            encoder.field(object.createSQL ?? "")
            encoder.field(object.definition ?? "")
            encoder.field(object.dependsOn.sorted().joined(separator: ","))
            encoder.field(object.replacementFor ?? "")
        }
        return "sha256:" + encoder.digest()
    }
}
