/// Collects steps and their edges while moves are planned, then numbers them in a stable
/// topological order (SPEC §5 "Ordering").
///
/// Steps get a provisional key when added; `after` edges refer to those keys. ``ordered()``
/// runs Kahn's algorithm taking, among the ready steps, the earliest phase and then the
/// earliest added, so the same inputs always give the same order. Every edge goes from a step
/// to one added later or to a later phase, so a cycle cannot arise; should one (a planner bug),
/// ordering fails with a diagnostic naming the steps, never a trap.
struct StepGraph {
    /// A step under construction; `key` is its provisional identity.
    struct Node {
        var key: Int
        var action: Step.Action
        var phase: Step.Phase
        var sql: String
        var after: Set<Int>
        var wait: StepWait?
        var object: QualifiedName?
        var cluster: String?
        var estimatedMs: UInt64
    }

    private(set) var nodes: [Node] = []

    /// Adds a step running `statement` and returns its key.
    @discardableResult
    mutating func add(
        _ action: Step.Action,
        phase: Step.Phase,
        statement: Statement,
        after: [Int] = [],
        wait: StepWait? = nil,
        object: QualifiedName? = nil,
        cluster: String? = nil,
        estimatedMs: UInt64 = 0
    ) -> Int {
        add(action, phase: phase, sql: statement.sql, after: after, wait: wait, object: object, cluster: cluster, estimatedMs: estimatedMs)
    }

    /// A step whose SQL is not one ``Statement``: a transaction (``Step/transaction(_:)``).
    mutating func add(
        _ action: Step.Action,
        phase: Step.Phase,
        sql: String,
        after: [Int] = [],
        wait: StepWait? = nil,
        object: QualifiedName? = nil,
        cluster: String? = nil,
        estimatedMs: UInt64 = 0
    ) -> Int {
        let key = nodes.count
        nodes.append(Node(key: key, action: action, phase: phase, sql: sql, after: Set(after), wait: wait, object: object, cluster: cluster, estimatedMs: estimatedMs))
        return key
    }

    /// Adds an edge: `step` runs after `predecessor`.
    mutating func addEdge(from predecessor: Int, to step: Int) {
        guard predecessor != step else { return }
        nodes[step].after.insert(predecessor)
    }

    /// Changes the cluster a step is recorded on (the name it has when the step runs).
    mutating func setCluster(of key: Int, to cluster: String) {
        nodes[key].cluster = cluster
    }

    /// Every step whose cluster is `cluster`.
    func keys(onCluster cluster: String) -> [Int] {
        nodes.filter { $0.cluster == cluster }.map(\.key)
    }

    /// The steps numbered 1… in topological order, and each provisional key's id (by key).
    func ordered() throws(DiagnosticsError) -> (steps: [Step], idByKey: [Int]) {
        var indegree = nodes.map { $0.after.count }
        var successors = [[Int]](repeating: [], count: nodes.count)
        for key in nodes.indices {
            for predecessor in nodes[key].after { successors[predecessor].append(key) }
        }
        struct Ready: Comparable {
            var phase: Step.Phase
            var key: Int
            static func < (lhs: Ready, rhs: Ready) -> Bool { (lhs.phase, lhs.key) < (rhs.phase, rhs.key) }
        }
        var ready = MinHeap(nodes.indices.filter { indegree[$0] == 0 }.map { Ready(phase: nodes[$0].phase, key: $0) })
        var order: [Int] = []
        order.reserveCapacity(nodes.count)
        while let next = ready.popMin() {
            order.append(next.key)
            for successor in successors[next.key] {
                indegree[successor] -= 1
                if indegree[successor] == 0 { ready.insert(Ready(phase: nodes[successor].phase, key: successor)) }
            }
        }
        guard order.count == nodes.count else {
            let placed = Set(order)
            let stuck = nodes.filter { !placed.contains($0.key) }.prefix(5).map { "\($0.action.rawValue) \($0.object?.description ?? $0.cluster ?? "")" }
            throw DiagnosticsError(Diagnostic(
                .error,
                code: "plan.step-cycle",
                "the planned steps depend on each other in a cycle (\(stuck.joined(separator: ", "))); this is a bug in mzplan: please report it with the manifest and the snapshot"
            ))
        }
        var idByKey = [Int](repeating: 0, count: nodes.count)
        for (position, key) in order.enumerated() { idByKey[key] = position + 1 }
        let steps = order.map { key in
            Step(
                id: idByKey[key],
                action: nodes[key].action,
                phase: nodes[key].phase,
                sql: nodes[key].sql,
                after: nodes[key].after.map { idByKey[$0] }.sorted(),
                wait: nodes[key].wait,
                object: nodes[key].object,
                cluster: nodes[key].cluster,
                estimatedMs: nodes[key].estimatedMs
            )
        }
        return (steps, idByKey)
    }
}
