/// A failure to connect to Materialize or to read its catalog, as one line a user can act on.
///
/// Messages name the endpoint and the role but never the password.
package struct ConnectionError: Error, Sendable, Equatable, CustomStringConvertible {
    /// What went wrong, for callers that react differently (tests, retries).
    package enum Kind: String, Sendable {
        case invalidConfiguration
        case refused
        case authentication
        case tlsNotOffered
        case tls
        case unknownDatabase
        case permissionDenied
        case notMaterialize
        case timeout
        case connectionLost
        case server
    }

    package var kind: Kind
    package var message: String
    /// The server's SQLSTATE, when the server reported the error.
    package var sqlState: String?

    package init(_ kind: Kind, _ message: String, sqlState: String? = nil) {
        self.kind = kind
        self.message = message
        self.sqlState = sqlState
    }

    package var description: String { message }
}
