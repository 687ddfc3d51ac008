extension CatalogGraph {
    /// The dependent closures of several roots, found in one walk over their union: each object
    /// is claimed by the first root (in the order given) that reaches it.
    struct ClosureClaims {
        /// Indexes of roots whose closures share an object, or that reach another root: each
        /// group in index order, groups by their first index.
        var groups: [[Int]]
        /// Per root, the positions it claimed (its closure minus what earlier roots claimed).
        var claimed: [[Int]]
        /// Per root, the roots that claimed part of its closure before it, in index order.
        var reached: [[Int]]
    }

    /// Claims the dependent closures of `roots` (ids), linear in the size of their union: a root
    /// reaching an object another root claimed joins that root's group and goes no further
    /// there, since everything downstream of it is claimed already.
    func claimDependents(of roots: [String]) -> ClosureClaims {
        var owner: [Int: Int] = [:]
        var parent = Array(roots.indices)
        func group(_ index: Int) -> Int {
            var index = index
            while parent[index] != index { index = parent[index] }
            return index
        }
        func join(_ a: Int, _ b: Int) {
            let (x, y) = (group(a), group(b))
            parent[max(x, y)] = min(x, y)
        }
        var rootIndex: [Int: Int] = [:]
        for (index, id) in roots.enumerated() {
            if let position = position(of: id) { rootIndex[position] = index }
        }
        var claimed = [[Int]](repeating: [], count: roots.count)
        var reached = [Set<Int>](repeating: [], count: roots.count)
        for (index, id) in roots.enumerated() {
            guard let start = position(of: id) else { continue }
            var stack = [start]
            while let next = stack.popLast() {
                for dependent in dependentPositions[next] {
                    if let other = rootIndex[dependent], other != index { join(index, other) }
                    if let claimant = owner[dependent] {
                        if claimant != index {
                            join(index, claimant)
                            reached[index].insert(claimant)
                        }
                        continue
                    }
                    owner[dependent] = index
                    claimed[index].append(dependent)
                    stack.append(dependent)
                }
            }
        }
        var groups: [Int: [Int]] = [:]
        for index in roots.indices { groups[group(index), default: []].append(index) }
        return ClosureClaims(groups: groups.keys.sorted().map { groups[$0]! }, claimed: claimed, reached: reached.map { $0.sorted() })
    }

    /// For each root, the largest `value` over its dependent closure (the root left out), by one
    /// pass over the union of the closures in reverse dependency order.
    func largestInClosures(of roots: [String], value: (CatalogObject) -> UInt64) -> [UInt64] {
        let starts = roots.map { position(of: $0) }
        var members: Set<Int> = []
        var stack = starts.compactMap { $0 }
        while let next = stack.popLast() {
            for dependent in dependentPositions[next] where members.insert(dependent).inserted {
                stack.append(dependent)
            }
        }
        var largest: [Int: UInt64] = [:]
        for position in orderedPositions(members).reversed() {
            var best = value(objects[position])
            for dependent in dependentPositions[position] {
                if let below = largest[dependent] { best = max(best, below) }
            }
            largest[position] = best
        }
        return starts.map { start in
            guard let start else { return 0 }
            return dependentPositions[start].compactMap { largest[$0] }.max() ?? 0
        }
    }
}
