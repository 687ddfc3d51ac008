import MZPlanCore

// CREATE SOURCE (with the subsources its table list creates) and CREATE TABLE [FROM SOURCE].

extension SimulatedEnvironment {
    /// Whether the catalog has tables from sources, so `enable_create_table_from_source` is on
    /// and a replication source may come without a table list.
    var tablesFromSources: Bool {
        order.contains { id in
            guard let object = objects[id], object.kind == .table else { return false }
            return object.dependsOn.contains { objects[$0]?.kind == .source }
        }
    }

    func createSource(_ statement: CreateSourceStatement) throws(ApplyTargetError) {
        let name = qualified(statement.name)
        guard object(named: name) == nil else { throw exists(name) }
        let clusterName = try clusterName(statement.cluster)
        let dropped = droppedSubsources.removeValue(forKey: name) ?? []
        let tables = subsourceNames(statement, of: name, dropped: dropped)
        let progress = statement.progress.map(qualified)
        for table in tables.map(\.name) + (progress.map { [$0] } ?? []) where object(named: table) != nil {
            throw exists(table)
        }
        let id = newID()
        let source = CatalogObject(
            id: id, database: name.database, schema: name.schema, name: name.name, kind: .source, cluster: clusterName,
            createSQL: stored(statement), sourceType: statement.connector.kind.sourceType, sinceMs: timeMs, upperMs: timeMs, lagMs: 0,
            hydrated: false, hydrationTimeMs: hydrationTime(for: name), retainHistoryMs: statement.options.retainHistoryMs,
            status: faults.stalledSources.contains(name) ? "stalled" : "starting"
        )
        add(source, asOf: timeMs)
        let sourceName = ObjectName([name.database, name.schema, name.name], id: id)
        for table in tables {
            let previous = dropped.first { $0.qualifiedName == table.name }
            var subsource = previous ?? CatalogObject(id: "", database: table.name.database, schema: table.name.schema, name: table.name.name, kind: .subsource, sourceType: "subsource", status: "running")
            subsource.id = newID()
            subsource.dependsOn = [id]
            subsource.createSQL = storedSubsource(table.name, upstream: table.upstream, of: sourceName, previous: previous)
            insert(subsource)
        }
        if let progress {
            var relation = dropped.first { $0.qualifiedName == progress }
                ?? CatalogObject(id: "", database: progress.database, schema: progress.schema, name: progress.name, kind: .subsource, sourceType: "progress")
            relation.id = newID()
            relation.dependsOn = [id]
            relation.createSQL = CreateSubsourceStatement(name: ObjectName(progress), columns: nil, ofSource: nil, options: [SQLOption("PROGRESS", .keyword("true"))]).sql
            insert(relation)
        }
        frontiersStale = true
    }

    /// The subsources a source statement creates: its `FOR TABLES` list, or for `FOR ALL TABLES`
    /// and `FOR SCHEMAS` the subsources it had before it was dropped.
    private func subsourceNames(_ statement: CreateSourceStatement, of source: QualifiedName, dropped: [CatalogObject]) -> [(name: QualifiedName, upstream: ObjectName?)] {
        switch statement.references {
        case .tables(let tables):
            return tables.map { table in
                (table.alias.map(qualified) ?? source.renamed(table.upstream.last), table.upstream)
            }
        case .all, .schemas:
            return dropped.filter { $0.sourceType != "progress" }.map { subsource in
                (subsource.qualifiedName, Self.externalReference(of: subsource))
            }
        case nil:
            return []
        }
    }

    /// `CREATE TABLE`: a plain table, or a table from a source's upstream table.
    func createTable(_ statement: CreateTableStatement, sql: String) throws(ApplyTargetError) {
        let name = qualified(statement.name)
        guard object(named: name) == nil else { throw exists(name) }
        guard let from = statement.fromSource else {
            insert(CatalogObject(id: newID(), database: name.database, schema: name.schema, name: name.name, kind: .table, createSQL: sql, sinceMs: timeMs, upperMs: timeMs, lagMs: 0))
            return
        }
        let sourceName = qualified(from.source)
        guard let source = object(named: sourceName), source.kind == .source else { throw unknown("source '\(sourceName)'") }
        let table = CatalogObject(
            id: newID(), database: name.database, schema: name.schema, name: name.name, kind: .table,
            createSQL: storedTable(statement, source: ObjectName([sourceName.database, sourceName.schema, sourceName.name], id: source.id)),
            dependsOn: [source.id], sinceMs: source.sinceMs, upperMs: source.upperMs, lagMs: source.lagMs,
            retainHistoryMs: statement.options.retainHistoryMs, status: "running"
        )
        insert(table)
        frontiersStale = true
    }

    /// What a source ingests, to tell two ingestions of one upstream apart from two different
    /// ones: connector, connection and its options, without what purification adds. Nil for
    /// webhooks, which ingest only what is sent to them.
    static func ingestion(_ statement: CreateSourceStatement) -> String? {
        let connector = statement.connector
        guard connector.kind != .webhook else { return nil }
        let options = connector.options.removing(["DETAILS", "TEXT COLUMNS", "EXCLUDE COLUMNS"]).map(\.sql).sorted()
        return ([connector.kind.name, connector.connection?.resolved { _ in nil }.sql ?? ""] + options).joined(separator: " ")
    }

    /// The sources ingesting each upstream, by ``ingestion(_:)``. Two sources may read one upstream
    /// (a second consumer group, a second replication slot): a blue-green source move runs both
    /// until its cutover, and must drop the old one after it.
    func ingestions() -> [String: [QualifiedName]] {
        var result: [String: [QualifiedName]] = [:]
        for id in order {
            guard let source = objects[id], source.kind == .source, let key = source.createSQL.flatMap(Self.ingestion(of:)) else { continue }
            result[key, default: []].append(source.qualifiedName)
        }
        return result
    }

    /// The original a temporary `<name>_mzplan…` or retired `<name>_mzplan_old…` name stands
    /// for: its hydration time and memory are the original's.
    static func lineage(of name: QualifiedName) -> QualifiedName {
        let text = Array(name.name)
        let marker = Array("_mzplan")
        guard text.count >= marker.count,
              let start = stride(from: text.count - marker.count, through: 0, by: -1).first(where: { Array(text[$0..<($0 + marker.count)]) == marker })
        else { return name }
        return name.renamed(String(text[..<start]))
    }

    static func ingestion(of sql: String) -> String? {
        guard case .createSource(let statement)? = try? Statement(parsing: sql) else { return nil }
        return ingestion(statement)
    }

    /// A subsource's `EXTERNAL REFERENCE`, from its stored statement.
    static func externalReference(of subsource: CatalogObject) -> ObjectName? {
        guard let sql = subsource.createSQL, case .createSubsource(let statement)? = try? Statement(parsing: sql) else { return nil }
        return statement.options.first(named: "EXTERNAL REFERENCE")?.value?.objectName
    }
}

extension SourceConnector.Kind {
    /// `mz_sources.type` for sources of this kind.
    var sourceType: String {
        switch self {
        case .postgres: "postgres"
        case .mysql: "mysql"
        case .sqlServer: "sql-server"
        case .kafka: "kafka"
        case .loadGenerator: "load-generator"
        case .webhook: "webhook"
        }
    }
}
