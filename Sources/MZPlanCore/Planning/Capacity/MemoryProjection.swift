/// The memory one cluster is projected to hold while a plan runs, against what one of its
/// replicas has (SPEC §10.2).
///
/// Every replica runs every dataflow of its cluster, so the check is per replica: the objects
/// that stay, the objects moving in (with the indexes a moved view would otherwise have read,
/// which it then arranges itself), and the objects leaving, which run until their moves cut
/// over, so they share the replica with the new dataflows while those hydrate.
struct MemoryProjection: Sendable {
    /// One share of the memory, as the hazard names it.
    struct Share: Sendable {
        var label: String
        var bytes: UInt64
    }

    var cluster: String
    /// The size the cluster has once the plan ran, when known.
    var size: ReplicaSize?
    var staying: UInt64 = 0
    var leaving: UInt64 = 0
    /// What moves in, largest first once ``sortIncoming()`` ran.
    var incoming: [Share] = []
    /// Indexes and materialized views counted whose memory is unknown.
    var unknown = 0
    /// Objects counted whose memory is known.
    var known = 0

    init(cluster: String, size: ReplicaSize?) {
        self.cluster = cluster
        self.size = size
    }

    var incomingBytes: UInt64 { incoming.reduce(0) { Self.add($0, $1.bytes) } }

    /// While the moves hydrate: what stays, what leaves and what moves in, all at once.
    var peakBytes: UInt64 { Self.add(Self.add(staying, leaving), incomingBytes) }

    /// Once the plan ran: what stays and what moved in.
    var afterBytes: UInt64 { Self.add(staying, incomingBytes) }

    /// The memory of one replica of the planned size.
    var capacityBytes: UInt64? { size?.replicaMemoryBytes }

    /// `percent` of the capacity.
    func limitBytes(percent: Int) -> UInt64? {
        capacityBytes.map { UInt64((Double($0) * Double(percent) / 100).rounded(.down)) }
    }

    /// True when the peak is above `percent` of a replica's memory; nil when that cannot be told.
    func exceeds(percent: Int) -> Bool? {
        guard known > 0 || unknown == 0, let limit = limitBytes(percent: percent) else { return nil }
        return peakBytes > limit
    }

    mutating func addStaying(_ object: CatalogObject) {
        staying = Self.add(staying, count(object))
    }

    mutating func addLeaving(_ object: CatalogObject) {
        leaving = Self.add(leaving, count(object))
    }

    mutating func addIncoming(_ object: CatalogObject) {
        incoming.append(Share(label: "'\(object.qualifiedName)'", bytes: count(object)))
    }

    /// A moved view arranges a relation itself instead of importing its index: about the index's memory.
    mutating func addArrangement(_ read: StorageRead) {
        incoming.append(Share(label: "'\(read.relation.qualifiedName)' arranged by '\(read.view.qualifiedName)'", bytes: count(read.index)))
    }

    mutating func sortIncoming() {
        incoming.sort { ($0.bytes, $1.label) > ($1.bytes, $0.label) }
    }

    /// The smallest size among `sizes` whose replica holds the peak under `percent`: least
    /// memory first, then fewest credits, then name.
    func smallestFitting(among sizes: [ReplicaSize], percent: Int) -> ReplicaSize? {
        sizes
            .filter { size in size.replicaMemoryBytes.map { Double(peakBytes) <= Double($0) * Double(percent) / 100 } ?? false }
            .min { ($0.replicaMemoryBytes!, $0.creditsPerHour ?? 0, $0.name) < ($1.replicaMemoryBytes!, $1.creditsPerHour ?? 0, $1.name) }
    }

    /// An object's figure. Sources, subsources and sinks without one hold no arrangement
    /// (their state is not measured as one) and count as 0; other objects without one are unknown.
    private mutating func count(_ object: CatalogObject) -> UInt64 {
        guard let bytes = object.memoryBytes else {
            if object.kind == .index || object.kind == .materializedView { unknown += 1 }
            return 0
        }
        known += 1
        return bytes
    }

    private static func add(_ a: UInt64, _ b: UInt64) -> UInt64 {
        let (sum, overflow) = a.addingReportingOverflow(b)
        return overflow ? .max : sum
    }
}

/// A moved view that imports an index today and reads the indexed relation from storage on its
/// target, where it must arrange the data itself (hazard `storage-read`).
struct StorageRead: Sendable {
    var view: CatalogObject
    var relation: CatalogObject
    var index: CatalogObject
    /// The cluster the view and the index share today.
    var from: String
}
