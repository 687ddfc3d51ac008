/// A statement of the Materialize SQL that mzplan reads (`create_sql` in the catalog) and
/// writes (plan steps), as a value. ``init(parsing:)`` reads one; ``sql`` renders it. The
/// planner builds statements as values and renders them; the simulator parses the rendered
/// text with the same parser, so the two cannot drift apart.
///
/// Rendering is canonical (every identifier quoted, keywords uppercase, options as
/// `NAME = value`), and `Statement(parsing: s.sql) == s` for every statement.
package enum Statement: Hashable, Sendable, CustomStringConvertible {
    case createCluster(CreateClusterStatement)
    case alter(AlterStatement)
    case drop(DropStatement)
    case createMaterializedView(CreateMaterializedViewStatement)
    case createView(CreateViewStatement)
    case createIndex(CreateIndexStatement)
    case createSource(CreateSourceStatement)
    case createSubsource(CreateSubsourceStatement)
    case createTable(CreateTableStatement)
    case createSink(CreateSinkStatement)

    /// Reads one statement; a trailing `;` is allowed.
    package init(parsing sql: String) throws(SQLSyntaxError) {
        var parser = try SQLParser(statement: sql)
        self = try parser.statement()
    }

    /// The statement as SQL, ready to send.
    package var sql: String {
        switch self {
        case .createCluster(let statement): statement.sql
        case .alter(let statement): statement.sql
        case .drop(let statement): statement.sql
        case .createMaterializedView(let statement): statement.sql
        case .createView(let statement): statement.sql
        case .createIndex(let statement): statement.sql
        case .createSource(let statement): statement.sql
        case .createSubsource(let statement): statement.sql
        case .createTable(let statement): statement.sql
        case .createSink(let statement): statement.sql
        }
    }

    package var description: String { sql }

    /// The plain form: id annotations replaced by current names (`names`, else the annotated
    /// name), and `[uN]` clusters by their names (`clusters`, else kept).
    package func resolved(names: @escaping (String) -> QualifiedName?, clusters: @escaping (String) -> String? = { _ in nil }) -> Statement {
        let resolver = ReferenceResolver(names: names, clusters: clusters)
        switch self {
        case .createCluster, .alter, .drop: return self
        case .createMaterializedView(let statement): return .createMaterializedView(resolver.resolve(statement))
        case .createView(let statement): return .createView(resolver.resolve(statement))
        case .createIndex(let statement): return .createIndex(resolver.resolve(statement))
        case .createSource(let statement): return .createSource(resolver.resolve(statement))
        case .createSubsource(let statement): return .createSubsource(resolver.resolve(statement))
        case .createTable(let statement): return .createTable(resolver.resolve(statement))
        case .createSink(let statement): return .createSink(resolver.resolve(statement))
        }
    }
}

/// The object types `ALTER` and `DROP` name.
package enum SQLObjectType: String, Hashable, Sendable, CaseIterable {
    case cluster = "CLUSTER"
    case index = "INDEX"
    case materializedView = "MATERIALIZED VIEW"
    case view = "VIEW"
    case source = "SOURCE"
    case sink = "SINK"
    case table = "TABLE"
    case schema = "SCHEMA"

    /// The type of objects of catalog kind `kind` (subsources are sources).
    package init(_ kind: ObjectKind) {
        switch kind {
        case .index: self = .index
        case .materializedView: self = .materializedView
        case .view: self = .view
        case .source, .subsource: self = .source
        case .sink: self = .sink
        case .table: self = .table
        }
    }
}
