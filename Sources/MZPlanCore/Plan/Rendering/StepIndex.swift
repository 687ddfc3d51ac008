/// Which move or cluster change each step belongs to, and which steps are blocked.
struct StepIndex {
    private var owners: [Int: Move] = [:]
    private var blocked: Set<Int> = []

    init(_ plan: Plan) {
        for move in plan.moves {
            for id in move.steps where owners[id] == nil {
                owners[id] = move
            }
            if move.isBlocked { blocked.formUnion(move.steps) }
        }
        for change in plan.clusters where change.isBlocked {
            blocked.formUnion(change.steps)
        }
    }

    /// The move step `id` carries out, if any.
    func move(for id: Int) -> Move? { owners[id] }

    /// Whether step `id` belongs to a blocked move or cluster change.
    func isBlocked(_ id: Int) -> Bool { blocked.contains(id) }
}
