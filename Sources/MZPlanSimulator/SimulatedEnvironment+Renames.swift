import MZPlanCore

// ALTER … RENAME of an item, as Materialize does it: the stored statements that read the item
// are rewritten to the new name, or the rename is refused when a query makes it ambiguous
// (``ItemRename``).

extension SimulatedEnvironment {
    /// Renames `object` to `newName` in its schema, rewriting what reads it.
    func renameItem(_ object: CatalogObject, to newName: String) throws(ApplyTargetError) {
        let renamed = object.qualifiedName.renamed(newName)
        guard self.object(named: renamed) == nil else { throw exists(renamed) }
        let itemRename = ItemRename(from: object.qualifiedName, to: newName)
        var rewritten: [(id: String, sql: String)] = []
        // The renamed view's own query is checked and rewritten too (`rename_self`).
        let table = self.table
        let readers = (table.positions(naming: object.id) + [table.position(of: object.id)].compactMap { $0 }).sorted()
        for case let reader? in readers.map({ table.slots[$0] }) {
            guard reader.id == object.id || reader.dependsOn.contains(object.id) || reader.on == object.id,
                  let sql = reader.createSQL, let statement = try? Statement(parsing: sql) else { continue }
            do {
                if let updated = try Self.renamingReads(statement, of: object.id, with: itemRename) { rewritten.append((reader.id, updated.sql)) }
            } catch {
                throw ApplyTargetError(.sql, sqlState: "XX000", message: "renaming conflict: in \(reader.qualifiedName), which uses \(object.qualifiedName), \(error.message)")
            }
        }
        for (id, sql) in rewritten { self.table[id]?.createSQL = sql }
        if let sql = self.table[object.id]?.createSQL, let statement = try? Statement(parsing: sql) {
            self.table[object.id]?.createSQL = Self.named(statement, newName).sql
        }
        rename(object.id, to: newName)
    }

    /// A reader's statement after the rename (`create_stmt_rename_refs`): a view's query rewritten
    /// or refused, an index's or sink's relation renamed; nil when nothing changes.
    private static func renamingReads(_ statement: Statement, of id: String, with rename: ItemRename) throws(ItemRename.Conflict) -> Statement? {
        switch statement {
        case .createView(var view):
            view.query = try rename.apply(to: view.query)
            return .createView(view)
        case .createMaterializedView(var view):
            view.query = try rename.apply(to: view.query)
            return .createMaterializedView(view)
        case .createIndex(var index) where index.on.id == id:
            index.on.parts[index.on.parts.count - 1] = rename.to
            return .createIndex(index)
        case .createSink(var sink) where sink.from.id == id:
            sink.from.parts[sink.from.parts.count - 1] = rename.to
            return .createSink(sink)
        default:
            return nil
        }
    }

    /// The item's own statement under its new name (`create_stmt_rename`).
    private static func named(_ statement: Statement, _ newName: String) -> Statement {
        func renamed(_ name: ObjectName) -> ObjectName {
            var name = name
            if !name.parts.isEmpty { name.parts[name.parts.count - 1] = newName }
            return name
        }
        switch statement {
        case .createView(var view): view.name = renamed(view.name); return .createView(view)
        case .createMaterializedView(var view): view.name = renamed(view.name); return .createMaterializedView(view)
        case .createSource(var source): source.name = renamed(source.name); return .createSource(source)
        case .createSubsource(var subsource): subsource.name = renamed(subsource.name); return .createSubsource(subsource)
        case .createTable(var table): table.name = renamed(table.name); return .createTable(table)
        case .createSink(var sink): sink.name = renamed(sink.name); return .createSink(sink)
        case .createIndex(var index): index.name = newName; return .createIndex(index)
        default: return statement
        }
    }
}
