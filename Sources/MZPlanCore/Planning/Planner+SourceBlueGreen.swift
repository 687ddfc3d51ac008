extension PlanBuilder {
    /// Whether a source move goes blue-green: asked for (`strategy: blue-green`, or `auto` with
    /// `options.source_moves: blue-green`) and possible. Webhook sources never do: requests reach
    /// only one of two webhooks, so they keep `webhook-recreate`.
    func isBlueGreen(_ placement: Placement) -> Bool {
        asksBlueGreen(placement) && placement.object.sourceType != "webhook"
    }

    /// Whether the manifest asks for a source to move blue-green.
    private func asksBlueGreen(_ placement: Placement) -> Bool {
        guard placement.object.kind == .source else { return false }
        return placement.strategy == .blueGreen || (placement.strategy == .auto && manifest.options.sourceMoves == .blueGreen)
    }

    /// Why a source that asked for blue-green is recreated instead, for its move's reason.
    func blueGreenFallback(_ placement: Placement, sharingWith others: [Placement]) -> String? {
        guard asksBlueGreen(placement) else { return nil }
        if placement.object.sourceType == "webhook" {
            return "a webhook source cannot move blue-green (requests reach only one of two webhooks)"
        }
        guard let other = others.first(where: { !isBlueGreen($0) }) else { return nil }
        return "it shares dependents with '\(other.object.qualifiedName)', which is dropped and rebuilt"
    }

    /// The statements of one blue-green group, produced and checked before any step is added.
    private struct BlueGreenStatements {
        /// Every object of the closures, roots first, in dependency order.
        var members: [CatalogObject] = []
        /// New names (temporary until the cutover) and retired names, by id.
        var temporary: [String: QualifiedName] = [:]
        var retired: [String: QualifiedName] = [:]
        /// Creations of the new closure, in dependency order, with the cluster each runs on.
        var creations: [(object: CatalogObject, cluster: String?, statement: Statement)] = []
        /// Subsources a new source's statement creates, with the source's id.
        var createdBySource: [String: String] = [:]
        /// The cutover transaction's renames.
        var renames: [AlterStatement] = []
        /// The root each member of the closures is listed under.
        var rootOf: [String: String] = [:]
        /// Sinks of the closure, recreated on the new objects after the cutover.
        var sinks: [(object: CatalogObject, cluster: String, statement: Statement)] = []
    }

    /// Plans a group of sources moved blue-green whose closures overlap: a second source on its
    /// target and the union of the closures rebuilt under temporary names on their desired
    /// clusters (hydrate), one transaction of renames (cutover), the sinks recreated on the new
    /// objects, and the retired sources dropped with their closures (cleanup).
    mutating func planSourceBlueGreen(_ group: [(placement: Placement, claimed: [CatalogObject])]) {
        var statements: BlueGreenStatements
        do {
            statements = try blueGreenStatements(group.map(\.placement))
            for entry in group {
                for member in entry.claimed { statements.rootOf[member.id] = entry.placement.object.id }
            }
        } catch {
            for entry in group { appendRefusedMove(entry.placement, strategy: .blueGreen, error) }
            return
        }
        var keyByID: [String: Int] = [:]
        var readyKeys: [Int] = []
        for creation in statements.creations {
            let object = creation.object
            let name = statements.temporary[object.id] ?? object.qualifiedName
            // Dataflows hydrate; a table from a source takes its own snapshot. Views compute nothing.
            let hydrates = object.kind != .view
            let key = steps.add(
                .createObject,
                phase: .hydrate,
                statement: creation.statement,
                after: CatalogGraph.dependencies(of: object).compactMap { keyByID[$0] },
                wait: hydrates ? StepWait(until: .ready, object: name, standsInFor: object.qualifiedName) : nil,
                object: name,
                cluster: creation.cluster,
                estimatedMs: hydrates ? object.hydrationTimeMs ?? Self.defaultHydrationMs : 0
            )
            if let cluster = creation.cluster {
                dependOnCluster(cluster, key)
                if object.kind != .source, cluster == object.cluster, let root = statements.rootOf[object.id] {
                    blueGreenCopies.append((object.id, cluster, root))
                }
            }
            keyByID[object.id] = key
            readyKeys.append(key)
            for (subsource, source) in statements.createdBySource where source == object.id { keyByID[subsource] = key }
        }
        let first = group[0].placement
        let renameKey = steps.add(
            .renameObjects,
            phase: .cutover,
            sql: Step.transaction(statements.renames.map(\.sql)),
            after: readyKeys,
            object: first.object.qualifiedName,
            cluster: first.target
        )
        let sinkKeys = statements.sinks.map { sink in
            let key = steps.add(
                .createSink,
                phase: .cutover,
                statement: sink.statement,
                after: [renameKey],
                wait: StepWait(until: .running, object: sink.object.qualifiedName),
                object: sink.object.qualifiedName,
                cluster: sink.cluster
            )
            dependOnCluster(sink.cluster, key)
            keyByID[sink.object.id] = key
            if sink.cluster == sink.object.cluster, let root = statements.rootOf[sink.object.id] {
                blueGreenCopies.append((sink.object.id, sink.cluster, root))
            }
            return key
        }
        var dropKeys: [String: Int] = [:]
        for entry in group {
            let root = entry.placement.object
            guard let retired = statements.retired[root.id] else { continue }
            dropKeys[root.id] = steps.add(
                .dropRetired,
                phase: .cleanup,
                statement: .drop(DropStatement(.source, ObjectName(retired), cascade: true)),
                after: [renameKey] + sinkKeys,
                object: retired,
                cluster: root.cluster
            )
        }
        for entry in group {
            let root = entry.placement.object
            let claimed = entry.claimed.filter { $0.replacementFor == nil }
            let stepKeys = ([keyByID[root.id], renameKey, dropKeys[root.id]].compactMap { $0 } + claimed.compactMap { keyByID[$0.id] }).sorted()
            handled.insert(root.id)
            moves.append(PendingMove(
                move: Move(
                    object: root.qualifiedName,
                    id: root.id,
                    kind: root.kind,
                    from: root.cluster ?? "?",
                    to: entry.placement.target,
                    strategy: .blueGreen,
                    reason: "a second source on '\(entry.placement.target)' and its dependents are built beside the old ones under temporary names, cut over by renames in one transaction, and the old ones dropped",
                    feasibility: .ok,
                    hazards: blueGreenHazards(entry.placement, claimed: claimed),
                    recreates: claimed.map(\.qualifiedName)
                ),
                stepKeys: stepKeys.reduce(into: [Int]()) { keys, key in if keys.last != key { keys.append(key) } }
            ))
            for member in claimed {
                guard let key = keyByID[member.id] else { continue }
                appendMemberMove(
                    member,
                    strategy: .blueGreen,
                    reason: { "rebuilt on '\($0)' with its source '\(root.qualifiedName)', which moves blue-green" },
                    stepKeys: member.kind == .sink ? [key] : [key, renameKey]
                )
            }
        }
    }

    /// Every statement of a group, checked: the new sources and closure under temporary names,
    /// the cutover's renames (each checked the way Materialize checks the queries it rewrites),
    /// and the sinks. Throws the first object that cannot be rebuilt or renamed.
    private mutating func blueGreenStatements(_ roots: [Placement]) throws(RebuildProblem) -> BlueGreenStatements {
        var result = BlueGreenStatements()
        let rootIDs = roots.map(\.object.id)
        let closure = graph.dependentClosure(of: rootIDs).filter { $0.replacementFor == nil && !rootIDs.contains($0.id) }
        result.members = roots.map(\.object) + closure
        for member in result.members {
            result.temporary[member.id] = temporaryNames.name(for: member.qualifiedName)
            result.retired[member.id] = temporaryNames.retiredName(for: member.qualifiedName)
        }
        let renaming = result.temporary
        for root in roots {
            let source = try rebuild.source(root.object, on: root.target, renaming: renaming)
            switch source.statement.references {
            case .all?, .schemas?: throw tableListProblem(root.object)
            default: break
            }
            for id in source.creates { result.createdBySource[id] = root.object.id }
            result.creations.append((root.object, root.target, try rebuild.checked(.createSource(source.statement), for: root.object)))
        }
        for member in closure where result.createdBySource[member.id] == nil {
            let cluster = member.kind.isPlaceable ? resolution.desiredCluster(of: member) : nil
            let statement: Statement
            switch member.kind {
            case .view: statement = .createView(try rebuild.view(member, renaming: renaming))
            case .materializedView: statement = .createMaterializedView(try rebuild.materializedView(member, on: cluster ?? "", renaming: renaming))
            case .index: statement = .createIndex(try rebuild.index(member, named: renaming[member.id]?.name ?? member.name, on: cluster ?? "", renaming: renaming))
            case .table: statement = .createTable(try rebuild.table(member, renaming: renaming))
            case .sink:
                var create = try rebuild.sink(member, named: member.qualifiedName, on: cluster ?? "")
                create.options = create.options.setting(SQLOption("SNAPSHOT", .keyword("false")))
                result.sinks.append((member, cluster ?? "", try rebuild.checked(.createSink(create), for: member)))
                continue
            case .subsource:
                throw RebuildProblem(member, "its source's statement does not create it (it has no EXTERNAL REFERENCE to list under FOR TABLES), and a user session may not create it alone (\(SQLRefusal.createSubsource.message))")
            case .source:
                throw RebuildProblem(member, "a source that depends on a moved source cannot be rebuilt beside it")
            }
            result.creations.append((member, cluster, try rebuild.checked(statement, for: member)))
        }
        result.renames = try cutoverRenames(result, renaming: renaming)
        return result
    }

    /// The cutover: every old object to its retired name, then every new one (sinks aside: they
    /// are created after it) to the original name. Each rename is checked against the queries it
    /// rewrites, in order, as Materialize checks them inside the transaction.
    private func cutoverRenames(_ statements: BlueGreenStatements, renaming: [String: QualifiedName]) throws(RebuildProblem) -> [AlterStatement] {
        // The stored queries of the views of both closures, annotated, as they evolve.
        var oldQueries: [String: SQLFragment] = [:]
        var newQueries: [String: SQLFragment] = [:]
        for member in statements.members where member.kind == .view || member.kind == .materializedView {
            guard let sql = member.createSQL, let statement = try? Statement(parsing: sql) else { continue }
            oldQueries[member.id] = statement.viewQuery
            newQueries[member.id] = (try? statement.renamingReferences(renaming))?.viewQuery
        }
        var readers: [String: [CatalogObject]] = [:]
        for member in statements.members {
            for read in CatalogGraph.dependencies(of: member) { readers[read, default: []].append(member) }
        }
        var renames: [AlterStatement] = []
        func rename(_ member: CatalogObject, from: QualifiedName, to: QualifiedName, queries: inout [String: SQLFragment]) throws(RebuildProblem) {
            // Materialize rewrites the renamed view's own query too, and every query that reads it.
            for reader in [member] + (readers[member.id] ?? []) {
                guard let query = queries[reader.id] else { continue }
                do {
                    queries[reader.id] = try ItemRename(from: from, to: to.name).apply(to: query)
                } catch {
                    throw RebuildProblem(
                        member,
                        "Materialize would refuse to rename it at the cutover (renaming conflict: in \(reader.qualifiedName), which uses \(from), \(error.message))",
                        remedies: [
                            "rename the column or alias of '\(reader.qualifiedName)' that reads like '\(member.name)', then take a fresh snapshot",
                            "move the source with `strategy: recreate` (an outage: it drops and rebuilds the closure)",
                        ]
                    )
                }
            }
            renames.append(AlterStatement(SQLObjectType(member.kind), ObjectName(from), .rename(to: to.name)))
        }
        for member in statements.members {
            guard let retired = statements.retired[member.id] else { continue }
            try rename(member, from: member.qualifiedName, to: retired, queries: &oldQueries)
        }
        for member in statements.members where member.kind != .sink {
            guard let temporary = renaming[member.id] else { continue }
            try rename(member, from: temporary, to: member.qualifiedName, queries: &newQueries)
        }
        return renames
    }

    private func tableListProblem(_ source: CatalogObject) -> RebuildProblem {
        RebuildProblem(
            source,
            "its statement lists FOR ALL TABLES or FOR SCHEMAS: a second source would create its subsources under the names the first one's hold",
            remedies: ["list its tables (`FOR TABLES (…)`)", "move it with `strategy: recreate` (an outage)"]
        )
    }

    /// `source-double-ingest` and `history-reset` (warnings), `sink-recreate` for the sinks of the
    /// closure, `capacity` for the target.
    private func blueGreenHazards(_ placement: Placement, claimed: [CatalogObject]) -> [Hazard] {
        let root = placement.object
        var hazards: [Hazard] = []
        let upstream: String
        switch root.sourceType {
        case "postgres": upstream = "a second replication slot, which holds WAL on the upstream database until the old source is dropped"
        case "mysql": upstream = "a second binlog reader on the upstream server"
        case "sql-server": upstream = "a second reader of the upstream's change tables"
        case "kafka": upstream = "a second consumer group reading the topic from the start"
        default: upstream = "a second ingestion of the upstream"
        }
        hazards.append(hazard(
            .sourceDoubleIngest,
            placement.allowed,
            "'\(root.qualifiedName)' is ingested twice until the cutover: the new source on '\(placement.target)' takes a new snapshot through \(upstream); memory and CPU double on the clusters of its dependents while both closures run",
            remedies: ["move it in a quiet period; the old source is dropped right after the cutover"]
        ))
        let views = claimed.filter { $0.kind == .materializedView }
        if !views.isEmpty {
            let list = views.prefix(8).map { "'\($0.qualifiedName)'" }.joined(separator: ", ") + (views.count > 8 ? " and \(views.count - 8) more" : "")
            hazards.append(hazard(
                .historyReset,
                placement.allowed,
                "the materialized view\(views.count == 1 ? "" : "s") \(list) \(views.count == 1 ? "is" : "are") rebuilt on the new source: new ids, and no history before the new source's snapshot (AS OF queries and subscribes from earlier times fail)"
            ))
        }
        let sinks = claimed.filter { $0.kind == .sink }
        if !sinks.isEmpty {
            let allowed = sinks.allSatisfy { resolution.placement(of: $0.id)?.allowed.contains(.sinkRecreate) ?? false } || placement.allowed.contains(.sinkRecreate)
            let list = sinks.map { "'\($0.qualifiedName)'" }.joined(separator: ", ")
            hazards.append(Hazard(
                .sinkRecreate,
                allowed: allowed,
                message: "the sink\(sinks.count == 1 ? "" : "s") \(list) \(sinks.count == 1 ? "is" : "are") recreated on the new objects after the cutover with SNAPSHOT = false: old and new write until the old closure is dropped, so consumers may see duplicates",
                remedies: [
                    "allow it for the sink (`allow: [sink-recreate]`) or the source when consumers tolerate duplicates (upsert or idempotent consumers)",
                    "leave '\(root.qualifiedName)' on '\(root.cluster ?? "?")'",
                ]
            ))
        }
        // The new closure runs on its objects' clusters too: each must be able to run it.
        let clusters = [placement.target] + claimed.compactMap { $0.kind.isPlaceable ? resolution.desiredCluster(of: $0) : nil }
        var checked: Set<String> = []
        for cluster in clusters where checked.insert(cluster).inserted {
            if let capacity = capacityHazard(for: cluster, allowed: placement.allowed) { hazards.append(capacity) }
        }
        return hazards
    }
}
