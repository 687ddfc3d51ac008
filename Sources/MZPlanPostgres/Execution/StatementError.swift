/// A statement the apply engine sent failed: the statement, the server's SQLSTATE and message.
package struct StatementError: Error, Sendable, Equatable, CustomStringConvertible {
    package enum Kind: String, Sendable {
        /// The server rejected the statement; ``sqlState`` says why.
        case server
        /// The connection dropped while the statement ran: it may or may not have taken effect.
        case connectionLost
        /// No connection could be made; the statement was not sent.
        case connectFailed
        /// mzplan's own deadline passed and the statement was cancelled: it may have taken effect.
        case timeout
    }

    package var kind: Kind
    package var statement: String
    package var sqlState: String?
    package var message: String

    package init(_ kind: Kind, statement: String, sqlState: String? = nil, message: String) {
        self.kind = kind
        self.statement = statement
        self.sqlState = sqlState
        self.message = message
    }

    /// `ERROR 42601: syntax error at or near "SELEC" in: SELEC 1`, on one line.
    package var description: String {
        let oneLine = statement.split(whereSeparator: \.isNewline).joined(separator: " ")
        let code = sqlState.map { " \($0)" } ?? ""
        return "\(kind == .server ? "ERROR" : kind.rawValue)\(code): \(message) in: \(oneLine)"
    }
}
