import MZPlanCore

/// Which of the snapshot's objects (by name) are missing from the simulated catalog, and which
/// positions hold one: what staleness accrues for on every tick. Kept up to date from the table's
/// ``ObjectTable/nameChanges``, so a tick after a statement looks at the names it changed, not at
/// every object.
struct OriginalPresence {
    /// Original names no living object (other than a replacement) has.
    private(set) var missing: Set<QualifiedName> = []
    /// Whether each position holds a living original that is not a replacement.
    private var original: [Bool] = []
    /// How many of the table's name changes are accounted for.
    private var followed: Int

    /// Worked out from the whole table.
    init(originalNames: Set<QualifiedName>, table: ObjectTable) {
        var present: Set<QualifiedName> = []
        original = [Bool](repeating: false, count: table.slots.count)
        for (position, object) in table.slots.enumerated() {
            guard let object, object.replacementFor == nil else { continue }
            present.insert(object.qualifiedName)
            original[position] = originalNames.contains(object.qualifiedName)
        }
        missing = originalNames.subtracting(present)
        followed = table.nameChanges.count
    }

    /// Takes in the name changes since the last call.
    mutating func follow(_ table: ObjectTable, originalNames: Set<QualifiedName>) {
        guard followed < table.nameChanges.count else { return }
        if original.count < table.slots.count { original += repeatElement(false, count: table.slots.count - original.count) }
        for (name, position) in table.nameChanges[followed...] {
            let holder = table.slots[position]
            original[position] = holder.map { $0.replacementFor == nil && originalNames.contains($0.qualifiedName) } ?? false
            guard originalNames.contains(name) else { continue }
            let present = table.position(named: name).flatMap { table.slots[$0] }.map { $0.replacementFor == nil } ?? false
            if present { missing.remove(name) } else { missing.insert(name) }
        }
        followed = table.nameChanges.count
    }

    func holdsOriginal(_ position: Int) -> Bool {
        position < original.count && original[position]
    }
}
