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
    /// Ids of the objects on a cluster, by cluster name.
    let objectsByCluster: [String: [String]]
    /// The replacement in flight for a materialized view, by the view's id.
    let replacementByTarget: [String: String]
    /// Positions of each object's dependencies (logical and `on`) that are in the snapshot.
    let dependencyPositions: [[Int]]
    /// Positions of the indexes on each relation, by the relation's position.
    let indexPositions: [Int: [Int]]
    /// Positions of the objects downstream of a stalled or paused source (most catalogs: none).
    let stalledDownstream: Set<Int>

    init(_ snapshot: CatalogSnapshot) throws(DiagnosticsError) {
        self.snapshot = snapshot
        let objects = snapshot.objects
        var positionByID: [String: Int] = [:]
        var positionByName: [QualifiedName: Int] = [:]
        positionByID.reserveCapacity(objects.count)
        positionByName.reserveCapacity(objects.count)
        for position in objects.indices {
            positionByID[objects[position].id] = position
            positionByName[QualifiedName(database: objects[position].database, schema: objects[position].schema, name: objects[position].name)] = position
        }
        var clusterPositionByName: [String: Int] = [:]
        for (position, cluster) in snapshot.clusters.enumerated() {
            clusterPositionByName[cluster.name] = position
        }
        var dependents: [String: [String]] = [:]
        var importers: [String: [String]] = [:]
        var byCluster: [String: [String]] = [:]
        var replacements: [String: String] = [:]
        var dependencyPositions: [[Int]] = []
        var indexPositions: [Int: [Int]] = [:]
        var stalledSources: [Int] = []
        dependencyPositions.reserveCapacity(objects.count)
        for position in objects.indices {
            let id = objects[position].id
            var dependencies: [Int] = []
            for dependency in objects[position].dependsOn {
                if let dependencyPosition = positionByID[dependency] { dependencies.append(dependencyPosition) }
            }
            if let on = objects[position].on, let relation = positionByID[on] {
                if !dependencies.contains(relation) { dependencies.append(relation) }
                if objects[position].kind == .index { indexPositions[relation, default: []].append(position) }
            }
            for dependency in dependencies {
                dependents[objects[dependency].id, default: []].append(id)
            }
            dependencyPositions.append(dependencies)
            for imported in objects[position].imports {
                importers[imported, default: []].append(id)
            }
            if let cluster = objects[position].cluster {
                byCluster[cluster, default: []].append(id)
            }
            if let target = objects[position].replacementFor {
                replacements[target] = id
            }
            if Self.isStalledSource(kind: objects[position].kind, status: objects[position].status) {
                stalledSources.append(position)
            }
        }
        self.positionByID = positionByID
        self.positionByName = positionByName
        self.clusterPositionByName = clusterPositionByName
        self.dependentsByID = dependents
        self.importersByID = importers
        self.objectsByCluster = byCluster
        self.replacementByTarget = replacements
        self.dependencyPositions = dependencyPositions
        self.indexPositions = indexPositions
        var stalledDownstream: Set<Int> = []
        while let position = stalledSources.popLast() {
            for dependent in dependents[objects[position].id] ?? [] {
                if let dependentPosition = positionByID[dependent], stalledDownstream.insert(dependentPosition).inserted {
                    stalledSources.append(dependentPosition)
                }
            }
        }
        self.stalledDownstream = stalledDownstream
        try checkAcyclic()
    }

    /// Logical dependencies of an object, its indexed relation included, without duplicates.
    static func dependencies(of object: CatalogObject) -> [String] {
        guard let on = object.on, !object.dependsOn.contains(on) else { return object.dependsOn }
        return object.dependsOn + [on]
    }

    /// The objects, in snapshot order; positions index into this array.
    var objects: [CatalogObject] { snapshot.objects }

    /// The position of an object in ``objects``.
    func position(of id: String) -> Int? {
        positionByID[id]
    }

    /// A source or subsource whose status is stalled or paused: its upper does not advance.
    static func isStalledSource(kind: ObjectKind, status: String?) -> Bool {
        (kind == .source || kind == .subsource) && (status == "stalled" || status == "paused")
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
        guard let relation = positionByID[relationID] else { return [] }
        return (indexPositions[relation] ?? []).map { snapshot.objects[$0].id }
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
        var state = [UInt8](repeating: 0, count: dependencyPositions.count)   // 1 = on the stack, 2 = done
        for root in dependencyPositions.indices where state[root] == 0 {
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
                let dependency = dependencies[top.next]
                switch state[dependency] {
                case 0:
                    state[dependency] = 1
                    stack.append((dependency, 0))
                case 1:
                    let cycle = stack.map(\.position).drop { $0 != dependency } + [dependency]
                    let names = cycle.map { snapshot.objects[$0].qualifiedName.description }
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
