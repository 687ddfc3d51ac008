public import MZPlanCore

/// The simulated catalog's objects in creation order, found by id, by name, and (indexes) by
/// the relation they index. Positions are stable while an object lives, so the per-tick
/// frontier pass reads objects in place instead of copying them out of a dictionary.
struct ObjectTable {
    /// Objects by position; a dropped object leaves an empty slot.
    private(set) var slots: [CatalogObject?] = []
    private var positionByID: [String: Int] = [:]
    private var positionByName: [QualifiedName: Int] = [:]
    private var indexPositions: [String: [Int]] = [:]
    /// Changes whenever objects come or go or their dependencies change: caches keyed on it are stale.
    private(set) var generation = 0

    /// The object with catalog id `id`. Setting one that exists replaces it in place (its name,
    /// id and dependencies must not change that way: use ``rename(_:to:)`` and ``insert(_:)``).
    subscript(id: String) -> CatalogObject? {
        get { positionByID[id].flatMap { slots[$0] } }
        set {
            guard let position = positionByID[id] else { return }
            guard let newValue else {
                remove([id])
                return
            }
            slots[position] = newValue
        }
    }

    func position(of id: String) -> Int? { positionByID[id] }

    func object(named name: QualifiedName) -> CatalogObject? {
        positionByName[name].flatMap { slots[$0] }
    }

    /// Positions of the objects alive, in creation order.
    var positions: [Int] { slots.indices.filter { slots[$0] != nil } }

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
        positionByID[object.id] = position
        positionByName[object.qualifiedName] = position
        if object.kind == .index, let on = object.on { indexPositions[on, default: []].append(position) }
        generation += 1
    }

    mutating func remove(_ ids: Set<String>) {
        for id in ids {
            guard let position = positionByID.removeValue(forKey: id), let object = slots[position] else { continue }
            if positionByName[object.qualifiedName] == position { positionByName[object.qualifiedName] = nil }
            if let on = object.on { indexPositions[on]?.removeAll { $0 == position } }
            slots[position] = nil
        }
        generation += 1
    }

    mutating func rename(_ id: String, to name: String) {
        guard let position = positionByID[id], let object = slots[position] else { return }
        positionByName[object.qualifiedName] = nil
        slots[position]?.name = name
        positionByName[object.qualifiedName.renamed(name)] = position
    }

    /// Replaces every reference to `old` (dependencies, imports, indexed relation) by `new`.
    mutating func redirect(_ old: String, to new: String) {
        for position in slots.indices {
            guard let object = slots[position] else { continue }
            guard object.dependsOn.contains(old) || object.imports.contains(old) || object.on == old else { continue }
            slots[position]?.dependsOn = object.dependsOn.map { $0 == old ? new : $0 }
            slots[position]?.imports = object.imports.map { $0 == old ? new : $0 }
            if object.on == old { slots[position]?.on = new }
        }
        if let moved = indexPositions.removeValue(forKey: old) { indexPositions[new, default: []] += moved }
        generation += 1
    }

    /// Sets one object's frontiers in place.
    mutating func setFrontier(at position: Int, upper: UInt64?, since: UInt64?) {
        slots[position]?.upperMs = upper
        slots[position]?.sinceMs = since
    }

    /// Marks dependencies or imports changed in place (``subscript(id:)``).
    mutating func dependenciesChanged() {
        generation += 1
    }
}
