/// A name in SQL: one to three exact identifiers (`"db"."schema"."name"`), or Materialize's
/// resolved form `[u2 AS "db"."schema"."name"]`, which binds the name to a catalog id.
package struct ObjectName: Hashable, Sendable, CustomStringConvertible {
    /// Exact identifiers, outermost first: an unquoted part is already lowercased.
    package var parts: [String]
    /// The catalog id of the resolved form, which Materialize binds by id and not by name.
    package var id: String?

    package init(_ parts: [String], id: String? = nil) {
        self.parts = parts
        self.id = id
    }

    package init(_ name: QualifiedName) {
        self.init([name.database, name.schema, name.name])
    }

    /// One identifier, such as a cluster's or an index's name.
    package init(_ identifier: String) {
        self.init([identifier])
    }

    /// The name as SQL: parts double-quoted and joined by `.`, inside `[id AS …]` when resolved.
    package var sql: String {
        let quoted = parts.map(SQLIdentifier.quote).joined(separator: ".")
        return id.map { "[\($0) AS \(quoted)]" } ?? quoted
    }

    package var description: String { sql }

    /// The last part: an object's own name.
    package var last: String { parts.last ?? "" }

    /// The name with missing database and schema filled in.
    package func qualified(database: String, schema: String) -> QualifiedName {
        switch parts.count {
        case 0: QualifiedName(database: database, schema: schema, name: "")
        case 1: QualifiedName(database: database, schema: schema, name: parts[0])
        case 2: QualifiedName(database: database, schema: parts[0], name: parts[1])
        default: QualifiedName(database: parts[parts.count - 3], schema: parts[parts.count - 2], name: parts[parts.count - 1])
        }
    }

    /// The plain form: a resolved name becomes the current name of its id (`names`), or the name
    /// it was written with when the id is unknown.
    package func resolved(_ names: (String) -> QualifiedName?) -> ObjectName {
        guard let id else { return self }
        return names(id).map(ObjectName.init) ?? ObjectName(parts)
    }
}

/// The cluster after `IN CLUSTER`: a name, or the id Materialize stores (`[u1]`).
package enum ClusterReference: Hashable, Sendable, CustomStringConvertible {
    case named(String)
    case id(String)

    package var sql: String {
        switch self {
        case .named(let name): SQLIdentifier.quote(name)
        case .id(let id): "[\(id)]"
        }
    }

    package var description: String { sql }

    /// The cluster's name: `clusters` maps an id to its name.
    package func name(_ clusters: (String) -> String?) -> String? {
        switch self {
        case .named(let name): name
        case .id(let id): clusters(id)
        }
    }
}
