/// The as_of of each new dataflow (its since until it has hydrated; a replacement's until it is
/// applied), by id, and by position for the frontier pass.
///
/// The positional copy is kept up to date from the ids changed since it was last read, so a
/// statement that creates one dataflow does not make the next pass look up every as_of again.
struct AsOfTable {
    private(set) var byID: [String: UInt64]
    /// Ids set or cleared since ``byPosition(in:)`` last ran (or not yet in the table then).
    private var changed: [String] = []
    private var positional: [UInt64?] = []
    private var built = false

    init(_ byID: [String: UInt64] = [:]) {
        self.byID = byID
    }

    subscript(id: String) -> UInt64? {
        get { byID[id] }
        set {
            byID[id] = newValue
            if built { changed.append(id) }
        }
    }

    /// The as_of of the object at each position of `table` (nil where there is none).
    mutating func byPosition(in table: ObjectTable) -> [UInt64?] {
        if !built {
            positional = [UInt64?](repeating: nil, count: table.rows.count)
            for (id, start) in byID {
                if let position = table.position(of: id) { positional[position] = start }
            }
            built = true
            return positional
        }
        if positional.count < table.rows.count {
            positional += repeatElement(nil, count: table.rows.count - positional.count)
        }
        var unresolved: [String] = []
        for id in changed {
            guard let position = table.position(of: id) else {
                if byID[id] != nil { unresolved.append(id) }
                continue
            }
            positional[position] = byID[id]
        }
        changed = unresolved
        return positional
    }
}
