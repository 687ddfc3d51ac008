import MZPlanCore

extension ApplyTargetError {
    /// A failed plan statement: server rejections keep their SQLSTATE, and the message names the
    /// statement (`ERROR 42601: … in: ALTER …`); a statement that may or may not have run, or
    /// could not be sent, is a lost connection the driver checks by reading the catalog.
    init(_ error: StatementError) {
        switch error.kind {
        case .server:
            self.init(.sql, sqlState: error.sqlState, message: error.description)
        case .connectionLost, .connectFailed:
            self.init(.connectionLost, sqlState: error.sqlState, message: error.description)
        case .timeout:
            self.init(.timedOut, sqlState: error.sqlState, message: error.description)
        }
    }

    /// A failed read (catalog, readiness, lock holder, journal), `while` saying which.
    init(_ error: ConnectionError, while activity: String) {
        switch error.kind {
        case .refused, .timeout, .connectionLost:
            self.init(.connectionLost, sqlState: error.sqlState, message: "\(activity): \(error.message)")
        default:
            self.init(.sql, sqlState: error.sqlState, message: "\(activity): \(error.message)")
        }
    }

    /// Ctrl-C: stop at once and leave lock and journal for `--resume` or `--abort`.
    static let interrupted = ApplyTargetError(.crashed, message: "interrupted")
}
