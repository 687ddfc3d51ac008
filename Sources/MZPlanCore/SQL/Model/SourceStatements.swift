/// `CREATE SOURCE [IF NOT EXISTS] name [(columns)] [IN CLUSTER c] FROM <connector> [body]
/// [FOR ALL TABLES | FOR TABLES (…) | FOR SCHEMAS (…)] [EXPOSE PROGRESS AS name] [WITH (options)]`.
///
/// A webhook source is `CREATE SOURCE name [IN CLUSTER c] FROM WEBHOOK <body>`, its body
/// (`BODY FORMAT …`, `INCLUDE HEADERS`, `CHECK (…)`) carried as written.
package struct CreateSourceStatement: Hashable, Sendable {
    package var ifNotExists = false
    package var name: ObjectName
    /// A column list or key constraint after the name, as written.
    package var columns: SQLFragment?
    package var cluster: ClusterReference?
    package var connector: SourceConnector
    /// `FORMAT …`, `INCLUDE …`, `ENVELOPE …` (or a webhook's whole body), as written.
    package var body: SQLFragment?
    /// The upstream tables the statement creates subsources for.
    package var references: ExternalReferences?
    /// `EXPOSE PROGRESS AS name`.
    package var progress: ObjectName?
    package var options: [SQLOption] = []

    package init(name: ObjectName, cluster: ClusterReference?, connector: SourceConnector, body: SQLFragment? = nil, references: ExternalReferences? = nil, progress: ObjectName? = nil, options: [SQLOption] = []) {
        self.name = name
        self.cluster = cluster
        self.connector = connector
        self.body = body
        self.references = references
        self.progress = progress
        self.options = options
    }

    package var sql: String {
        var sql = "CREATE SOURCE " + (ifNotExists ? "IF NOT EXISTS " : "") + name.sql
        if let columns { sql += " (\(columns.sql))" }
        if let cluster { sql += " IN CLUSTER \(cluster.sql)" }
        sql += " FROM " + connector.sql
        if let body, !body.isEmpty { sql += " " + body.sql }
        if let references { sql += " " + references.sql }
        if let progress { sql += " EXPOSE PROGRESS AS \(progress.sql)" }
        if !options.isEmpty { sql += " WITH (\(options.sql))" }
        return sql
    }
}

/// What a source reads: `POSTGRES CONNECTION c (…)`, `KAFKA CONNECTION c (…)`,
/// `LOAD GENERATOR AUCTION (…)`, `WEBHOOK`.
package struct SourceConnector: Hashable, Sendable {
    package enum Kind: Hashable, Sendable {
        case postgres
        case mysql
        case sqlServer
        case kafka
        /// The generator's name, uppercased: `AUCTION`, `COUNTER`, `TPCH`, ….
        case loadGenerator(String)
        case webhook

        var sql: String {
            switch self {
            case .postgres: "POSTGRES"
            case .mysql: "MYSQL"
            case .sqlServer: "SQL SERVER"
            case .kafka: "KAFKA"
            case .loadGenerator(let generator): "LOAD GENERATOR \(generator)"
            case .webhook: "WEBHOOK"
            }
        }

        /// Replication sources, whose tables come from a table list or `CREATE TABLE … FROM SOURCE`.
        package var isReplication: Bool {
            switch self {
            case .postgres, .mysql, .sqlServer: true
            default: false
            }
        }
    }

    package var kind: Kind
    package var connection: ObjectName?
    /// The parenthesized options after the connection or generator (`PUBLICATION`, `TOPIC`, …).
    package var options: [SQLOption]

    package init(_ kind: Kind, connection: ObjectName? = nil, options: [SQLOption] = []) {
        self.kind = kind
        self.connection = connection
        self.options = options
    }

    package var sql: String {
        var sql = kind.sql
        if let connection { sql += " CONNECTION \(connection.sql)" }
        if !options.isEmpty { sql += " (\(options.sql))" }
        return sql
    }
}

/// The upstream tables a source statement ingests into subsources.
package enum ExternalReferences: Hashable, Sendable {
    case all
    case tables([ExternalReference])
    case schemas([String])

    var sql: String {
        switch self {
        case .all: "FOR ALL TABLES"
        case .tables(let tables): "FOR TABLES (" + tables.map(\.sql).joined(separator: ", ") + ")"
        case .schemas(let schemas): "FOR SCHEMAS (" + schemas.map(SQLIdentifier.quote).joined(separator: ", ") + ")"
        }
    }
}

/// `upstream [AS name]` in `FOR TABLES (…)`.
package struct ExternalReference: Hashable, Sendable {
    package var upstream: ObjectName
    package var alias: ObjectName?

    package init(upstream: ObjectName, alias: ObjectName?) {
        self.upstream = upstream
        self.alias = alias
    }

    var sql: String { upstream.sql + (alias.map { " AS \($0.sql)" } ?? "") }
}

/// `CREATE SUBSOURCE name (columns) [OF SOURCE source] [WITH (options)]`: how Materialize
/// stores a source's tables. Users may not issue it.
package struct CreateSubsourceStatement: Hashable, Sendable {
    package var ifNotExists = false
    package var name: ObjectName
    package var columns: SQLFragment?
    package var ofSource: ObjectName?
    /// `EXTERNAL REFERENCE`, `TEXT COLUMNS`, `EXCLUDE COLUMNS`, `DETAILS`, `PROGRESS`.
    package var options: [SQLOption] = []

    package init(name: ObjectName, columns: SQLFragment?, ofSource: ObjectName?, options: [SQLOption]) {
        self.name = name
        self.columns = columns
        self.ofSource = ofSource
        self.options = options
    }

    package var sql: String {
        var sql = "CREATE SUBSOURCE " + (ifNotExists ? "IF NOT EXISTS " : "") + name.sql
        if let columns { sql += " (\(columns.sql))" }
        if let ofSource { sql += " OF SOURCE \(ofSource.sql)" }
        if !options.isEmpty { sql += " WITH (\(options.sql))" }
        return sql
    }
}

/// `CREATE TABLE [IF NOT EXISTS] name [(columns)] [FROM SOURCE source (REFERENCE = upstream)]
/// [body] [WITH (options)]`.
package struct CreateTableStatement: Hashable, Sendable {
    package var ifNotExists = false
    package var name: ObjectName
    package var columns: SQLFragment?
    package var fromSource: TableSource?
    /// `FORMAT …`, `INCLUDE …`, `ENVELOPE …` of a table from a Kafka source, as written.
    package var body: SQLFragment?
    package var options: [SQLOption] = []

    package init(name: ObjectName, columns: SQLFragment? = nil, fromSource: TableSource? = nil, body: SQLFragment? = nil, options: [SQLOption] = []) {
        self.name = name
        self.columns = columns
        self.fromSource = fromSource
        self.body = body
        self.options = options
    }

    package var sql: String {
        var sql = "CREATE TABLE " + (ifNotExists ? "IF NOT EXISTS " : "") + name.sql
        if let columns { sql += " (\(columns.sql))" }
        if let fromSource { sql += " FROM SOURCE \(fromSource.source.sql)" + (fromSource.options.isEmpty ? "" : " (\(fromSource.options.sql))") }
        if let body, !body.isEmpty { sql += " " + body.sql }
        if !options.isEmpty { sql += " WITH (\(options.sql))" }
        return sql
    }
}

/// `FROM SOURCE source (REFERENCE = upstream)` of a table.
package struct TableSource: Hashable, Sendable {
    package var source: ObjectName
    /// `REFERENCE = upstream`, and whatever else the parentheses hold.
    package var options: [SQLOption]

    package init(source: ObjectName, options: [SQLOption]) {
        self.source = source
        self.options = options
    }

    /// The upstream table, from `REFERENCE`.
    package var reference: ObjectName? { options.first(named: "REFERENCE")?.value?.objectName }
}
