/// Lookups over a ``CatalogSnapshot`` that planning needs: objects by id, clusters by
/// name, dependencies and dependents, importers, indexes per relation. Built once in linear
/// time over object positions (indexes into ``objects``), so that a 100 000-object catalog is
/// indexed without copying its objects.
final class CatalogGraph: Sendable {
    let snapshot: CatalogSnapshot
    private let positionByID: [String: Int]
    private let clusterPositionByName: [String: Int]
    private let clusterNameByID: [String: String]
    /// Positions of each object's dependencies (logical and `on`) that are in the snapshot.
    let dependencyPositions: AdjacencyList
    /// Positions of the objects that depend on each object, in snapshot order.
    let dependentPositions: AdjacencyList
    /// Positions of the objects whose running dataflow imports an object, by the object's position.
    private let importerPositions: [Int: [Int]]
    /// Positions of the indexes on each relation, by the relation's position.
    let indexPositions: [Int: [Int]]
    /// Positions of the objects on each cluster, by cluster name.
    private let positionsByCluster: [String: [Int]]
    /// The replacement in flight for a materialized view, by the view's id.
    let replacementByTarget: [String: String]
    /// Positions of the objects whose upper does not advance on its own (see ``isStuck(_:)``).
    let stuckPositions: Set<Int>
    /// Positions of the objects downstream of a stuck one (most catalogs: none).
    let stalledDownstream: Set<Int>
    init(_ snapshot: CatalogSnapshot) throws(DiagnosticsError) {
        self.snapshot = snapshot
        let objects = snapshot.objects
        // The snapshot reader built it already when it checked that ids are unique.
        let positionByID = snapshot.knownPositions ?? Self.positions(of: objects)
        var clusterPositionByName: [String: Int] = [:]
        var clusterNameByID: [String: String] = [:]
        var unhealthyClusters: Set<String> = []
        for (position, cluster) in snapshot.clusters.enumerated() {
            clusterPositionByName[cluster.name] = position
            clusterNameByID[cluster.id] = cluster.name
            if !cluster.replicas.contains(where: \.isHealthy) { unhealthyClusters.insert(cluster.name) }
        }
        var importerPositions: [Int: [Int]] = [:]
        var indexPositions: [Int: [Int]] = [:]
        var positionsByCluster: [String: [Int]] = [:]
        var replacements: [String: String] = [:]
        var stalled: [Int] = []
        let dependencyPositions = AdjacencyList(nodeCount: objects.count) { position, targets in
            let start = targets.count
            for dependency in objects[position].dependsOn {
                if let dependencyPosition = positionByID[dependency] { targets.append(dependencyPosition) }
            }
            if let on = objects[position].on, let relation = positionByID[on], !targets[start...].contains(relation) {
                targets.append(relation)
            }
        }
        let dependentPositions = dependencyPositions.reversed()
        for position in objects.indices {
            if objects[position].kind == .index, let on = objects[position].on, let relation = positionByID[on] {
                indexPositions[relation, default: []].append(position)
            }
            for imported in objects[position].imports {
                if let importedPosition = positionByID[imported] { importerPositions[importedPosition, default: []].append(position) }
            }
            if let cluster = objects[position].cluster {
                positionsByCluster[cluster, default: []].append(position)
            }
            if let target = objects[position].replacementFor {
                replacements[target] = objects[position].id
            }
            if Self.isStuck(objects[position], unhealthyClusters: unhealthyClusters) {
                stalled.append(position)
            }
        }
        let stuckPositions = Set(stalled)
        var stalledDownstream: Set<Int> = []
        while let position = stalled.popLast() {
            for dependent in dependentPositions[position] where stalledDownstream.insert(dependent).inserted {
                stalled.append(dependent)
            }
        }
        self.positionByID = positionByID
        self.clusterPositionByName = clusterPositionByName
        self.clusterNameByID = clusterNameByID
        self.dependencyPositions = dependencyPositions
        self.dependentPositions = dependentPositions
        self.importerPositions = importerPositions
        self.indexPositions = indexPositions
        self.positionsByCluster = positionsByCluster
        self.replacementByTarget = replacements
        self.stuckPositions = stuckPositions
        self.stalledDownstream = stalledDownstream
        try checkAcyclic()
    }

    /// This graph's lookups over `snapshot`: the indexed snapshot with other frontiers (sealing
    /// inferred), so the same ids, names, kinds, clusters, statuses and dependencies at the same
    /// positions. Nothing indexed depends on frontiers, so the graph is built while they are inferred.
    func withFrontiers(of snapshot: CatalogSnapshot) -> CatalogGraph {
        CatalogGraph(snapshot, indexedAs: self)
    }

    private init(_ snapshot: CatalogSnapshot, indexedAs other: CatalogGraph) {
        precondition(snapshot.objects.count == other.objects.count, "the same objects with other frontiers")
        self.snapshot = snapshot
        positionByID = other.positionByID
        clusterPositionByName = other.clusterPositionByName
        clusterNameByID = other.clusterNameByID
        dependencyPositions = other.dependencyPositions
        dependentPositions = other.dependentPositions
        importerPositions = other.importerPositions
        indexPositions = other.indexPositions
        positionsByCluster = other.positionsByCluster
        replacementByTarget = other.replacementByTarget
        stuckPositions = other.stuckPositions
        stalledDownstream = other.stalledDownstream
    }

    /// Each object's position by id (the last one, should an id repeat).
    private static func positions(of objects: [CatalogObject]) -> [String: Int] {
        var positionByID: [String: Int] = [:]
        positionByID.reserveCapacity(objects.count)
        for position in objects.indices {
            positionByID[objects[position].id] = position
        }
        return positionByID
    }

    /// Logical dependencies of an object, its indexed relation included, without duplicates.
    static func dependencies(of object: CatalogObject) -> [String] {
        guard let on = object.on, !object.dependsOn.contains(on) else { return object.dependsOn }
        return object.dependsOn + [on]
    }

    /// An object whose upper does not advance: a source or subsource whose status is stalled or
    /// paused, or a dataflow that is not hydrated on a cluster with no healthy replica (nothing
    /// there can hydrate it).
    static func isStuck(_ object: CatalogObject, unhealthyClusters: Set<String>) -> Bool {
        switch object.kind {
        case .source, .subsource:
            return object.status == "stalled" || object.status == "paused"
        case .materializedView, .index:
            return object.hydrated == false && object.cluster.map(unhealthyClusters.contains) == true
        default:
            return false
        }
    }

    /// Why a stuck object does not advance, for messages.
    static func stuckReason(_ object: CatalogObject) -> String {
        if object.kind == .source || object.kind == .subsource { return object.status ?? "stalled" }
        return "not hydrated on '\(object.cluster ?? "?")', which has no healthy replica"
    }

    /// The objects, in snapshot order; positions index into this array.
    var objects: [CatalogObject] { snapshot.objects }

    /// The position of an object in ``objects``.
    func position(of id: String) -> Int? {
        positionByID[id]
    }

    func object(_ id: String) -> CatalogObject? {
        positionByID[id].map { snapshot.objects[$0] }
    }

    func cluster(named name: String) -> CatalogCluster? {
        clusterPositionByName[name].map { snapshot.clusters[$0] }
    }

    /// The name of the cluster with catalog id `id`, for resolving `IN CLUSTER [u1]`.
    func clusterName(id: String) -> String? {
        clusterNameByID[id]
    }

    /// The objects that depend on `id` directly, in snapshot order.
    func dependents(of id: String) -> [CatalogObject] {
        guard let position = positionByID[id] else { return [] }
        return dependentPositions[position].map { objects[$0] }
    }

    /// Ids of the objects on a cluster, in snapshot order.
    func objectIDs(onCluster name: String) -> [String] {
        positions(onCluster: name).map { objects[$0].id }
    }

    /// The objects on a cluster, in snapshot order.
    func objects(onCluster name: String) -> [CatalogObject] {
        positions(onCluster: name).map { objects[$0] }
    }

    /// Positions of the objects on a cluster, in snapshot order (nothing copied).
    func positions(onCluster name: String) -> [Int] {
        positionsByCluster[name] ?? []
    }

    /// Objects whose dataflow imports `id`, in snapshot order.
    func importers(of id: String) -> [CatalogObject] {
        guard let position = positionByID[id] else { return [] }
        return (importerPositions[position] ?? []).map { objects[$0] }
    }

    /// Indexes on a relation, in snapshot order.
    func indexes(on relationID: String) -> [String] {
        guard let relation = positionByID[relationID] else { return [] }
        return (indexPositions[relation] ?? []).map { objects[$0].id }
    }

    /// The current name of an object, for resolving `[u2 AS …]` annotations.
    func name(of id: String) -> QualifiedName? {
        positionByID[id].map { objects[$0].qualifiedName }
    }

    /// Every object that transitively depends on any of `ids` (the roots themselves left out
    /// unless one depends on another), in a dependency order (an object after everything it
    /// depends on within the set), ties broken by snapshot order.
    func dependentClosure(of ids: [String]) -> [CatalogObject] {
        var members: Set<Int> = []
        var stack = ids.compactMap { positionByID[$0] }
        while let next = stack.popLast() {
            for dependent in dependentPositions[next] where members.insert(dependent).inserted {
                stack.append(dependent)
            }
        }
        return dependencyOrder(members)
    }

    /// The objects at `members` sorted so that each comes after its dependencies within the set.
    private func dependencyOrder(_ members: Set<Int>) -> [CatalogObject] {
        orderedPositions(members).map { objects[$0] }
    }

    /// The positions `members` sorted so that each comes after its dependencies within the set,
    /// ties broken by snapshot order.
    func orderedPositions(_ members: Set<Int>) -> [Int] {
        var remaining: [Int: Int] = [:]
        for position in members {
            remaining[position] = dependencyPositions[position].filter { members.contains($0) }.count
        }
        var ready = MinHeap(remaining.filter { $0.value == 0 }.keys)
        var ordered: [Int] = []
        ordered.reserveCapacity(members.count)
        while let position = ready.popMin() {
            ordered.append(position)
            for dependent in dependentPositions[position] {
                guard let count = remaining[dependent] else { continue }
                remaining[dependent] = count - 1
                if count == 1 { ready.insert(dependent) }
            }
        }
        assert(ordered.count == members.count, "dependency cycle survived checkAcyclic()")
        return ordered
    }

    /// Rejects a snapshot whose dependencies form a cycle (only a hand-edited file can).
    private func checkAcyclic() throws(DiagnosticsError) {
        var state = [UInt8](repeating: 0, count: dependencyPositions.nodeCount)   // 1 = on the stack, 2 = done
        for root in 0..<dependencyPositions.nodeCount where state[root] == 0 {
            var stack: [(position: Int, next: Int)] = [(root, 0)]
            state[root] = 1
            while let top = stack.last {
                let dependencies = dependencyPositions[top.position]
                guard top.next < dependencies.count else {
                    state[top.position] = 2
                    stack.removeLast()
                    continue
                }
                stack[stack.count - 1].next += 1
                let dependency = dependencies[dependencies.startIndex + top.next]
                switch state[dependency] {
                case 0:
                    state[dependency] = 1
                    stack.append((dependency, 0))
                case 1:
                    let cycle = stack.map(\.position).drop { $0 != dependency } + [dependency]
                    let names = cycle.map { objects[$0].qualifiedName.description }
                    throw DiagnosticsError(Diagnostic(
                        .error,
                        code: "catalog.cycle",
                        "the snapshot's dependencies form a cycle: \(names.joined(separator: " → ")); fix depends_on/on in the snapshot"
                    ))
                default:
                    break
                }
            }
        }
    }
}
