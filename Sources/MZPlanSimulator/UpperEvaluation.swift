import MZPlanCore

/// Computes uppers at one moment from the stored rows: an upper follows the clock minus the
/// object's lag and never passes its inputs'; a sealed collection keeps its empty frontier, a
/// stalled source stops, a dataflow that is not hydrated keeps the upper it had (or its as_of).
/// The memo decides the reach: dense for the frontier pass over every object, sparse for the
/// few objects a readiness poll asks about.
struct UpperEvaluation {
    private let rows: [FrontierRow]
    private let dependencies: [[Int]]
    /// The as_of of each new dataflow, by position.
    private let starts: [UInt64?]
    private let nowMs: UInt64

    init(table: ObjectTable, starts: [UInt64?], nowMs: UInt64) {
        rows = table.rows
        dependencies = table.dependencyPositions
        self.starts = starts
        self.nowMs = nowMs
    }

    /// The upper at `position`; nil for a dead or sealed-empty collection (and past 256 levels).
    mutating func upper<Memo: UpperMemo>(_ position: Int, memo: inout Memo, depth: Int = 0) -> UInt64? {
        if let known = memo[position] { return known }
        guard rows[position].alive, depth < 256 else { return nil }
        if rows[position].sealed { return rows[position].upperMs }
        let own = nowMs - min(nowMs, rows[position].lagMs)
        let kind = rows[position].kind
        var value: UInt64
        switch kind {
        case .table where rows[position].readsNothing:
            value = own
        case .source, .subsource, .table:
            if rows[position].stalled {
                value = rows[position].upperMs ?? own
            } else if kind != .source, let first = dependencies[position].first, let parent = upper(first, memo: &memo, depth: depth + 1) {
                value = min(own, parent)
            } else {
                value = own
            }
            if kind == .source, rows[position].hydrated == false { value = rows[position].upperMs ?? starts[position] ?? own }
        default:
            if rows[position].hydrated == false, let kept = rows[position].upperMs {
                // Not hydrated, it keeps the upper it had, whatever its inputs' (a poll asks about
                // dataflows still hydrating far more than about any other).
                value = kept
                break
            }
            var lowest = own
            for dependency in dependencies[position] {
                if let input = upper(dependency, memo: &memo, depth: depth + 1) { lowest = min(lowest, input) }
            }
            value = lowest
            if rows[position].hydrated == false {
                value = starts[position] ?? value
            }
        }
        if let previous = rows[position].upperMs, previous > value { value = previous }
        memo[position] = .some(value)
        return value
    }
}

/// Uppers at one moment for a few objects (a readiness poll): computed on demand, sharing
/// what they read; the stored uppers when there is nothing to compute.
struct SparseUppers {
    private let rows: [FrontierRow]
    private var evaluation: UpperEvaluation?
    private var memo: StampedUpperMemo

    /// - Parameter memo: emptied here; the environment's one, so polls reuse its storage.
    init(rows: [FrontierRow], evaluation: UpperEvaluation?, memo: StampedUpperMemo) {
        self.rows = rows
        self.evaluation = evaluation
        self.memo = memo
        if evaluation != nil { memo.store.reset(count: rows.count) }
    }

    mutating func upper(at position: Int) -> UInt64? {
        guard evaluation != nil else { return rows[position].upperMs }
        return evaluation!.upper(position, memo: &memo)
    }

    /// The since the frontier pass would give `position` now (views keep theirs): held back by the
    /// uppers of the dataflows that import it, found through the table's readers of its id.
    mutating func since(at position: Int, in table: ObjectTable, start: UInt64?) -> UInt64? {
        guard evaluation != nil, rows[position].kind != .view, let id = table.slots[position]?.id else { return rows[position].sinceMs }
        var heldBy = UInt64.max
        for reader in table.positions(naming: id) where rows[reader].alive && !rows[reader].isReplacement && table.importPositions[reader].contains(position) {
            if let own = upper(at: reader) { heldBy = min(heldBy, own) }
        }
        return rows[position].since(upper: upper(at: position), heldBy: heldBy, start: start)
    }
}

/// Uppers computed so far, by position: `nil` not yet computed, `.some(nil)` computed as none.
protocol UpperMemo {
    subscript(position: Int) -> UInt64?? { get set }
}

/// A memo for a few objects at a time whose storage outlives it: a slot per position, valid
/// while its stamp is the current one, so a poll neither hashes positions nor clears what the
/// last one computed. Only one evaluation uses the store at a time (each empties it first).
struct StampedUpperMemo: UpperMemo {
    final class Store {
        // Unchecked: a poll reads these for every input it visits, and a checked access of a
        // class's property calls into the runtime each time; one evaluation at a time uses them.
        @exclusivity(unchecked) fileprivate var values: [UInt64?] = []
        @exclusivity(unchecked) fileprivate var stamps: [UInt32] = []
        @exclusivity(unchecked) fileprivate var stamp: UInt32 = 0

        /// Forgets every value and makes room for `count` positions.
        func reset(count: Int) {
            stamp &+= 1
            if stamp == 0 {
                stamps = [UInt32](repeating: 0, count: stamps.count)
                stamp = 1
            }
            if values.count < count {
                values += repeatElement(nil, count: count - values.count)
                stamps += repeatElement(0, count: count - stamps.count)
            }
        }
    }

    let store: Store

    subscript(position: Int) -> UInt64?? {
        get { store.stamps[position] == store.stamp ? .some(store.values[position]) : nil }
        nonmutating set {
            guard let value = newValue else {
                store.stamps[position] = 0
                return
            }
            store.values[position] = value
            store.stamps[position] = store.stamp
        }
    }
}

/// A memo with a slot for every position, for the pass over the whole catalog.
struct DenseUpperMemo: UpperMemo {
    private(set) var values: [UInt64?]
    private var known: [Bool]

    init(count: Int) {
        values = [UInt64?](repeating: nil, count: count)
        known = [Bool](repeating: false, count: count)
    }

    subscript(position: Int) -> UInt64?? {
        get { known[position] ? .some(values[position]) : nil }
        set {
            known[position] = newValue != nil
            values[position] = newValue ?? nil
        }
    }
}
