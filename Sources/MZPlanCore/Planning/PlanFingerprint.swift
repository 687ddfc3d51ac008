import Crypto

/// SHA-256 over a canonical encoding of what a plan depends on (SPEC §5):
/// the resolved desired state (per managed object: id, target cluster, strategy, allowed
/// hazards; per manifest cluster: size and replication factor; options that change steps)
/// and the planning-relevant catalog state (ids, names, kinds, clusters, create_sql,
/// definitions, dependencies). Frontiers, lag, hydration and `taken_at_ms` are left out, and
/// so is everything about how the manifest was spelled.
enum PlanFingerprint {
    static func compute(manifest: Manifest, resolution: Resolution, graph: CatalogGraph, allow: [HazardCode]) -> String {
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
        encoder.field("drop_empty_clusters", manifest.options.dropEmptyClusters ? 1 : 0)
        encoder.field(Set(manifest.options.allow + allow).map(\.rawValue).sorted().joined(separator: ","))
        let catalogClusters = graph.snapshot.clusters.sorted { $0.id < $1.id }
        encoder.field("catalog-clusters", catalogClusters.count)
        for cluster in catalogClusters {
            encoder.field(cluster.id)
            encoder.field(cluster.name)
            encoder.field(cluster.size ?? "")
            encoder.field(cluster.replicationFactor.map(String.init) ?? "")
        }
        let objects = graph.snapshot.objects.sorted { $0.id < $1.id }
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

/// Feeds length-prefixed fields to SHA-256, so that no two different field lists hash alike.
struct CanonicalEncoder {
    private var hasher = SHA256()

    mutating func field(_ text: String) {
        var text = text
        text.withUTF8 { bytes in
            var length = UInt64(bytes.count).littleEndian
            withUnsafeBytes(of: &length) { hasher.update(bufferPointer: $0) }
            hasher.update(bufferPointer: UnsafeRawBufferPointer(bytes))
        }
    }

    mutating func field(_ label: String, _ count: Int) {
        field(label)
        field(String(count))
    }

    func digest() -> String {
        let hex: [Character] = Array("0123456789abcdef")
        var result = ""
        result.reserveCapacity(64)
        for byte in hasher.finalize() {
            result.append(hex[Int(byte >> 4)])
            result.append(hex[Int(byte & 0x0F)])
        }
        return result
    }
}
