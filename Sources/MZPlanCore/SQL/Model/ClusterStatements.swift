/// `CREATE CLUSTER "c" (SIZE = '100cc', REPLICATION FACTOR = 1)`.
package struct CreateClusterStatement: Hashable, Sendable {
    package var name: String
    package var options: [SQLOption]

    package init(name: String, options: [SQLOption]) {
        self.name = name
        self.options = options
    }

    package var sql: String {
        "CREATE CLUSTER \(SQLIdentifier.quote(name))" + (options.isEmpty ? "" : " (\(options.sql))")
    }
}

/// `ALTER <type> [IF EXISTS] name <action>`: renames, swaps, cluster settings, replacements.
package struct AlterStatement: Hashable, Sendable {
    package enum Action: Hashable, Sendable {
        /// `RENAME TO "new"`: the new name is one identifier, in the same schema.
        case rename(to: String)
        /// `SWAP WITH "other"` (clusters and schemas).
        case swap(with: String)
        /// `SET CLUSTER "c"`.
        case setCluster(String)
        /// `APPLY REPLACEMENT name` (materialized views).
        case applyReplacement(ObjectName)
        /// `SET (options) [WITH (options)]`, e.g. a cluster's size with `WAIT UNTIL READY`.
        case set([SQLOption], with: [SQLOption])
        /// `RESET (NAME, …)`.
        case reset([String])
        /// `SET FROM relation` (sinks).
        case setFrom(ObjectName)
    }

    package var objectType: SQLObjectType
    package var ifExists: Bool
    package var name: ObjectName
    package var action: Action

    package init(_ objectType: SQLObjectType, _ name: ObjectName, _ action: Action, ifExists: Bool = false) {
        self.objectType = objectType
        self.name = name
        self.action = action
        self.ifExists = ifExists
    }

    package var sql: String {
        var sql = "ALTER \(objectType.rawValue) " + (ifExists ? "IF EXISTS " : "") + name.sql + " "
        switch action {
        case .rename(let newName): sql += "RENAME TO \(SQLIdentifier.quote(newName))"
        case .swap(let other): sql += "SWAP WITH \(SQLIdentifier.quote(other))"
        case .setCluster(let cluster): sql += "SET CLUSTER \(SQLIdentifier.quote(cluster))"
        case .applyReplacement(let replacement): sql += "APPLY REPLACEMENT \(replacement.sql)"
        case .set(let options, let with):
            sql += "SET (\(options.sql))" + (with.isEmpty ? "" : " WITH (\(with.sql))")
        case .reset(let names): sql += "RESET (\(names.joined(separator: ", ")))"
        case .setFrom(let relation): sql += "SET FROM \(relation.sql)"
        }
        return sql
    }
}

/// `DROP <type> [IF EXISTS] name, … [CASCADE]`.
package struct DropStatement: Hashable, Sendable {
    package var objectType: SQLObjectType
    package var ifExists: Bool
    package var names: [ObjectName]
    package var cascade: Bool

    package init(_ objectType: SQLObjectType, _ name: ObjectName, cascade: Bool = false, ifExists: Bool = false) {
        self.objectType = objectType
        self.names = [name]
        self.cascade = cascade
        self.ifExists = ifExists
    }

    package init(_ objectType: SQLObjectType, names: [ObjectName], cascade: Bool, ifExists: Bool) {
        self.objectType = objectType
        self.names = names
        self.cascade = cascade
        self.ifExists = ifExists
    }

    package var sql: String {
        "DROP \(objectType.rawValue) " + (ifExists ? "IF EXISTS " : "") + names.map(\.sql).joined(separator: ", ") + (cascade ? " CASCADE" : "")
    }
}

/// `WAIT UNTIL READY (TIMEOUT = '30m', ON TIMEOUT = 'ROLLBACK')` of a graceful cluster resize,
/// read from an `ALTER CLUSTER … SET (…) WITH (…)`: the apply bounds the statement by it, the
/// simulator runs it.
package struct GracefulWait: Hashable, Sendable {
    /// How long Materialize waits for the new replicas to hydrate.
    package var timeoutMs: UInt64
    /// `ON TIMEOUT 'COMMIT'`: cut over anyway; else (`ROLLBACK`, the default) keep the old replicas.
    package var commitsOnTimeout: Bool

    /// Materialize's defaults when an option is left out.
    package static let defaultTimeoutMs: UInt64 = 60 * 60 * 1000

    /// The wait a statement asks for; nil when it is not a cluster `SET … WITH (WAIT UNTIL READY …)`
    /// or its options cannot be read.
    package init?(_ statement: Statement) {
        guard case .alter(let alter) = statement, alter.objectType == .cluster, case .set(_, let with) = alter.action,
              let option = with.first(named: "WAIT UNTIL READY") else { return nil }
        guard let items = option.value?.optionItems else { return nil }
        var timeoutMs = Self.defaultTimeoutMs
        var commits = false
        for item in items {
            switch item.name {
            case "TIMEOUT":
                guard let text = item.value?.stringLiteral, let value = SQLInterval.milliseconds(text) else { return nil }
                timeoutMs = value
            case "ON TIMEOUT":
                guard let text = item.value?.stringLiteral ?? item.value?.words.first else { return nil }
                switch text.uppercased() {
                case "COMMIT": commits = true
                case "ROLLBACK": commits = false
                default: return nil
                }
            default:
                return nil
            }
        }
        self.timeoutMs = timeoutMs
        self.commitsOnTimeout = commits
    }
}
