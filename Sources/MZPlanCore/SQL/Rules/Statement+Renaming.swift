extension Statement {
    /// The statement with its query's references to the objects in `renaming` (ids to new names)
    /// rewritten as renaming each of them would; statements without a query are unchanged (their
    /// names are bound by id).
    package func renamingReferences(_ renaming: [String: QualifiedName]) throws(ItemRename.Conflict) -> Statement {
        switch self {
        case .createView(var statement):
            statement.query = try Self.renaming(statement.query, renaming)
            return .createView(statement)
        case .createMaterializedView(var statement):
            statement.query = try Self.renaming(statement.query, renaming)
            return .createMaterializedView(statement)
        default:
            return self
        }
    }

    /// The query of a view or materialized view.
    package var viewQuery: SQLFragment? {
        switch self {
        case .createView(let statement): statement.query
        case .createMaterializedView(let statement): statement.query
        default: nil
        }
    }

    private static func renaming(_ query: SQLFragment, _ renaming: [String: QualifiedName]) throws(ItemRename.Conflict) -> SQLFragment {
        var seen: Set<String> = []
        var result = query
        for name in query.referencedNames {
            guard let id = name.id, let target = renaming[id], seen.insert(id).inserted, name.parts.count == 3 else { continue }
            let from = QualifiedName(database: name.parts[0], schema: name.parts[1], name: name.parts[2])
            guard from.name != target.name else { continue }
            result = try ItemRename(from: from, to: target.name).apply(to: result)
        }
        return result
    }
}
