/// Decides whether a materialized view M can be rewritten on cluster B without skipping times
/// (SPEC §1, §5; reference §4.4).
///
/// `imports_B(M)`: for each relation M depends on, views expanded, an index on that relation
/// whose cluster is B (existing, or created earlier in the same plan), else the relation's
/// storage collection. With `S = max since(imports_B(M))` and `U = upper(M)`:
/// `ok` when `S < U` or M is sealed; `wait` when M's upper still advances towards S;
/// `gap` when it cannot (a stalled or paused source upstream) or when the strategy stops the
/// old dataflow first (`native`); `unknown` when a frontier is missing.
struct FeasibilityChecker {
    let graph: CatalogGraph
    /// Indexes the plan creates, by target cluster and indexed relation id: the original index.
    let plannedIndexes: [String: [String: CatalogObject]]

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
        var imports: [FrontierImport] = []
        var importedIndexes: [CatalogObject] = []
        var lostIndexes: [(relation: CatalogObject, index: CatalogObject)] = []
        var visited: Set<String> = []
        var pending = CatalogGraph.dependencies(of: view).reversed().map { $0 }
        while let id = pending.popLast() {
            guard visited.insert(id).inserted, let relation = graph.object(id) else { continue }
            if let index = indexOn(relation, cluster: cluster) {
                let planned = index.cluster != cluster
                imports.append(FrontierImport(
                    relation: relation.qualifiedName,
                    via: planned ? .plannedIndex : .index,
                    index: index.qualifiedName,
                    sinceMs: planned ? plannedSince(of: index, on: relation) : index.sinceMs
                ))
                importedIndexes.append(index)
                continue
            }
            if let used = graph.indexes(on: relation.id).compactMap(graph.object).first(where: { view.imports.contains($0.id) }) {
                lostIndexes.append((relation, used))
            }
            if relation.kind == .view {
                pending.append(contentsOf: CatalogGraph.dependencies(of: relation).reversed())
                continue
            }
            guard relation.kind != .index else { continue }
            imports.append(FrontierImport(relation: relation.qualifiedName, via: .storage, sinceMs: relation.sinceMs))
        }
        let stalled = stalledSources(upstreamOf: view)
        let since = imports.isEmpty ? 0 : imports.reduce(UInt64?(0)) { result, item in
            guard let result, let value = item.sinceMs else { return nil }
            return max(result, value)
        }
        var check = FrontierCheck(imports: imports, sinceMs: since, upperMs: view.sealed ? nil : view.upperMs, sealed: view.sealed)
        let feasibility: Feasibility
        if view.sealed {
            feasibility = .ok
        } else if let since, let upper = view.upperMs {
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

    /// An index on `relation` that will be on `cluster` when the replacement is created:
    /// one there today that the plan does not move away, else one the plan creates there.
    private func indexOn(_ relation: CatalogObject, cluster: String) -> CatalogObject? {
        let existing = graph.indexes(on: relation.id).compactMap(graph.object).first { $0.cluster == cluster }
        return existing ?? plannedIndexes[cluster]?[relation.id]
    }

    /// A planned index is created and becomes ready before the replacement that uses it, so its
    /// since is about its relation's upper minus its compaction window.
    private func plannedSince(of index: CatalogObject, on relation: CatalogObject) -> UInt64? {
        guard let upper = relation.upperMs ?? graph.snapshot.takenAtMs else { return nil }
        return upper >= index.retentionMs ? upper - index.retentionMs : 0
    }

    /// Sources and subsources in M's transitive dependencies whose status is stalled or paused.
    func stalledSources(upstreamOf object: CatalogObject) -> [CatalogObject] {
        var visited: Set<String> = []
        var pending = CatalogGraph.dependencies(of: object)
        var stalled: [CatalogObject] = []
        while let id = pending.popLast() {
            guard visited.insert(id).inserted, let dependency = graph.object(id) else { continue }
            if dependency.kind == .source || dependency.kind == .subsource,
               dependency.status == "stalled" || dependency.status == "paused" {
                stalled.append(dependency)
            }
            pending.append(contentsOf: CatalogGraph.dependencies(of: dependency))
        }
        return stalled.sorted { $0.qualifiedName < $1.qualifiedName }
    }
}
