import Crypto

/// SHA-256 over a canonical encoding of what a plan depends on (SPEC §5):
/// the resolved desired state (per managed object: id, target cluster, strategy, allowed
/// hazards; per manifest cluster: size, replication factor and resize strategy; options that change steps)
/// and the planning-relevant catalog state, as its ``CatalogFingerprint`` (ids, names, kinds,
/// clusters, create_sql, definitions, dependencies). Frontiers, lag, hydration and
/// `taken_at_ms` are left out, and so is everything about how the manifest was spelled.
enum PlanFingerprint {
    static func compute(manifest: Manifest, resolution: Resolution, catalogFingerprint: String, allow: [HazardCode]) -> String {
        var encoder = CanonicalEncoder()
        encoder.field("mzplan.fingerprint.v1")
        let placements = resolution.placements.sorted { $0.object.id < $1.object.id }
        encoder.field("placements", placements.count)
        for placement in placements {
            encoder.field(placement.object.id)
            encoder.field(placement.target)
            encoder.field(placement.strategy.rawValue)
            encoder.field(placement.allowed.map(\.rawValue).sorted().joined(separator: ","))
        }
        let clusters = manifest.clusters.sorted { $0.name < $1.name }
        encoder.field("clusters", clusters.count)
        for cluster in clusters {
            encoder.field(cluster.name)
            encoder.field(cluster.size ?? "")
            encoder.field(cluster.replicationFactor.map(String.init) ?? "")
        }
        // Added in v0.2, only when set, so that earlier plans keep their fingerprints.
        let resizes = clusters.filter { $0.resize != nil }
        if !resizes.isEmpty {
            encoder.field("resizes", resizes.count)
            for cluster in resizes {
                encoder.field(cluster.name)
                encoder.field(cluster.resize?.rawValue ?? "")
            }
        }
        if manifest.options.resizeTimeoutMs != PlanOptions().resizeTimeoutMs {
            encoder.field("resize_timeout", Int(clamping: manifest.options.resizeTimeoutMs))
        }
        encoder.field("drop_empty_clusters", manifest.options.dropEmptyClusters ? 1 : 0)
        if manifest.options.sourceMoves != PlanOptions().sourceMoves {
            encoder.field("source_moves")
            encoder.field(manifest.options.sourceMoves.rawValue)
        }
        encoder.field(Set(manifest.options.allow + allow).map(\.rawValue).sorted().joined(separator: ","))
        encoder.field(catalogFingerprint)
        return "sha256:" + encoder.digest()
    }
}
