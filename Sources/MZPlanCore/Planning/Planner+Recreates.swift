extension PlanBuilder {
    /// Moves that drop an object with `CASCADE` and rebuild it with its whole dependent closure
    /// in dependency order, each dependent on its desired cluster: sources (`recreate`, the only
    /// way a source changes cluster) and materialized views with `strategy: recreate` or an
    /// allowed `sealed-view`. Moves of closure members are carried out by the rebuild.
    ///
    /// Every statement that rebuilds what a drop removes is produced and checked against
    /// ``SQLRefusal`` before any step is added: when one cannot be, the moves are blocked
    /// (`rebuild-refused`) and nothing is dropped. Recreates whose closures share objects are
    /// planned together: all of them are dropped first, then the union is rebuilt once.
    mutating func planRecreates() {
        let roots = pendingMoves(of: .source) + pendingMoves(of: .materializedView).filter(isRecreated)
        let closures = roots.map { graph.dependentClosure(of: [$0.object.id]).filter { $0.replacementFor == nil } }
        for group in Self.overlappingGroups(closures) {
            planRecreate(group.map { (roots[$0], closures[$0]) })
        }
    }

    /// Whether a materialized view move drops and rebuilds the view.
    func isRecreated(_ placement: Placement) -> Bool {
        placement.strategy == .recreate
            || (placement.object.sealed && placement.strategy != .native && placement.allowed.contains(.sealedView))
    }

    /// Indexes of `closures` grouped so that closures sharing an object are in one group; groups
    /// and their members in index order.
    static func overlappingGroups(_ closures: [[CatalogObject]]) -> [[Int]] {
        var parent = Array(closures.indices)
        func root(_ index: Int) -> Int {
            var index = index
            while parent[index] != index { index = parent[index] }
            return index
        }
        var owner: [String: Int] = [:]
        for (index, closure) in closures.enumerated() {
            for member in closure {
                if let other = owner[member.id] {
                    let (a, b) = (root(index), root(other))
                    parent[max(a, b)] = min(a, b)
                } else {
                    owner[member.id] = index
                }
            }
        }
        var groups: [Int: [Int]] = [:]
        for index in closures.indices { groups[root(index), default: []].append(index) }
        return groups.keys.sorted().map { groups[$0]! }
    }

    /// The statements of one group, produced before anything is planned.
    private struct RecreateStatements {
        /// Roots no other root of the group drops with `CASCADE`, with their drop.
        var drops: [(root: CatalogObject, statement: Statement)] = []
        /// Creations in dependency order: roots first, then the closure.
        var creations: [(object: CatalogObject, cluster: String?, statement: Statement)] = []
        /// Subsources created by their source's statement, by id, with the source's id.
        var createdBySource: [String: String] = [:]
    }

    private mutating func planRecreate(_ group: [(placement: Placement, closure: [CatalogObject])]) {
        let statements: RecreateStatements
        do {
            statements = try recreateStatements(group)
        } catch {
            for entry in group { appendRefusedMove(entry.placement, strategy: .recreate, error) }
            return
        }
        let dropKeys = statements.drops.map { drop in
            let action: Step.Action = drop.root.kind == .source ? .dropSource : .dropMaterializedView
            let key = steps.add(action, phase: .cutover, statement: drop.statement, object: drop.root.qualifiedName, cluster: drop.root.cluster)
            if let target = resolution.placement(of: drop.root.id)?.target { dependOnCluster(target, key) }
            return key
        }
        let rootIDs = Set(group.map(\.placement.object.id))
        let subsourcesBySource = Dictionary(grouping: statements.createdBySource.keys.sorted(), by: { statements.createdBySource[$0]! })
        var keyByID: [String: Int] = [:]
        for creation in statements.creations {
            let object = creation.object
            let key = steps.add(
                .recreateObject,
                phase: .cutover,
                statement: creation.statement,
                after: dropKeys,
                wait: object.kind == .source ? StepWait(until: .running, object: object.qualifiedName) : nil,
                object: object.qualifiedName,
                cluster: creation.cluster,
                estimatedMs: object.kind == .source ? object.hydrationTimeMs ?? PlanBuilder.defaultHydrationMs : 0
            )
            for dependency in CatalogGraph.dependencies(of: object) {
                if let dependencyKey = keyByID[dependency] { steps.addEdge(from: dependencyKey, to: key) }
            }
            if let cluster = creation.cluster, !rootIDs.contains(object.id) { dependOnCluster(cluster, key) }
            keyByID[object.id] = key
            // Subsources a source statement creates are ready when their source is.
            for subsource in subsourcesBySource[object.id] ?? [] { keyByID[subsource] = key }
        }
        let dropKeyByRoot = Dictionary(uniqueKeysWithValues: zip(statements.drops.map(\.root.id), dropKeys))
        // Roots of a group share their dependents: each recreated object is listed once, under
        // the first root that reaches it, so the plan grows with the union, not with every root.
        var listed: Set<String> = []
        for entry in group {
            let root = entry.placement.object
            let rebuilt = entry.closure.filter { statements.createdBySource[$0.id] == nil && !rootIDs.contains($0.id) }
            let rebuildMs = rebuilt.filter { $0.kind == .materializedView || $0.kind == .index }
                .map { $0.hydrationTimeMs ?? Self.defaultHydrationMs }.max() ?? 0
            let (sum, overflow) = (root.hydrationTimeMs ?? Self.defaultHydrationMs).addingReportingOverflow(rebuildMs)
            let staleness = overflow ? UInt64.max : sum
            let stepKeys = [dropKeyByRoot[root.id], keyByID[root.id]].compactMap { $0 } + rebuilt.compactMap { keyByID[$0.id] }
            handled.insert(root.id)
            moves.append(PendingMove(
                move: Move(
                    object: root.qualifiedName,
                    id: root.id,
                    kind: root.kind,
                    from: root.cluster ?? "?",
                    to: entry.placement.target,
                    strategy: .recreate,
                    reason: root.kind == .source
                        ? "a source cannot change cluster in place: drop it with its dependents and rebuild them on '\(entry.placement.target)'"
                        : "dropped with its dependents and recomputed from its inputs on '\(entry.placement.target)'",
                    feasibility: .ok,
                    hazards: recreateHazards(entry.placement, dropped: rebuilt),
                    estimatedStalenessMs: staleness,
                    recreates: entry.closure.filter { listed.insert($0.id).inserted }.map(\.qualifiedName)
                ),
                stepKeys: stepKeys
            ))
            for member in entry.closure {
                guard let memberPlacement = resolution.placement(of: member.id), memberPlacement.moves,
                      !handled.contains(member.id), let key = keyByID[member.id] else { continue }
                handled.insert(member.id)
                moves.append(PendingMove(
                    move: Move(
                        object: member.qualifiedName,
                        id: member.id,
                        kind: member.kind,
                        from: member.cluster ?? "?",
                        to: memberPlacement.target,
                        strategy: .recreate,
                        reason: "rebuilt on '\(memberPlacement.target)' with \(root.kind == .source ? "its source " : "")'\(root.qualifiedName)'",
                        feasibility: .ok,
                        estimatedStalenessMs: staleness
                    ),
                    stepKeys: [key]
                ))
            }
        }
    }

    /// Every statement of a group, checked: drops of the top roots, then the roots and the
    /// union of their closures in dependency order. Throws the first object that cannot be rebuilt.
    private func recreateStatements(_ group: [(placement: Placement, closure: [CatalogObject])]) throws(RebuildProblem) -> RecreateStatements {
        var statements = RecreateStatements()
        let rootIDs = Set(group.map(\.placement.object.id))
        let nested = Set(group.flatMap(\.closure).map(\.id)).intersection(rootIDs)
        for entry in group where !nested.contains(entry.placement.object.id) {
            let root = entry.placement.object
            let type: SQLObjectType = root.kind == .source ? .source : .materializedView
            statements.drops.append((root, .drop(DropStatement(type, ObjectName(root.qualifiedName), cascade: true))))
        }
        for entry in group where !nested.contains(entry.placement.object.id) {
            let root = entry.placement.object
            let target = entry.placement.target
            if root.kind == .source {
                let source = try rebuild.source(root, on: target)
                for id in source.creates { statements.createdBySource[id] = root.id }
                statements.creations.append((root, target, try rebuild.checked(.createSource(source.statement), for: root)))
            } else {
                statements.creations.append((root, target, try rebuild.checked(.createMaterializedView(try rebuild.materializedView(root, on: target)), for: root)))
            }
        }
        let topRoots = Set(statements.drops.map(\.root.id))
        let closure = graph.dependentClosure(of: Array(topRoots)).filter { $0.replacementFor == nil && !topRoots.contains($0.id) }
        for member in closure where statements.createdBySource[member.id] == nil {
            let cluster = member.kind.isPlaceable ? resolution.desiredCluster(of: member) : nil
            statements.creations.append((member, cluster, try rebuild.checked(try memberStatement(member, on: cluster), for: member)))
        }
        return statements
    }

    /// The statement that rebuilds one member of a dropped closure.
    private func memberStatement(_ member: CatalogObject, on cluster: String?) throws(RebuildProblem) -> Statement {
        switch member.kind {
        case .view: return .createView(try rebuild.view(member))
        case .materializedView: return .createMaterializedView(try rebuild.materializedView(member, on: cluster ?? member.cluster ?? ""))
        case .index: return .createIndex(try rebuild.index(member, named: member.name, on: cluster ?? member.cluster ?? ""))
        case .sink: return .createSink(try rebuild.sink(member, named: member.qualifiedName, on: cluster ?? member.cluster ?? ""))
        case .table: return .createTable(try rebuild.table(member))
        case .subsource:
            throw RebuildProblem(member, "its source's statement does not create it (it has no EXTERNAL REFERENCE to list under FOR TABLES), and a user session may not create it alone (\(SQLRefusal.createSubsource.message))")
        case .source:
            return .createSource(try rebuild.source(member, on: cluster ?? member.cluster ?? "").statement)
        }
    }

    private func recreateHazards(_ placement: Placement, dropped: [CatalogObject]) -> [Hazard] {
        let root = placement.object
        let target = placement.target
        var hazards: [Hazard] = []
        let remedies: [String]
        if root.kind == .source {
            remedies = [
                "leave '\(root.qualifiedName)' on '\(root.cluster ?? "?")' and move only what reads from it",
                "if the downtime is acceptable, allow it on the rule (`allow: [source-recreate, cascade-drop]`) or with `--allow source-recreate --allow cascade-drop`, in a maintenance window",
            ]
            hazards.append(hazard(
                .sourceRecreate,
                placement.allowed,
                "'\(root.qualifiedName)' is dropped and recreated on '\(target)': it re-ingests from scratch (a new snapshot\(root.sourceType == "postgres" || root.sourceType == "mysql" ? " and a new replication slot" : "")), and everything reading it is stale until it rehydrates",
                remedies: remedies
            ))
        } else {
            remedies = [
                "leave '\(root.qualifiedName)' on '\(root.cluster ?? "?")'",
                "allow it on the rule (`allow: [cascade-drop]`) when its dependents may be rebuilt",
            ]
            if root.sealed, placement.strategy != .recreate {
                hazards.append(sealedHazard(placement))
            }
            hazards.append(hazard(
                .historyReset,
                placement.allowed,
                "'\(root.qualifiedName)' is dropped and recomputed on '\(target)': it gets a new id and its history before the rebuild is lost"
            ))
        }
        if !dropped.isEmpty {
            let list = dropped.prefix(8).map { "'\($0.qualifiedName)'" }.joined(separator: ", ")
            let more = dropped.count > 8 ? " and \(dropped.count - 8) more" : ""
            hazards.append(hazard(
                .cascadeDrop,
                placement.allowed,
                "DROP \(SQLObjectType(root.kind).rawValue) … CASCADE also drops \(dropped.count) dependent object\(dropped.count == 1 ? "" : "s") (\(list)\(more)); they are rebuilt in dependency order, and materialized views lose their history",
                remedies: remedies
            ))
        }
        if root.sourceType == "webhook" {
            hazards.append(hazard(
                .webhookRecreate,
                placement.allowed,
                "'\(root.qualifiedName)' is a webhook source: requests sent while it is recreated are rejected, and the data it holds is lost",
                remedies: ["leave the webhook source where it is", "pause the senders during the move and allow `webhook-recreate`"]
            ))
        }
        if let capacity = capacityHazard(for: target, allowed: placement.allowed) { hazards.append(capacity) }
        return hazards
    }

    /// `sealed-view`: a sealed view cannot be replaced; allowed, it is recreated.
    func sealedHazard(_ placement: Placement) -> Hazard {
        let view = placement.object
        return hazard(
            .sealedView,
            placement.allowed,
            "'\(view.qualifiedName)' is sealed (its upper is the empty frontier): Materialize refuses to replace it (\(SQLRefusal.sealedView(ObjectName(view.qualifiedName)).message))",
            remedies: [
                "leave it on '\(view.cluster ?? "?")': a sealed view runs no dataflow, so its cluster spends nothing on it",
                "set `strategy: recreate` (or allow `sealed-view`) to drop it and recompute it from its inputs on '\(placement.target)'",
            ]
        )
    }
}
