/// A failure to connect to Materialize or to read its catalog, as one line a user can act on.
///
/// Messages name the endpoint and the role but never the password.
public struct ConnectionError: Error, Sendable, Equatable, CustomStringConvertible {
    /// What went wrong, for callers that react differently (tests, retries).
    public enum Kind: String, Sendable {
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

    public var kind: Kind
    public var message: String
    /// The server's SQLSTATE, when the server reported the error.
    public var sqlState: String?

    public init(_ kind: Kind, _ message: String, sqlState: String? = nil) {
        self.kind = kind
        self.message = message
        self.sqlState = sqlState
    }

    public var description: String { message }
}
