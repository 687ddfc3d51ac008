/// Lookups over a ``CatalogSnapshot`` that planning needs: objects by id and name, clusters by
/// name, reverse dependencies, indexes per relation. Built once in linear time.
struct CatalogGraph {
    let snapshot: CatalogSnapshot
    /// Position in `snapshot.objects` by object id.
    private let positionByID: [String: Int]
    private let positionByName: [QualifiedName: Int]
    private let clusterPositionByName: [String: Int]
    /// Ids of the objects that depend on an object (logical dependencies and index `on`).
    private let dependentsByID: [String: [String]]
    /// Ids of the objects whose running dataflow imports an object.
    private let importersByID: [String: [String]]
    /// Ids of the indexes on a relation.
    private let indexesByRelation: [String: [String]]
    /// Ids of the objects on a cluster, by cluster name.
    let objectsByCluster: [String: [String]]
    /// The replacement in flight for a materialized view, by the view's id.
    let replacementByTarget: [String: String]

    init(_ snapshot: CatalogSnapshot) throws(DiagnosticsError) {
        self.snapshot = snapshot
        var positionByID: [String: Int] = [:]
        var positionByName: [QualifiedName: Int] = [:]
        positionByID.reserveCapacity(snapshot.objects.count)
        positionByName.reserveCapacity(snapshot.objects.count)
        for (position, object) in snapshot.objects.enumerated() {
            positionByID[object.id] = position
            positionByName[object.qualifiedName] = position
        }
        var clusterPositionByName: [String: Int] = [:]
        for (position, cluster) in snapshot.clusters.enumerated() {
            clusterPositionByName[cluster.name] = position
        }
        var dependents: [String: [String]] = [:]
        var importers: [String: [String]] = [:]
        var indexes: [String: [String]] = [:]
        var byCluster: [String: [String]] = [:]
        var replacements: [String: String] = [:]
        for object in snapshot.objects {
            for dependency in Self.dependencies(of: object) where positionByID[dependency] != nil {
                dependents[dependency, default: []].append(object.id)
            }
            for imported in object.imports {
                importers[imported, default: []].append(object.id)
            }
            if object.kind == .index, let on = object.on {
                indexes[on, default: []].append(object.id)
            }
            if let cluster = object.cluster {
                byCluster[cluster, default: []].append(object.id)
            }
            if let target = object.replacementFor {
                replacements[target] = object.id
            }
        }
        self.positionByID = positionByID
        self.positionByName = positionByName
        self.clusterPositionByName = clusterPositionByName
        self.dependentsByID = dependents
        self.importersByID = importers
        self.indexesByRelation = indexes
        self.objectsByCluster = byCluster
        self.replacementByTarget = replacements
        try checkAcyclic()
    }

    /// Logical dependencies of an object, its indexed relation included, without duplicates.
    static func dependencies(of object: CatalogObject) -> [String] {
        guard let on = object.on, !object.dependsOn.contains(on) else { return object.dependsOn }
        return object.dependsOn + [on]
    }

    func object(_ id: String) -> CatalogObject? {
        positionByID[id].map { snapshot.objects[$0] }
    }

    func object(named name: QualifiedName) -> CatalogObject? {
        positionByName[name].map { snapshot.objects[$0] }
    }

    func cluster(named name: String) -> CatalogCluster? {
        clusterPositionByName[name].map { snapshot.clusters[$0] }
    }

    /// Direct dependents of an object, in snapshot order.
    func dependents(of id: String) -> [String] {
        dependentsByID[id] ?? []
    }

    /// Objects whose dataflow imports `id`, in snapshot order.
    func importers(of id: String) -> [String] {
        importersByID[id] ?? []
    }

    /// Indexes on a relation, in snapshot order.
    func indexes(on relationID: String) -> [String] {
        indexesByRelation[relationID] ?? []
    }

    /// The current name of an object, for resolving `[u2 AS …]` annotations.
    func name(of id: String) -> QualifiedName? {
        object(id)?.qualifiedName
    }

    /// Every object that transitively depends on `id`, in a dependency order (an object after
    /// everything it depends on within the set), ties broken by snapshot order.
    func dependentClosure(of id: String) -> [CatalogObject] {
        var members: Set<String> = []
        var stack = [id]
        while let next = stack.popLast() {
            for dependent in dependents(of: next) where members.insert(dependent).inserted {
                stack.append(dependent)
            }
        }
        members.remove(id)
        return dependencyOrder(members)
    }

    /// The given objects sorted so that each comes after its dependencies within the set.
    func dependencyOrder(_ ids: Set<String>) -> [CatalogObject] {
        var remaining: [String: Int] = [:]
        for id in ids {
            guard let object = object(id) else { continue }
            remaining[id] = Self.dependencies(of: object).filter { ids.contains($0) }.count
        }
        var ready = MinHeap(remaining.filter { $0.value == 0 }.keys.compactMap { positionByID[$0] })
        var ordered: [CatalogObject] = []
        ordered.reserveCapacity(remaining.count)
        while let position = ready.popMin() {
            let object = snapshot.objects[position]
            ordered.append(object)
            for dependent in dependents(of: object.id) {
                guard let count = remaining[dependent] else { continue }
                remaining[dependent] = count - 1
                if count == 1, let dependentPosition = positionByID[dependent] { ready.insert(dependentPosition) }
            }
        }
        assert(ordered.count == remaining.count, "dependency cycle survived checkAcyclic()")
        return ordered
    }

    /// Rejects a snapshot whose dependencies form a cycle (only a hand-edited file can).
    private func checkAcyclic() throws(DiagnosticsError) {
        var state: [String: UInt8] = [:]   // 1 = on the stack, 2 = done
        state.reserveCapacity(snapshot.objects.count)
        for root in snapshot.objects where state[root.id] == nil {
            var stack: [(id: String, next: Int)] = [(root.id, 0)]
            state[root.id] = 1
            while let top = stack.last {
                let dependencies = object(top.id).map(Self.dependencies(of:)) ?? []
                if top.next < dependencies.count {
                    stack[stack.count - 1].next += 1
                    let dependency = dependencies[top.next]
                    guard positionByID[dependency] != nil else { continue }
                    switch state[dependency] {
                    case nil:
                        state[dependency] = 1
                        stack.append((dependency, 0))
                    case 1:
                        let cycle = stack.map(\.id).drop { $0 != dependency } + [dependency]
                        let names = cycle.map { name(of: $0)?.description ?? $0 }
                        throw DiagnosticsError(Diagnostic(
                            .error,
                            code: "catalog.cycle",
                            "the snapshot's dependencies form a cycle: \(names.joined(separator: " → ")); fix depends_on/on in the snapshot"
                        ))
                    default:
                        break
                    }
                } else {
                    state[top.id] = 2
                    stack.removeLast()
                }
            }
        }
    }
}
