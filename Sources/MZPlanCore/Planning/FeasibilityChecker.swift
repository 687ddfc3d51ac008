/// Decides whether a materialized view M can be rewritten on cluster B without skipping times
/// (SPEC §1, §5; reference §4.4).
///
/// `imports_B(M)`: for each relation M depends on, views expanded, an index on that relation
/// whose cluster is B (existing, or created earlier in the same plan), else the relation's
/// storage collection. With `S = max since(imports_B(M))` and `U = upper(M)`:
/// `ok` when `S < U` or M is sealed; `wait` when M's upper still advances towards S;
/// `gap` when it cannot (a stalled or paused source upstream) or when the strategy stops the
/// old dataflow first (`native`); `unknown` when a frontier is missing.
///
/// Walks object positions rather than copying objects: planning a 100 000-object catalog
/// checks thousands of moves.
struct FeasibilityChecker {
    let graph: CatalogGraph
    /// Indexes the plan creates, by target cluster and indexed relation id: the original index.
    let plannedIndexes: [String: [String: CatalogObject]]
    /// Clusters the plan renames: old name → new name (their indexes stay with them).
    var renamedClusters: [String: String] = [:]
    /// Shared across the checks of one planning run.
    let stalledUpstream = StalledUpstreamCache()

    struct Verdict {
        var feasibility: Feasibility
        var check: FrontierCheck
        /// Relations read from storage on B although M reads an index on them today.
        var lostIndexes: [(relation: CatalogObject, index: CatalogObject)]
        /// Indexes on B, existing or planned, that the replacement would import.
        var importedIndexes: [CatalogObject]
        /// The stalled or paused sources upstream of M, when any.
        var stalledSources: [CatalogObject]
    }

    func check(_ view: CatalogObject, on cluster: String, strategy: Strategy) -> Verdict {
        let objects = graph.objects
        var imports: [FrontierImport] = []
        var importedIndexes: [CatalogObject] = []
        var lostIndexes: [(relation: CatalogObject, index: CatalogObject)] = []
        var visited: Set<Int> = []
        var pending = graph.position(of: view.id).map { Array(graph.dependencyPositions[$0].reversed()) } ?? []
        while let position = pending.popLast() {
            guard visited.insert(position).inserted else { continue }
            if let index = indexOn(position, cluster: cluster) {
                let planned = index.cluster.map { renamedClusters[$0] ?? $0 } != cluster
                imports.append(FrontierImport(
                    relation: objects[position].qualifiedName,
                    via: planned ? .plannedIndex : .index,
                    index: index.qualifiedName,
                    sinceMs: planned ? plannedSince(of: index, on: position) : index.sinceMs
                ))
                importedIndexes.append(index)
                continue
            }
            if !view.imports.isEmpty,
               let used = graph.indexPositions[position]?.first(where: { view.imports.contains(objects[$0].id) }) {
                lostIndexes.append((objects[position], objects[used]))
            }
            switch objects[position].kind {
            case .view:
                pending.append(contentsOf: graph.dependencyPositions[position].reversed())
            case .index:
                break
            default:
                imports.append(FrontierImport(relation: objects[position].qualifiedName, via: .storage, sinceMs: objects[position].sinceMs))
            }
        }
        let since = imports.isEmpty ? 0 : imports.reduce(UInt64?(0)) { result, item in
            guard let result, let value = item.sinceMs else { return nil }
            return max(result, value)
        }
        var check = FrontierCheck(imports: imports, sinceMs: since, upperMs: view.sealed ? nil : view.upperMs, sealed: view.sealed)
        var stalled: [CatalogObject] = []
        let feasibility: Feasibility
        if view.sealed {
            feasibility = .ok
        } else if let since, let upper = view.upperMs {
            stalled = since < upper ? [] : stalledSources(upstreamOf: view)
            if since < upper {
                feasibility = .ok
            } else if strategy == .native || !stalled.isEmpty {
                feasibility = .gap
            } else {
                feasibility = .wait
                check.estimatedWaitMs = since - upper
            }
        } else {
            feasibility = .unknown
        }
        return Verdict(
            feasibility: feasibility,
            check: check,
            lostIndexes: lostIndexes,
            importedIndexes: importedIndexes,
            stalledSources: stalled
        )
    }

    /// An index on the relation at `position` that will be on `cluster` when the replacement is
    /// created: one there today, else one the plan creates there.
    private func indexOn(_ position: Int, cluster: String) -> CatalogObject? {
        let objects = graph.objects
        let onCluster = { (index: Int) in objects[index].cluster.map { renamedClusters[$0] ?? $0 } == cluster }
        if let existing = graph.indexPositions[position]?.first(where: onCluster) {
            return objects[existing]
        }
        return plannedIndexes[cluster]?[objects[position].id]
    }

    /// A planned index is created and becomes ready before the replacement that uses it, so its
    /// since is about its relation's upper minus its compaction window.
    private func plannedSince(of index: CatalogObject, on position: Int) -> UInt64? {
        guard let upper = graph.objects[position].upperMs ?? graph.snapshot.takenAtMs else { return nil }
        return upper >= index.retentionMs ? upper - index.retentionMs : 0
    }

    /// Objects in M's transitive dependencies whose upper does not advance: stalled or paused
    /// sources, dataflows that cannot hydrate (``CatalogGraph/isStuck(_:unhealthyClusters:)``).
    /// Costs nothing in a healthy catalog; otherwise each object's answer is computed once.
    func stalledSources(upstreamOf object: CatalogObject) -> [CatalogObject] {
        guard let start = graph.position(of: object.id), graph.stalledDownstream.contains(start) else { return [] }
        let objects = graph.objects
        return stalledUpstream.positions(of: start, in: graph)
            .map { objects[$0] }
            .sorted { $0.qualifiedName < $1.qualifiedName }
    }
}

/// Memoized positions of the stalled or paused sources upstream of each object.
final class StalledUpstreamCache {
    private var cache: [Int: Set<Int>] = [:]

    func positions(of start: Int, in graph: CatalogGraph) -> Set<Int> {
        if let known = cache[start] { return known }
        // Iterative post-order over the dependencies that are themselves downstream of a stalled source.
        var stack: [(position: Int, expanded: Bool)] = [(start, false)]
        while let (position, expanded) = stack.popLast() {
            if cache[position] != nil { continue }
            let dependencies = graph.dependencyPositions[position]
            let tainted = dependencies.filter { graph.stalledDownstream.contains($0) }
            if !expanded {
                stack.append((position, true))
                for dependency in tainted where cache[dependency] == nil { stack.append((dependency, false)) }
                continue
            }
            var found: Set<Int> = []
            for dependency in dependencies {
                if graph.stuckPositions.contains(dependency) { found.insert(dependency) }
            }
            for dependency in tainted { found.formUnion(cache[dependency] ?? []) }
            cache[position] = found
        }
        return cache[start] ?? []
    }
}
