/// A graph's edges in compressed-row form: the neighbours of node `n` are
/// `targets[offsets[n]..<offsets[n + 1]]`. Two flat arrays instead of one array per node, so a
/// 100 000-node catalog graph costs two allocations, not 100 000.
struct AdjacencyList: Sendable {
    private let offsets: [Int]
    private let targets: [Int]

    /// Builds the list from each node's neighbours, in order.
    init(nodeCount: Int, neighbours: (Int, inout [Int]) -> Void) {
        var offsets = [0]
        offsets.reserveCapacity(nodeCount + 1)
        var targets: [Int] = []
        targets.reserveCapacity(nodeCount * 2)
        for node in 0..<nodeCount {
            neighbours(node, &targets)
            offsets.append(targets.count)
        }
        self.offsets = offsets
        self.targets = targets
    }

    /// The reverse graph: `m` is a neighbour of `n` here when `n` is a neighbour of `m` there,
    /// neighbours in increasing node order.
    func reversed() -> AdjacencyList {
        let nodeCount = offsets.count - 1
        var counts = [Int](repeating: 0, count: nodeCount + 1)
        for target in targets { counts[target + 1] += 1 }
        for node in 0..<nodeCount { counts[node + 1] += counts[node] }
        var next = counts
        var reversedTargets = [Int](repeating: 0, count: targets.count)
        for node in 0..<nodeCount {
            for target in self[node] {
                reversedTargets[next[target]] = node
                next[target] += 1
            }
        }
        return AdjacencyList(offsets: counts, targets: reversedTargets)
    }

    private init(offsets: [Int], targets: [Int]) {
        self.offsets = offsets
        self.targets = targets
    }

    var nodeCount: Int { offsets.count - 1 }

    subscript(node: Int) -> ArraySlice<Int> {
        targets[offsets[node]..<offsets[node + 1]]
    }
}
