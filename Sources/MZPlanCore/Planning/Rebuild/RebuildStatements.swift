/// The statements that rebuild catalog objects from their stored `create_sql`, in the form a
/// user session accepts (SPEC §10.5). Materialize stores statements after purification, and
/// several stored forms are refused when sent back (``SQLRefusal``): annotations are resolved to
/// current names, purification-only options (`DETAILS`, a sink's `VERSION`) dropped, a
/// replication source's table list rebuilt from its subsources' `EXTERNAL REFERENCE`s, tables
/// from sources issued without their generated columns. `CREATE SUBSOURCE` is never produced.
/// Every statement is checked against ``SQLRefusal/check(_:tablesFromSources:)`` before it is
/// returned, so a plan never drops what it cannot rebuild.
struct RebuildStatements {
    let graph: CatalogGraph

    /// Whether the catalog has tables from sources, so `enable_create_table_from_source` is on.
    /// A scan of the catalog: asked only for a replication source without a table list.
    var tablesFromSources: Bool {
        graph.objects.contains { object in
            object.kind == .table && object.dependsOn.contains { graph.object($0)?.kind == .source }
        }
    }

    /// A source statement and the subsources it creates itself (its table list and progress relation).
    struct SourceRebuild {
        var statement: CreateSourceStatement
        var creates: Set<String>
    }

    /// The object's `create_sql`, parsed, in plain form (names current, clusters by name). With
    /// `renaming` (ids to new names), references to those objects name them by their new names,
    /// column qualifiers included, as Materialize's `ALTER … RENAME` would rewrite the query.
    func stored(_ object: CatalogObject, renaming: [String: QualifiedName] = [:]) throws(RebuildProblem) -> Statement {
        guard let sql = object.createSQL else {
            throw RebuildProblem(object, "the snapshot has no create_sql for it; take a fresh snapshot with `mzplan catalog dump`")
        }
        var statement: Statement
        do {
            statement = try Statement(parsing: sql)
        } catch {
            throw RebuildProblem(object, "its create_sql cannot be read: \(error)")
        }
        if !renaming.isEmpty {
            do {
                statement = try statement.renamingReferences(renaming)
            } catch {
                throw RebuildProblem(
                    object,
                    "its query cannot name the new objects the way Materialize would rename them: \(error.message)",
                    remedies: [
                        "rename the column or alias of '\(object.qualifiedName)' that reads like an object it reads, then take a fresh snapshot",
                        "move the source with `strategy: recreate` (an outage: it drops and rebuilds the closure)",
                    ]
                )
            }
        }
        let graph = graph
        return statement.resolved(names: { renaming[$0] ?? graph.name(of: $0) }, clusters: { graph.clusterName(id: $0) })
    }

    /// The statement, or the reason Materialize would refuse it.
    func checked(_ statement: Statement, for object: CatalogObject) throws(RebuildProblem) -> Statement {
        if let refusal = SQLRefusal.check(statement, tablesFromSources: tablesFromSources) {
            throw RebuildProblem(object, "Materialize refuses the statement that would rebuild it (\(refusal.message)): \(statement.sql.prefix(160))")
        }
        return statement
    }

    // MARK: Dataflows

    func index(_ index: CatalogObject, named name: String, on cluster: String, renaming: [String: QualifiedName] = [:]) throws(RebuildProblem) -> CreateIndexStatement {
        guard case .createIndex(var statement) = try stored(index, renaming: renaming) else { throw notA("CREATE INDEX", index) }
        statement.isDefault = statement.isDefault && statement.keys == nil
        statement.ifNotExists = false
        statement.name = name
        statement.cluster = .named(cluster)
        return statement
    }

    func sink(_ sink: CatalogObject, named name: QualifiedName, on cluster: String, renaming: [String: QualifiedName] = [:]) throws(RebuildProblem) -> CreateSinkStatement {
        guard case .createSink(var statement) = try stored(sink, renaming: renaming) else { throw notA("CREATE SINK", sink) }
        statement.ifNotExists = false
        statement.name = ObjectName(name)
        statement.cluster = .named(cluster)
        statement.options = statement.options.removing(SQLRefusal.storedOnlySinkOptions)
        return statement
    }

    func materializedView(_ view: CatalogObject, on cluster: String, renaming: [String: QualifiedName] = [:]) throws(RebuildProblem) -> CreateMaterializedViewStatement {
        guard case .createMaterializedView(var statement) = try stored(view, renaming: renaming) else { throw notA("CREATE MATERIALIZED VIEW", view) }
        statement.orReplace = false
        statement.ifNotExists = false
        statement.name = ObjectName(renaming[view.id] ?? view.qualifiedName)
        statement.cluster = .named(cluster)
        statement.asOf = nil
        return statement
    }

    /// `CREATE REPLACEMENT MATERIALIZED VIEW temporary (columns) FOR view IN CLUSTER target
    /// WITH (options) AS query`: the query from `definition` (else `create_sql`), the column list
    /// and options from `create_sql` when the snapshot has it.
    func replacement(for view: CatalogObject, named temporary: QualifiedName, on cluster: String) throws(RebuildProblem) -> CreateMaterializedViewStatement {
        var stored: CreateMaterializedViewStatement?
        if view.createSQL != nil {
            guard case .createMaterializedView(let statement) = try self.stored(view) else { throw notA("CREATE MATERIALIZED VIEW", view) }
            stored = statement
        }
        let query: SQLFragment
        if let definition = view.definition {
            do {
                let graph = graph
                query = try SQLFragment(query: definition).resolved { graph.name(of: $0) }
            } catch {
                throw RebuildProblem(view, "its definition cannot be read: \(error)")
            }
        } else if let stored {
            query = stored.query
        } else {
            throw RebuildProblem(view, "the snapshot has neither its definition nor its create_sql; take a fresh snapshot with `mzplan catalog dump`")
        }
        guard !query.isEmpty else { throw RebuildProblem(view, "its definition is empty") }
        return CreateMaterializedViewStatement(
            name: ObjectName(temporary),
            columns: stored?.columns,
            replacementFor: ObjectName(view.qualifiedName),
            cluster: .named(cluster),
            options: stored?.options ?? [],
            query: query
        )
    }

    func view(_ view: CatalogObject, renaming: [String: QualifiedName] = [:]) throws(RebuildProblem) -> CreateViewStatement {
        guard case .createView(var statement) = try stored(view, renaming: renaming) else { throw notA("CREATE VIEW", view) }
        statement.orReplace = false
        statement.ifNotExists = false
        statement.name = ObjectName(renaming[view.id] ?? view.qualifiedName)
        return statement
    }

    // MARK: Sources

    /// `CREATE SOURCE` on `cluster` in user form. A replication or load-generator source stored
    /// without a table list gets `FOR TABLES (upstream AS subsource, …)` from its subsources'
    /// `EXTERNAL REFERENCE`s; their `TEXT COLUMNS`/`EXCLUDE COLUMNS` move to the source when it
    /// has none of its own.
    /// With `renaming`, the source and the subsources it creates take their new names.
    func source(_ source: CatalogObject, on cluster: String, renaming: [String: QualifiedName] = [:]) throws(RebuildProblem) -> SourceRebuild {
        guard case .createSource(var statement) = try stored(source, renaming: renaming) else { throw notA("CREATE SOURCE", source) }
        statement.ifNotExists = false
        statement.name = ObjectName(renaming[source.id] ?? source.qualifiedName)
        statement.cluster = .named(cluster)
        statement.connector.options = statement.connector.options.removing(SQLRefusal.storedOnlyOptions)
        statement.options = statement.options.removing(SQLRefusal.storedOnlyOptions)
        let subsources = graph.dependents(of: source.id).filter { $0.kind == .subsource }
        let progress = subsources.filter { Self.isProgressRelation($0, of: source) }
        var creates = Set(progress.map(\.id))
        // Sources of the old syntax always had a progress relation: keep its name.
        if statement.progress == nil, let relation = progress.first { statement.progress = ObjectName(renaming[relation.id] ?? relation.qualifiedName) }
        if case .tables(let tables) = statement.references {
            creates.formUnion(subsources.map(\.id))
            // Each listed table creates the subsource named by its alias (else by the upstream table).
            let byName = Dictionary(subsources.map { ($0.qualifiedName, $0.id) }, uniquingKeysWith: { first, _ in first })
            var renamedTables: [ExternalReference] = []
            for table in tables {
                let created = table.alias?.qualified(database: source.database, schema: source.schema) ?? source.qualifiedName.renamed(table.upstream.last)
                guard !renaming.isEmpty else { renamedTables.append(table); continue }
                guard let id = byName[created], let renamed = renaming[id] else {
                    throw RebuildProblem(source, "its table list names '\(created)', which is not one of its subsources: the second source could not take a temporary name for it")
                }
                renamedTables.append(ExternalReference(upstream: table.upstream, alias: ObjectName(renamed)))
            }
            statement.references = .tables(renamedTables)
        } else if statement.references != nil {
            creates.formUnion(subsources.map(\.id))
        } else if Self.hasTableList(statement.connector.kind) {
            var tables: [ExternalReference] = []
            var columnOptions: [String: [SQLFragment]] = [:]
            for subsource in subsources where !creates.contains(subsource.id) {
                guard case .createSubsource(let stored) = try self.stored(subsource),
                      let upstream = stored.options.first(named: "EXTERNAL REFERENCE")?.value?.objectName else { continue }
                tables.append(ExternalReference(upstream: upstream, alias: ObjectName(renaming[subsource.id] ?? subsource.qualifiedName)))
                creates.insert(subsource.id)
                for name in ["TEXT COLUMNS", "EXCLUDE COLUMNS"] {
                    let columns = stored.options.first(named: name)?.value?.listItems ?? []
                    columnOptions[name, default: []] += columns.map { Self.qualify($0, in: upstream, for: statement.connector.kind) }
                }
            }
            if !tables.isEmpty { statement.references = .tables(tables) }
            for name in ["TEXT COLUMNS", "EXCLUDE COLUMNS"] {
                guard let columns = columnOptions[name], !columns.isEmpty, statement.connector.options.first(named: name) == nil else { continue }
                statement.connector.options.append(SQLOption(name, .list(columns)))
            }
        }
        return SourceRebuild(statement: statement, creates: creates)
    }

    /// `CREATE TABLE name FROM SOURCE source (REFERENCE = upstream)`, without the columns and
    /// `DETAILS` that purification stored.
    func table(_ table: CatalogObject, renaming: [String: QualifiedName] = [:]) throws(RebuildProblem) -> CreateTableStatement {
        guard case .createTable(var statement) = try stored(table, renaming: renaming), statement.fromSource != nil else {
            throw notA("CREATE TABLE … FROM SOURCE", table)
        }
        statement.ifNotExists = false
        statement.name = ObjectName(renaming[table.id] ?? table.qualifiedName)
        statement.columns = nil
        statement.options = statement.options.removing(SQLRefusal.storedOnlyOptions)
        return statement
    }

    /// Whether sources of this kind list their tables (`FOR TABLES`, or subsources of multi-output load generators).
    private static func hasTableList(_ kind: SourceConnector.Kind) -> Bool {
        switch kind {
        case .postgres, .mysql, .sqlServer, .loadGenerator: true
        case .kafka, .webhook: false
        }
    }

    /// A column of a subsource's `TEXT COLUMNS` as the source names it: qualified by the upstream
    /// table (`schema.table.column`; PostgreSQL with the database too).
    private static func qualify(_ column: SQLFragment, in upstream: ObjectName, for kind: SourceConnector.Kind) -> SQLFragment {
        guard let name = column.objectName, name.parts.count == 1 else { return column }
        let table = kind == .postgres ? upstream.parts : Array(upstream.parts.suffix(2))
        return .name(ObjectName(table + name.parts))
    }

    /// A source's progress relation, which `CREATE SOURCE` always creates.
    static func isProgressRelation(_ member: CatalogObject, of source: CatalogObject) -> Bool {
        member.sourceType == "progress" || member.name == source.name + "_progress"
    }

    private func notA(_ statement: String, _ object: CatalogObject) -> RebuildProblem {
        RebuildProblem(object, "its create_sql is not a \(statement) statement")
    }
}

extension SQLFragment {
    /// A `definition` column value: the query without its trailing `;`.
    init(query definition: String) throws(SQLSyntaxError) {
        let whole = try SQLText(definition)
        var end = whole.tokens.count
        while end > 0, !whole.tokens[end - 1].isSignificant || whole.isPunctuation(end - 1, ";") { end -= 1 }
        self.init(trimming: whole, tokens: 0..<end)
    }
}
