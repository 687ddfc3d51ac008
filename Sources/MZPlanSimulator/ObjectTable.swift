import MZPlanCore

/// The simulated catalog's objects in creation order, found by id, by name, and (indexes) by
/// the relation they index. Positions are stable while an object lives. Beside each object the
/// table keeps a ``FrontierRow`` of plain values and the positions it reads, so the per-tick
/// frontier pass never copies an object.
struct ObjectTable {
    /// Objects by position; a dropped object leaves an empty slot.
    private(set) var slots: [CatalogObject?] = []
    /// What the frontier pass reads of each slot.
    private(set) var rows: [FrontierRow] = []
    /// Positions of each slot's dependencies (`depends_on`, and the relation of an index).
    private(set) var dependencyPositions: [[Int]] = []
    /// Positions of what each slot's dataflow imports.
    private(set) var importPositions: [[Int]] = []
    private var positionByID: [String: Int] = [:]
    private var positionByName: [QualifiedName: Int] = [:]
    private var indexPositions: [String: [Int]] = [:]
    /// Positions of the living objects that name each id (``namedIDs(of:)``), ascending: who
    /// reads or imports an object is found without a pass over the table.
    private var namers: [String: [Int]] = [:]
    /// Changes whenever objects come, go or are renamed: caches of names are stale then.
    private(set) var generation = 0
    /// Every name that came, went or changed, with its position, oldest first: what a cache of
    /// names must look at again.
    private(set) var nameChanges: [(name: QualifiedName, position: Int)] = []
    /// The memory the living objects' dataflows hold, per cluster name.
    private(set) var memoryByCluster: [String: UInt64] = [:]

    /// The object with catalog id `id`. Setting one that exists replaces it in place (its name,
    /// id and dependencies must not change that way: use ``rename(_:to:)``, ``insert(_:)`` and
    /// ``redirect(_:to:)``); setting nil removes it.
    subscript(id: String) -> CatalogObject? {
        get { positionByID[id].flatMap { slots[$0] } }
        set {
            guard let position = positionByID[id] else { return }
            guard let newValue else {
                remove([id])
                return
            }
            let old = slots[position]
            slots[position] = newValue
            if let old, !Self.namesSame(old, newValue) {
                reindexNames(at: position, from: Self.namedIDs(of: old), to: Self.namedIDs(of: newValue))
            }
            account(rows[position], sign: -1)
            rows[position] = FrontierRow(newValue)
            account(rows[position], sign: 1)
        }
    }

    func position(of id: String) -> Int? { positionByID[id] }

    func object(named name: QualifiedName) -> CatalogObject? {
        positionByName[name].flatMap { slots[$0] }
    }

    func position(named name: QualifiedName) -> Int? { positionByName[name] }

    /// Positions of the living objects that name `id` as a dependency, an import, the relation
    /// they index or the view they replace, ascending.
    func positions(naming id: String) -> [Int] {
        namers[id] ?? []
    }

    /// Ids of the objects alive, in creation order.
    var ids: [String] { slots.compactMap { $0?.id } }

    /// The objects alive, in creation order.
    var all: [CatalogObject] { slots.compactMap { $0 } }

    /// Indexes on the relation `id`, in creation order.
    func indexes(on id: String) -> [CatalogObject] {
        (indexPositions[id] ?? []).compactMap { slots[$0] }
    }

    mutating func insert(_ object: CatalogObject) {
        let position = slots.count
        slots.append(object)
        rows.append(FrontierRow(object))
        account(rows[position], sign: 1)
        positionByID[object.id] = position
        positionByName[object.qualifiedName] = position
        if object.kind == .index, let on = object.on { indexPositions[on, default: []].append(position) }
        dependencyPositions.append(positions(of: Self.dependencies(of: object)))
        importPositions.append(positions(of: object.imports))
        for id in Self.namedIDs(of: object) { namers[id, default: []].append(position) }
        nameChanges.append((object.qualifiedName, position))
        generation += 1
    }

    mutating func remove(_ ids: Set<String>) {
        for id in ids {
            guard let position = positionByID.removeValue(forKey: id), let object = slots[position] else { continue }
            if positionByName[object.qualifiedName] == position { positionByName[object.qualifiedName] = nil }
            if let on = object.on { indexPositions[on]?.removeAll { $0 == position } }
            reindexNames(at: position, from: Self.namedIDs(of: object), to: [])
            slots[position] = nil
            account(rows[position], sign: -1)
            rows[position] = FrontierRow()
            dependencyPositions[position] = []
            importPositions[position] = []
            nameChanges.append((object.qualifiedName, position))
        }
        generation += 1
    }

    mutating func rename(_ id: String, to name: String) {
        guard let position = positionByID[id], let object = slots[position] else { return }
        positionByName[object.qualifiedName] = nil
        slots[position]?.name = name
        positionByName[object.qualifiedName.renamed(name)] = position
        nameChanges.append((object.qualifiedName, position))
        nameChanges.append((object.qualifiedName.renamed(name), position))
        generation += 1
    }

    /// Replaces every reference to `old` (dependencies, imports, indexed relation) by `new`.
    mutating func redirect(_ old: String, to new: String) {
        for position in positions(naming: old) {
            guard let object = slots[position] else { continue }
            guard object.dependsOn.contains(old) || object.imports.contains(old) || object.on == old else { continue }
            slots[position]?.dependsOn = object.dependsOn.map { $0 == old ? new : $0 }
            slots[position]?.imports = object.imports.map { $0 == old ? new : $0 }
            if object.on == old { slots[position]?.on = new }
            reindexNames(at: position, from: Self.namedIDs(of: object), to: Self.namedIDs(of: slots[position]!))
            relink(position)
        }
        if let moved = indexPositions.removeValue(forKey: old) { indexPositions[new, default: []] += moved }
    }

    /// Recomputes the positions every slot reads (after objects were inserted in any order).
    mutating func relinkAll() {
        for position in slots.indices { relink(position) }
    }

    /// Recomputes the positions one object reads, after its dependencies or imports changed in place.
    mutating func relink(id: String) {
        if let position = positionByID[id] { relink(position) }
    }

    private mutating func relink(_ position: Int) {
        guard let object = slots[position] else { return }
        dependencyPositions[position] = positions(of: Self.dependencies(of: object))
        importPositions[position] = positions(of: object.imports)
    }

    /// Sets one object's frontiers in place.
    mutating func setFrontier(at position: Int, upper: UInt64?, since: UInt64?) {
        slots[position]?.upperMs = upper
        slots[position]?.sinceMs = since
        rows[position].upperMs = upper
        rows[position].sinceMs = since
    }

    /// Adds (`sign` 1) or takes away (-1) a row's memory from its cluster's.
    private mutating func account(_ row: FrontierRow, sign: Int) {
        guard let cluster = row.cluster, let bytes = row.memoryBytes, bytes > 0 else { return }
        let current = memoryByCluster[cluster, default: 0]
        memoryByCluster[cluster] = sign > 0 ? current &+ bytes : current - min(current, bytes)
    }

    /// Moves `position` from the lists of the ids it named to those of the ids it names now.
    private mutating func reindexNames(at position: Int, from before: Set<String>, to after: Set<String>) {
        for id in before.subtracting(after) {
            namers[id]?.removeAll { $0 == position }
            if namers[id]?.isEmpty == true { namers[id] = nil }
        }
        for id in after.subtracting(before) {
            var list = namers[id, default: []]
            list.insert(position, at: list.firstIndex { $0 > position } ?? list.count)
            namers[id] = list
        }
    }

    private static func namesSame(_ a: CatalogObject, _ b: CatalogObject) -> Bool {
        a.dependsOn == b.dependsOn && a.imports == b.imports && a.on == b.on && a.replacementFor == b.replacementFor
    }

    /// Every id an object names: dependencies, imports, the relation it indexes, the view it replaces.
    private static func namedIDs(of object: CatalogObject) -> Set<String> {
        var ids = Set(object.dependsOn)
        ids.formUnion(object.imports)
        if let on = object.on { ids.insert(on) }
        if let target = object.replacementFor { ids.insert(target) }
        return ids
    }

    private func positions(of ids: [String]) -> [Int] {
        ids.compactMap { positionByID[$0] }
    }

    /// What an object reads: its dependencies, then the relation it indexes.
    private static func dependencies(of object: CatalogObject) -> [String] {
        guard let on = object.on, !object.dependsOn.contains(on) else { return object.dependsOn }
        return object.dependsOn + [on]
    }
}

/// The plain values of one object that the frontier pass reads.
struct FrontierRow {
    var alive = false
    var kind = ObjectKind.table
    var sealed = false
    /// A source or subsource whose status is stalled or paused.
    var stalled = false
    var hydrated: Bool?
    var lagMs: UInt64 = 0
    var upperMs: UInt64?
    var sinceMs: UInt64?
    var retentionMs: UInt64 = 1000
    var isReplacement = false
    var readsNothing = true
    var cluster: String?
    var memoryBytes: UInt64?

    init() {}

    /// Matched by pattern: `kind != .index` goes through `Equatable` on this hot path.
    var isIndex: Bool {
        if case .index = kind { true } else { false }
    }

    /// The since the frontier pass gives this row when its upper is `upper`: its retention behind
    /// the upper, held back (unless an index) to `heldBy`, the least upper of the dataflows that
    /// import it, and at its as_of `start` (a replacement's is exactly that); never moving back.
    func since(upper: UInt64?, heldBy: UInt64, start: UInt64?) -> UInt64? {
        guard let upper else { return sinceMs }
        var since = upper - min(upper, retentionMs)
        if !isIndex, heldBy != .max { since = min(since, heldBy) }
        if let start { since = isReplacement ? start : max(since, start) }
        return max(sinceMs ?? 0, since)
    }

    init(_ object: CatalogObject) {
        alive = true
        kind = object.kind
        sealed = object.sealed
        stalled = object.status == "stalled" || object.status == "paused"
        hydrated = object.hydrated
        lagMs = object.lagMs ?? 0
        upperMs = object.upperMs
        sinceMs = object.sinceMs
        retentionMs = object.retentionMs
        isReplacement = object.replacementFor != nil
        readsNothing = object.dependsOn.isEmpty
        cluster = object.cluster
        memoryBytes = object.memoryBytes
    }
}
