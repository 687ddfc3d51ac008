import MZPlanCore

// CREATE statements of dataflows and views: replacements, materialized views, views, indexes, sinks.

extension SimulatedEnvironment {
    /// `CREATE REPLACEMENT MATERIALIZED VIEW … FOR target`: refused for a sealed target, a target
    /// that already has a replacement, or a column list that differs from the target's.
    func createReplacement(_ statement: CreateMaterializedViewStatement) throws(ApplyTargetError) {
        guard let targetName = statement.replacementFor.map(qualified) else { return }
        guard let target = object(named: targetName), target.kind == .materializedView, target.replacementFor == nil else {
            throw unknown("materialized view '\(targetName)'")
        }
        if target.sealed { throw refused(.sealedView(ObjectName(targetName))) }
        if let existing = table.positions(naming: target.id).lazy.compactMap({ self.table.slots[$0] }).first(where: { $0.replacementFor == target.id }) {
            throw refused(.replacementExists(target: ObjectName(targetName), replacement: ObjectName(existing.qualifiedName)))
        }
        if let detail = Self.columnMismatch(target: target, replacement: statement.columns) {
            throw refused(.replacementSchema(detail: detail))
        }
        try createDataflow(.materializedView, name: qualified(statement.name), cluster: statement.cluster, reads: statement.query.referencedNames, options: statement.options, stored: stored(statement), replacing: target)
    }

    func createMaterializedView(_ statement: CreateMaterializedViewStatement) throws(ApplyTargetError) {
        try createDataflow(.materializedView, name: qualified(statement.name), cluster: statement.cluster, reads: statement.query.referencedNames, options: statement.options, stored: stored(statement))
    }

    func createSink(_ statement: CreateSinkStatement) throws(ApplyTargetError) {
        try createDataflow(.sink, name: qualified(statement.name), cluster: statement.cluster, reads: [statement.from], options: statement.options, stored: stored(statement))
    }

    private func createDataflow(
        _ kind: ObjectKind,
        name: QualifiedName,
        cluster reference: ClusterReference?,
        reads: [ObjectName],
        options: [SQLOption],
        stored: String,
        replacing target: CatalogObject? = nil
    ) throws(ApplyTargetError) {
        guard object(named: name) == nil else { throw exists(name) }
        let clusterName = try clusterName(reference)
        let dependencies = try resolve(reads, strict: true)
        let (imports, start) = importsAndAsOf(dependencies, on: clusterName)
        var object = CatalogObject(
            id: newID(), database: name.database, schema: name.schema, name: name.name, kind: kind, cluster: clusterName,
            createSQL: stored, dependsOn: dependencies, imports: imports, sinceMs: start, upperMs: start,
            lagMs: target?.lagMs ?? inheritedLag(dependencies), hydrated: false, hydrationTimeMs: hydrationTime(for: name),
            retainHistoryMs: options.retainHistoryMs ?? target?.retainHistoryMs, status: kind == .sink ? "starting" : nil, replacementFor: target?.id
        )
        if kind == .sink { object.hydrationTimeMs = min(object.hydrationTimeMs ?? 1000, 1000) }
        add(object, asOf: start)
    }

    func createView(_ statement: CreateViewStatement) throws(ApplyTargetError) {
        let name = qualified(statement.name)
        guard object(named: name) == nil else { throw exists(name) }
        let dependencies = try resolve(statement.query.referencedNames, strict: true)
        insert(CatalogObject(id: newID(), database: name.database, schema: name.schema, name: name.name, kind: .view, createSQL: stored(statement), dependsOn: dependencies))
    }

    func createIndex(_ statement: CreateIndexStatement) throws(ApplyTargetError) {
        let clusterName = try clusterName(statement.cluster)
        let relationName = qualified(statement.on)
        guard let relation = object(named: relationName), relation.kind != .index, relation.kind != .sink else { throw unknown("relation '\(relationName)'") }
        guard relation.replacementFor == nil else {
            throw ApplyTargetError(.sql, sqlState: "XX000", message: "index cannot be created on \(relationName) because it is a replacement materialized view")
        }
        let name = relationName.renamed(statement.name ?? relation.name + "_primary_idx")
        guard object(named: name) == nil else { throw exists(name) }
        let (imports, start) = importsAndAsOf([relation.id], on: clusterName)
        let index = CatalogObject(
            id: newID(), database: name.database, schema: name.schema, name: name.name, kind: .index, cluster: clusterName,
            createSQL: stored(statement), on: relation.id, dependsOn: [relation.id], imports: imports, sinceMs: start, upperMs: start, lagMs: inheritedLag([relation.id]),
            hydrated: false, hydrationTimeMs: hydrationTime(for: name), retainHistoryMs: statement.options.retainHistoryMs
        )
        add(index, asOf: start)
    }

    func add(_ object: CatalogObject, asOf start: UInt64) {
        var object = object
        if object.memoryBytes == nil { object.memoryBytes = memory(for: object.qualifiedName) }
        insert(object)
        asOf[object.id] = start
        hydrationLeft[object.id] = Double(object.hydrationTimeMs ?? Self.defaultHydrationMs)
        frontiersStale = true
    }

    func refused(_ refusal: SQLRefusal) -> ApplyTargetError {
        ApplyTargetError(.sql, sqlState: refusal.sqlState, message: refusal.message)
    }

    /// Why a replacement's column list does not match its target's, when both are known.
    static func columnMismatch(target: CatalogObject, replacement columns: [String]?) -> String? {
        guard let sql = target.createSQL, case .createMaterializedView(let stored)? = try? Statement(parsing: sql) else { return nil }
        guard stored.columns != columns else { return nil }
        let describe = { (columns: [String]?) in columns.map { "(" + $0.joined(separator: ", ") + ")" } ?? "the query's own names" }
        return "column names differ (target: \(describe(stored.columns)), replacement: \(describe(columns)))"
    }
}
