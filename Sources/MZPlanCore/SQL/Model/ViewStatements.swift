/// `CREATE [OR REPLACE] [REPLACEMENT] MATERIALIZED VIEW [IF NOT EXISTS] name [(columns)]
/// [FOR target] [IN CLUSTER c] [WITH (options)] AS query [AS OF n]`.
///
/// Options include `RETAIN HISTORY`, `REFRESH …`, `ASSERT NOT NULL` and `PARTITION BY`. The
/// `AS OF` that Materialize stores at the end of `create_sql` is refused by `CREATE`: the
/// planner clears ``asOf``.
package struct CreateMaterializedViewStatement: Hashable, Sendable {
    package var orReplace = false
    package var ifNotExists = false
    package var name: ObjectName
    /// The column list after the name, which renames the query's columns.
    package var columns: [String]?
    /// The view a replacement is for (`CREATE REPLACEMENT … FOR target`).
    package var replacementFor: ObjectName?
    package var cluster: ClusterReference?
    package var options: [SQLOption] = []
    package var query: SQLFragment
    package var asOf: UInt64?

    package init(name: ObjectName, columns: [String]? = nil, replacementFor: ObjectName? = nil, cluster: ClusterReference?, options: [SQLOption] = [], query: SQLFragment) {
        self.name = name
        self.columns = columns
        self.replacementFor = replacementFor
        self.cluster = cluster
        self.options = options
        self.query = query
    }

    package var sql: String {
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
package struct CreateViewStatement: Hashable, Sendable {
    package var orReplace = false
    package var temporary = false
    package var ifNotExists = false
    package var name: ObjectName
    package var columns: [String]?
    package var query: SQLFragment

    package init(name: ObjectName, columns: [String]? = nil, query: SQLFragment) {
        self.name = name
        self.columns = columns
        self.query = query
    }

    package var sql: String {
        var sql = "CREATE " + (orReplace ? "OR REPLACE " : "") + (temporary ? "TEMPORARY " : "")
        sql += "VIEW " + (ifNotExists ? "IF NOT EXISTS " : "") + name.sql
        if let columns { sql += " " + columnList(columns) }
        return sql + " AS " + query.sql
    }
}

/// `CREATE [DEFAULT] INDEX [IF NOT EXISTS] [name] [IN CLUSTER c] ON relation [(keys)] [WITH (options)]`.
/// An index's name is one identifier: it lives in its relation's schema.
package struct CreateIndexStatement: Hashable, Sendable {
    package var isDefault = false
    package var ifNotExists = false
    package var name: String?
    package var cluster: ClusterReference?
    package var on: ObjectName
    /// The key expressions inside the parentheses; nil when there is no key list.
    package var keys: SQLFragment?
    package var options: [SQLOption] = []

    package init(name: String?, cluster: ClusterReference?, on: ObjectName, keys: SQLFragment?, options: [SQLOption] = []) {
        self.name = name
        self.cluster = cluster
        self.on = on
        self.keys = keys
        self.options = options
    }

    package var sql: String {
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
package struct CreateSinkStatement: Hashable, Sendable {
    package var ifNotExists = false
    package var name: ObjectName
    package var cluster: ClusterReference?
    package var from: ObjectName
    /// Everything after `INTO` up to the options.
    package var into: SQLFragment
    /// `SNAPSHOT`, `COMMIT INTERVAL`, and `VERSION` (stored by Materialize, refused from users).
    package var options: [SQLOption] = []

    package init(name: ObjectName, cluster: ClusterReference?, from: ObjectName, into: SQLFragment, options: [SQLOption] = []) {
        self.name = name
        self.cluster = cluster
        self.from = from
        self.into = into
        self.options = options
    }

    package var sql: String {
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
