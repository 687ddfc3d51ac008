import MZPlanCore

// CREATE statements: replacements, materialized views, views, indexes, sinks and sources.

extension SimulatedEnvironment {
    func createReplacement(_ cursor: inout SimCursor) throws(ApplyTargetError) {
        let name = try cursor.name()
        try cursor.expect("FOR")
        let targetName = try cursor.name()
        guard let target = object(named: targetName), target.kind == .materializedView else { throw unknown("materialized view '\(targetName)'") }
        guard !order.contains(where: { objects[$0]?.replacementFor == target.id }) else {
            throw ApplyTargetError(.sql, sqlState: "55000", message: "materialized view '\(targetName)' already has a replacement in flight")
        }
        try create(&cursor, name: name, kind: .materializedView, replacing: target)
    }

    func createDataflow(_ cursor: inout SimCursor, kind: ObjectKind) throws(ApplyTargetError) {
        try create(&cursor, name: try cursor.name(), kind: kind, replacing: nil)
    }

    func create(_ cursor: inout SimCursor, name: QualifiedName, kind: ObjectKind, replacing target: CatalogObject?) throws(ApplyTargetError) {
        guard object(named: name) == nil else { throw exists(name) }
        try cursor.expect("IN", "CLUSTER")
        let clusterName = try cursor.identifierOrFail()
        guard cluster(named: clusterName) != nil else { throw unknown("cluster '\(clusterName)'") }
        let dependencies = try resolve(cursor.referencedNames(), strict: kind == .materializedView)
        let id = newID()
        let (imports, start) = importsAndAsOf(dependencies, on: clusterName)
        var object = CatalogObject(
            id: id, database: name.database, schema: name.schema, name: name.name, kind: kind, cluster: clusterName,
            createSQL: nil, dependsOn: dependencies, imports: imports, sinceMs: start, upperMs: nil,
            lagMs: target?.lagMs ?? inheritedLag(dependencies), hydrated: false, hydrationTimeMs: hydrationTime(for: name),
            retainHistoryMs: target?.retainHistoryMs, status: kind == .sink ? "starting" : nil, replacementFor: target?.id
        )
        if kind == .sink { object.hydrationTimeMs = min(object.hydrationTimeMs ?? 1000, 1000) }
        add(object, asOf: start)
    }

    func createView(_ cursor: inout SimCursor) throws(ApplyTargetError) {
        let name = try cursor.name()
        guard object(named: name) == nil else { throw exists(name) }
        let dependencies = try resolve(cursor.referencedNames(), strict: true)
        let object = CatalogObject(id: newID(), database: name.database, schema: name.schema, name: name.name, kind: .view, dependsOn: dependencies)
        insert(object)
    }

    func createIndex(_ cursor: inout SimCursor) throws(ApplyTargetError) {
        let shortName = try cursor.identifierOrFail()
        try cursor.expect("IN", "CLUSTER")
        let clusterName = try cursor.identifierOrFail()
        guard cluster(named: clusterName) != nil else { throw unknown("cluster '\(clusterName)'") }
        try cursor.expect("ON")
        let relationName = try cursor.name()
        guard let relation = object(named: relationName), relation.kind != .index, relation.kind != .sink else { throw unknown("relation '\(relationName)'") }
        guard cursor.group() != nil else { throw SimCursor.syntax("expected the indexed columns") }
        try cursor.expectEnd()
        let name = relationName.renamed(shortName)
        guard object(named: name) == nil else { throw exists(name) }
        let (imports, start) = importsAndAsOf([relation.id], on: clusterName)
        let index = CatalogObject(
            id: newID(), database: name.database, schema: name.schema, name: name.name, kind: .index, cluster: clusterName,
            on: relation.id, dependsOn: [relation.id], imports: imports, sinceMs: start, lagMs: inheritedLag([relation.id]),
            hydrated: false, hydrationTimeMs: hydrationTime(for: name)
        )
        add(index, asOf: start)
    }

    func createSource(_ cursor: inout SimCursor) throws(ApplyTargetError) {
        let name = try cursor.name()
        guard object(named: name) == nil else { throw exists(name) }
        try cursor.expect("IN", "CLUSTER")
        let clusterName = try cursor.identifierOrFail()
        guard cluster(named: clusterName) != nil else { throw unknown("cluster '\(clusterName)'") }
        guard let key = Self.ingestion(cursor.tokens) else { throw SimCursor.syntax("expected FROM") }
        for id in order where objects[id]?.kind == .source && ingestionKey[id] == key {
            violations.append(SimulatorViolation(atMs: timeMs, object: name, message: "two ingestions of one source at once: '\(objects[id]!.qualifiedName)' still ingests what '\(name)' starts"))
        }
        let id = newID()
        let source = CatalogObject(
            id: id, database: name.database, schema: name.schema, name: name.name, kind: .source, cluster: clusterName,
            sourceType: nil, sinceMs: timeMs, upperMs: timeMs, lagMs: 0, hydrated: false, hydrationTimeMs: hydrationTime(for: name),
            status: faults.stalledSources.contains(name) ? "stalled" : "starting"
        )
        ingestionKey[id] = key
        add(source, asOf: timeMs)
        for var subsource in droppedSubsources.removeValue(forKey: name) ?? [] {
            subsource.id = newID()
            subsource.dependsOn = [id]
            insert(subsource)
        }
    }

    /// What a `CREATE SOURCE` ingests: its text from `FROM` through the first parenthesized
    /// group (connection and options), id annotations `[u1 AS "db"."schema"."name"]` reduced to the name.
    static func ingestion(of sql: String) -> String? {
        guard let tokens = try? SimLexer.tokens(sql) else { return nil }
        return ingestion(tokens)
    }

    static func ingestion(_ tokens: [SimToken]) -> String? {
        guard let from = tokens.firstIndex(where: { if case .word("FROM", _) = $0 { true } else { false } }) else { return nil }
        var kept: [SimToken] = []
        var index = from + 1
        var depth = 0
        var annotations = 0
        while index < tokens.count {
            let token = tokens[index]
            if token == .punctuation("["), index + 2 < tokens.count, case .word(_, let id) = tokens[index + 1],
               id.first == "u" || id.first == "s", tokens[index + 2] == .word(upper: "AS", text: "AS") || tokens[index + 2] == .word(upper: "AS", text: "as") {
                annotations += 1
                index += 3
                continue
            }
            if token == .punctuation("]"), annotations > 0 {
                annotations -= 1
                index += 1
                continue
            }
            kept.append(token)
            if token == .punctuation("(") { depth += 1 }
            if token == .punctuation(")") {
                depth -= 1
                if depth == 0 { break }
            }
            index += 1
        }
        return SimCursor(tokens: kept).restText()
    }

    func add(_ object: CatalogObject, asOf start: UInt64) {
        insert(object)
        asOf[object.id] = start
        hydrationLeft[object.id] = Double(object.hydrationTimeMs ?? Self.defaultHydrationMs)
        updateFrontiers()
    }
}
