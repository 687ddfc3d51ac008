/// `CREATE [OR REPLACE] [REPLACEMENT] MATERIALIZED VIEW [IF NOT EXISTS] name [(columns)]
/// [FOR target] [IN CLUSTER c] [WITH (options)] AS query [AS OF n]`.
///
/// Options include `RETAIN HISTORY`, `REFRESH …`, `ASSERT NOT NULL` and `PARTITION BY`. The
/// `AS OF` that Materialize stores at the end of `create_sql` is refused by `CREATE`: the
/// planner clears ``asOf``.
public struct CreateMaterializedViewStatement: Hashable, Sendable {
    public var orReplace = false
    public var ifNotExists = false
    public var name: ObjectName
    /// The column list after the name, which renames the query's columns.
    public var columns: [String]?
    /// The view a replacement is for (`CREATE REPLACEMENT … FOR target`).
    public var replacementFor: ObjectName?
    public var cluster: ClusterReference?
    public var options: [SQLOption] = []
    public var query: SQLFragment
    public var asOf: UInt64?

    public init(name: ObjectName, columns: [String]? = nil, replacementFor: ObjectName? = nil, cluster: ClusterReference?, options: [SQLOption] = [], query: SQLFragment) {
        self.name = name
        self.columns = columns
        self.replacementFor = replacementFor
        self.cluster = cluster
        self.options = options
        self.query = query
    }

    public var sql: String {
        var sql = "CREATE " + (orReplace ? "OR REPLACE " : "") + (replacementFor == nil ? "" : "REPLACEMENT ")
        sql += "MATERIALIZED VIEW " + (ifNotExists ? "IF NOT EXISTS " : "") + name.sql
        if let columns { sql += " " + columnList(columns) }
        if let replacementFor { sql += " FOR \(replacementFor.sql)" }
        if let cluster { sql += " IN CLUSTER \(cluster.sql)" }
        if !options.isEmpty { sql += " WITH (\(options.sql))" }
        sql += " AS " + query.sql
        if let asOf { sql += " AS OF \(asOf)" }
        return sql
    }
}

/// `CREATE [OR REPLACE] [TEMPORARY] VIEW [IF NOT EXISTS] name [(columns)] AS query`.
public struct CreateViewStatement: Hashable, Sendable {
    public var orReplace = false
    public var temporary = false
    public var ifNotExists = false
    public var name: ObjectName
    public var columns: [String]?
    public var query: SQLFragment

    public init(name: ObjectName, columns: [String]? = nil, query: SQLFragment) {
        self.name = name
        self.columns = columns
        self.query = query
    }

    public var sql: String {
        var sql = "CREATE " + (orReplace ? "OR REPLACE " : "") + (temporary ? "TEMPORARY " : "")
        sql += "VIEW " + (ifNotExists ? "IF NOT EXISTS " : "") + name.sql
        if let columns { sql += " " + columnList(columns) }
        return sql + " AS " + query.sql
    }
}

/// `CREATE [DEFAULT] INDEX [IF NOT EXISTS] [name] [IN CLUSTER c] ON relation [(keys)] [WITH (options)]`.
/// An index's name is one identifier: it lives in its relation's schema.
public struct CreateIndexStatement: Hashable, Sendable {
    public var isDefault = false
    public var ifNotExists = false
    public var name: String?
    public var cluster: ClusterReference?
    public var on: ObjectName
    /// The key expressions inside the parentheses; nil when there is no key list.
    public var keys: SQLFragment?
    public var options: [SQLOption] = []

    public init(name: String?, cluster: ClusterReference?, on: ObjectName, keys: SQLFragment?, options: [SQLOption] = []) {
        self.name = name
        self.cluster = cluster
        self.on = on
        self.keys = keys
        self.options = options
    }

    public var sql: String {
        var sql = "CREATE " + (isDefault ? "DEFAULT " : "") + "INDEX " + (ifNotExists ? "IF NOT EXISTS " : "")
        if let name { sql += SQLIdentifier.quote(name) + " " }
        if let cluster { sql += "IN CLUSTER \(cluster.sql) " }
        sql += "ON \(on.sql)"
        if let keys { sql += " (\(keys.sql))" }
        if !options.isEmpty { sql += " WITH (\(options.sql))" }
        return sql
    }
}

/// `CREATE SINK [IF NOT EXISTS] name [IN CLUSTER c] FROM relation INTO … [WITH (options)]`;
/// the `INTO` clause (connection, topic, `KEY (…) NOT ENFORCED`, `HEADERS`, `FORMAT`,
/// `ENVELOPE`) is carried as written.
public struct CreateSinkStatement: Hashable, Sendable {
    public var ifNotExists = false
    public var name: ObjectName
    public var cluster: ClusterReference?
    public var from: ObjectName
    /// Everything after `INTO` up to the options.
    public var into: SQLFragment
    /// `SNAPSHOT`, `COMMIT INTERVAL`, and `VERSION` (stored by Materialize, refused from users).
    public var options: [SQLOption] = []

    public init(name: ObjectName, cluster: ClusterReference?, from: ObjectName, into: SQLFragment, options: [SQLOption] = []) {
        self.name = name
        self.cluster = cluster
        self.from = from
        self.into = into
        self.options = options
    }

    public var sql: String {
        var sql = "CREATE SINK " + (ifNotExists ? "IF NOT EXISTS " : "") + name.sql
        if let cluster { sql += " IN CLUSTER \(cluster.sql)" }
        sql += " FROM \(from.sql) INTO \(into.sql)"
        if !options.isEmpty { sql += " WITH (\(options.sql))" }
        return sql
    }
}

/// `("a", "b")`.
func columnList(_ columns: [String]) -> String {
    "(" + columns.map(SQLIdentifier.quote).joined(separator: ", ") + ")"
}
