/// A fully qualified object name: `database.schema.name`, each part an exact identifier.
package struct QualifiedName: Hashable, Sendable, Comparable, CustomStringConvertible {
    package var database: String
    package var schema: String
    package var name: String

    package init(database: String, schema: String, name: String) {
        self.database = database
        self.schema = schema
        self.name = name
    }

    /// The name as SQL: every part double-quoted, `"` doubled.
    package var sql: String {
        SQLIdentifier.quote(database) + "." + SQLIdentifier.quote(schema) + "." + SQLIdentifier.quote(name)
    }

    /// The name for people: parts that are plain lowercase identifiers bare, others quoted.
    package var description: String {
        let parts = (SQLIdentifier.display(database), SQLIdentifier.display(schema), SQLIdentifier.display(name))
        var text = ""
        text.reserveCapacity(parts.0.utf8.count + parts.1.utf8.count + parts.2.utf8.count + 2)
        text += parts.0
        text += "."
        text += parts.1
        text += "."
        text += parts.2
        return text
    }

    /// The same schema and database with another object name.
    package func renamed(_ newName: String) -> QualifiedName {
        QualifiedName(database: database, schema: schema, name: newName)
    }

    package static func < (lhs: QualifiedName, rhs: QualifiedName) -> Bool {
        (lhs.database, lhs.schema, lhs.name) < (rhs.database, rhs.schema, rhs.name)
    }
}
