package import MZPlanCore

/// A deterministic, virtual-clock model of a Materialize environment, loaded from a snapshot
/// (SPEC §8); the test bed for apply and what `mzplan apply --simulate` runs against.
///
/// Model: each object's upper advances with the clock minus its lag, and never beyond its
/// inputs'; a stalled source's upper stops. Since is `upper − retention`, except that a
/// storage collection is held back by running dataflows importing it and a replacement view
/// holds its as_of until applied. A new dataflow's as_of is the largest since of what it
/// imports on its cluster. Hydration takes `hydration_time_ms` (10 s by default) of work,
/// shared among the dataflows hydrating on a cluster at once; nothing hydrates on a cluster
/// without a healthy replica; a cluster whose dataflows need more memory than a replica has
/// OOM-loops (``updateMemoryPressure()``). A new size replaces a cluster's replicas: everything on it stops
/// serving until it has rehydrated (``downtimeMs``), unless the resize waits until ready.
package final class SimulatedEnvironment {
    package internal(set) var timeMs: UInt64
    /// The objects as stored: frontiers as of the last frontier pass (see ``objects``).
    var table = ObjectTable()
    /// Time passed or the catalog changed since the last frontier pass.
    var frontiersStale = false
    /// Objects that came without an upper: the first pass after time passes gives them one, and
    /// one that does not advance keeps it, so that pass runs when the clock stops, as it always did.
    var uppersToSettle: [String] = []
    /// Objects that came without an upper since the last frontier pass. A dataflow takes its as_of
    /// as its upper at the first pass while it hydrates, and keeps it: the statements that skip the
    /// pass still give them theirs (``SimulatedEnvironment/run(_:timeoutMs:)``).
    var awaitingFirstPass: [String] = []
    /// The storage of the memo each poll's upper evaluation uses (``currentUppers()``).
    let upperMemo = StampedUpperMemo(store: StampedUpperMemo.Store())
    /// The objects with current frontiers: reading or changing them first runs the frontier pass
    /// when it is stale. Time passing only marks it stale, so a poll costs what it reads, not a
    /// pass over the whole catalog (``readiness(_:)`` computes the uppers it reports on their own).
    var objects: ObjectTable {
        _read {
            refreshFrontiers()
            yield table
        }
        _modify {
            refreshFrontiers()
            yield &table
        }
    }
    /// Ids of the objects alive, in creation order.
    var order: [String] { objects.ids }
    var clusters: [CatalogCluster]
    let sizes: [ReplicaSize]?
    var nextID: Int
    /// Remaining hydration work, per dataflow id. Reading or changing it first folds in what
    /// ``advance(to:)`` kept in its ``slices``; changing it drops them.
    var hydrationLeft: [String: Double] {
        _read {
            foldSlices()
            yield storedHydrationLeft
        }
        _modify {
            foldSlices()
            slices = nil
            yield &storedHydrationLeft
        }
    }
    var storedHydrationLeft: [String: Double] = [:]
    /// The hydrating dataflows as ticks work through them, kept between ticks (see ``HydrationSlices``).
    var slices: HydrationSlices?
    var asOf = AsOfTable()
    /// Hydration time by object name, from the snapshot (temporary objects use their original's).
    var hydrationByName: [QualifiedName: UInt64] = [:]
    /// Memory of each dataflow by object name, from the snapshot (temporary objects use their original's).
    var memoryByName: [QualifiedName: UInt64] = [:]
    /// Clusters whose replicas OOM-loop because their dataflows do not fit (see ``updateMemoryPressure()``).
    var memoryLooping: Set<String> = []
    var originalNames: Set<QualifiedName> = []
    /// How many sources ingested each upstream when the snapshot was taken.
    var originalIngestions: [String: Int] = [:]
    /// Subsources and progress relations dropped with their source, by source name.
    var droppedSubsources: [QualifiedName: [CatalogObject]] = [:]
    package var faults: SimulatorFaults
    package internal(set) var violations: [SimulatorViolation] = []
    /// Time each object (by name) was missing or not hydrated.
    package internal(set) var stalenessMs: [QualifiedName: UInt64] {
        get {
            foldSlices()
            return storedStalenessMs
        }
        set {
            foldSlices()
            storedStalenessMs = newValue
        }
    }
    var storedStalenessMs: [QualifiedName: UInt64] = [:]
    /// Objects that served until a restart of their cluster and have not rehydrated since.
    var interrupted: Set<String> = []
    /// Per cluster name: time during which some object on it was not serving after a restart.
    package internal(set) var downtimeMs: [String: UInt64] = [:]
    /// The same, counting only indexes and materialized views.
    package internal(set) var computeDowntimeMs: [String: UInt64] = [:]
    package internal(set) var statementsExecuted = 0
    var lock: LockHolder?
    var journal: [JournalEntry] = []
    /// How many times the state file was rewritten; its write-ahead log names the one it extends.
    package internal(set) var generation = 0
    var pendingConflicts = 0
    /// Originals missing, and which positions hold one; nil when it must be worked out anew.
    var originals: OriginalPresence?

    package init(_ snapshot: CatalogSnapshot, faults: SimulatorFaults = SimulatorFaults()) {
        timeMs = snapshot.takenAtMs ?? snapshot.objects.compactMap(\.upperMs).max() ?? 0
        clusters = snapshot.clusters
        sizes = snapshot.sizes
        self.faults = faults
        var highest = 0
        for object in SnapshotFrontiers.normalized(snapshot.objects) {
            table.insert(object)
            if object.upperMs == nil {
                uppersToSettle.append(object.id)
                awaitingFirstPass.append(object.id)
            }
            hydrationByName[object.qualifiedName] = object.hydrationTimeMs
            if let memory = object.memoryBytes { memoryByName[object.qualifiedName] = memory }
            originalNames.insert(object.qualifiedName)
            if let number = Int(object.id.dropFirst()) { highest = max(highest, number) }
            if object.replacementFor != nil, let since = object.sinceMs { asOf[object.id] = since }
            // A dataflow still hydrating when the snapshot was taken goes on hydrating.
            if object.hydrated == false, object.cluster != nil {
                storedHydrationLeft[object.id] = Double(object.hydrationTimeMs ?? Self.defaultHydrationMs)
            }
        }
        for cluster in snapshot.clusters {
            if let number = Int(cluster.id.dropFirst()) { highest = max(highest, number) }
        }
        table.relinkAll()
        nextID = highest + 1
        originalIngestions = ingestions().mapValues(\.count)
        applyFaults()
        updateMemoryPressure()
    }

    /// Marks OOM-looping replicas and stalled sources as the faults say.
    func applyFaults() {
        for index in clusters.indices where faults.oomClusters.contains(clusters[index].name) {
            for replica in clusters[index].replicas.indices { clusters[index].replicas[replica].oomKills24h = 3 }
        }
        for id in order where faults.stalledSources.contains(objects[id]!.qualifiedName) {
            objects[id]?.status = "stalled"
        }
    }

    // MARK: Lookup

    /// The object named `name`, its frontiers as last computed (read them through ``objects``).
    func object(named name: QualifiedName) -> CatalogObject? {
        table.object(named: name)
    }

    /// Adds an object; it changes no other object's upper, so the frontier pass is not run first.
    func insert(_ object: CatalogObject) {
        if object.upperMs == nil {
            uppersToSettle.append(object.id)
            awaitingFirstPass.append(object.id)
        }
        table.insert(object)
    }

    /// Removes objects; callers remove everything that reads them, so no other upper changes and
    /// the frontier pass is not run first.
    func remove(_ ids: Set<String>) {
        table.remove(ids)
        for id in ids {
            hydrationLeft[id] = nil
            asOf[id] = nil
            interrupted.remove(id)
        }
    }

    func rename(_ id: String, to name: String) {
        table.rename(id, to: name)
    }

    func cluster(named name: String) -> CatalogCluster? {
        clusters.first { $0.name == name }
    }

    func newID() -> String {
        defer { nextID += 1 }
        return "u\(nextID)"
    }

    /// Why a cluster cannot run anything, or nil when it has a healthy replica.
    func replicaProblem(_ name: String?) -> String? {
        guard let name else { return nil }
        guard let cluster = cluster(named: name) else { return "cluster '\(name)' does not exist" }
        if cluster.replicas.contains(where: \.isHealthy) { return nil }
        if let looping = cluster.replicas.first(where: \.isOOMLooping) {
            return "cluster '\(name)' has no healthy replica: replica '\(looping.name)' is OOM-looping (\(looping.oomKills24h ?? 0) OOM kills in 24 h)"
        }
        return "cluster '\(name)' has no online replica"
    }

    /// The current catalog, as `mzplan catalog dump` would write it.
    package func snapshot() -> CatalogSnapshot {
        CatalogSnapshot(
            takenAtMs: timeMs,
            version: "simulated",
            clusters: clusters,
            objects: objects.all.map { object in
                var copy = object
                // A replacement is registered on its target's shard: its frontier mirrors the target's.
                if let target = object.replacementFor.flatMap({ objects[$0] }) { copy.upperMs = target.upperMs }
                // Written only when it differs: a write copies the object's fields.
                if let upper = copy.upperMs, !object.sealed, copy.lagMs != timeMs - min(upper, timeMs) { copy.lagMs = timeMs - min(upper, timeMs) }
                return copy
            },
            sizes: sizes
        )
    }

    /// The sorted placement of every object and the clusters: what "the same final catalog" compares.
    package func placementSignature() -> [String] {
        let objectLines = objects.all.map { "\($0.kind.rawValue) \($0.qualifiedName) @ \($0.cluster ?? "-")\($0.replacementFor == nil ? "" : " replacement")" }
        let clusterLines = clusters.map { "cluster \($0.name) \($0.size ?? "?") x\($0.replicationFactor ?? 0)" }
        return (clusterLines + objectLines).sorted()
    }
}
