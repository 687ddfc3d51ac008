/// The one-character marker in front of a change, as in `terraform plan`.
enum ChangeMarker: String {
    case create = "+"
    case change = "~"
    case drop = "-"
    case blocked = "!"

    /// The marker for a cluster change: `!` when blocked, else by its action.
    init(_ change: ClusterChange) {
        if change.isBlocked {
            self = .blocked
            return
        }
        switch change.action {
        case .create: self = .create
        case .alter, .rename: self = .change
        case .drop: self = .drop
        }
    }

    /// The marker for a move: `!` when blocked, else `~`.
    init(_ move: Move) {
        self = move.isBlocked ? .blocked : .change
    }
}
