/// A failure reported by an ``ApplyTarget``.
package struct ApplyTargetError: Error, Hashable, Sendable {
    package enum Kind: String, Hashable, Sendable {
        /// The server rejected the statement (SQLSTATE in `sqlState`).
        case sql
        /// The connection broke; the statement may or may not have run.
        case connectionLost = "connection-lost"
        /// The process running the apply died (simulated crashes only): stop at once, touch nothing.
        case crashed
        /// A blocking statement did not finish by its deadline and was cancelled (Materialize's
        /// `statement_timeout` does not bound `APPLY REPLACEMENT`). It may have taken effect: the
        /// catalog decides; it is never sent again.
        case timedOut = "timed-out"
    }

    package var kind: Kind
    package var sqlState: String?
    package var message: String

    package init(_ kind: Kind, sqlState: String? = nil, message: String) {
        self.kind = kind
        self.sqlState = sqlState
        self.message = message
    }

    /// A statement that ran out of time: cancelled by mzplan, or by a server's `statement_timeout` (57014).
    package var isTimeout: Bool { kind == .timedOut || sqlState == "57014" }

    /// SQLSTATE 40001: a concurrent DDL conflict, retried with backoff.
    package var isSerializationFailure: Bool { sqlState == "40001" }
}
