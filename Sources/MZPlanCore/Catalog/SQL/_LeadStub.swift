// Temporary stand-in until the catalog branch lands; deleted at merge.
public struct SQLRewriteError: Error, Sendable, Equatable { public var message: String }
public struct CreateStatement: Sendable {
    let sql: String
    public var kind: ObjectKind = .view
    public var options: [String] = []
    public init(parsing sql: String) throws(SQLRewriteError) { self.sql = sql }
    public func rendered(name: String? = nil, cluster: String? = nil, options: [String]? = nil, names: (String) -> QualifiedName?) -> String { sql }
    public func query(names: (String) -> QualifiedName?) -> String? { nil }
}
public enum DefinitionSQL {
    public static func query(_ definition: String, names: (String) -> QualifiedName?) -> String { definition }
}
