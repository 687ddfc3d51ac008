/// A `create_sql` that mzplan cannot take apart: unterminated quotes or comments, or a header that is not
/// `CREATE <kind> <name> …`.
public struct SQLRewriteError: Error, Sendable, Equatable {
    public var message: String

    public init(message: String) {
        self.message = message
    }
}
