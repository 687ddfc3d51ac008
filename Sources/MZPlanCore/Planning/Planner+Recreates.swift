extension PlanBuilder {
    /// Moves that drop an object with `CASCADE` and rebuild it with its whole dependent closure
    /// in dependency order, each dependent on its desired cluster: sources (`recreate`, the only
    /// way a source changes cluster) and materialized views with `strategy: recreate` or an
    /// allowed `sealed-view`. Moves of closure members are carried out by the rebuild.
    ///
    /// Every statement that rebuilds what a drop removes is produced and checked against
    /// ``SQLRefusal`` before any step is added: when one cannot be, the moves are blocked
    /// (`rebuild-refused`) and nothing is dropped. Recreates whose closures share objects are
    /// planned together: all of them are dropped first, then the union is rebuilt once. Each
    /// rebuilt object belongs to the first root that reaches it (``CatalogGraph/claimDependents(of:)``),
    /// so the work grows with the union of the closures, not with every root's.
    mutating func planRecreates() {
        let roots = pendingMoves(of: .source) + pendingMoves(of: .materializedView).filter(isRecreated)
        let claims = graph.claimDependents(of: roots.map(\.object.id))
        let groups: [[Claim]] = claims.groups.map { group in
            group.map { index in
                (placement: roots[index], claimed: claims.claimed[index].map { graph.objects[$0] }.filter { $0.replacementFor == nil },
                 reached: claims.reached[index].map { roots[$0].object.qualifiedName })
            }
        }
        // The statements of every recreated group are built up front (they read only the graph and
        // the resolution), in two halves on two threads when there are many groups; then the
        // groups are planned in order, so the plan is the same either way.
        let builder = self
        let statements = ParallelPair.map(groups.count, threshold: Self.parallelGroupCount) { index in
            groups[index].allSatisfy { builder.isBlueGreen($0.placement) }
                ? nil
                : Result { () throws(RebuildProblem) in try builder.recreateStatements(groups[index]) }
        }
        for (index, group) in groups.enumerated() {
            if let built = statements[index] {
                planRecreate(group, built)
            } else {
                planSourceBlueGreen(group.map { ($0.placement, $0.claimed) })
            }
        }
    }

    /// From this many groups on, their statements are built on two threads.
    private static let parallelGroupCount = 64

    /// Whether a materialized view move drops and rebuilds the view.
    func isRecreated(_ placement: Placement) -> Bool {
        placement.strategy == .recreate
            || (placement.object.sealed && placement.strategy != .native && placement.allowed.contains(.sealedView))
    }

    /// The statements of one group, produced before anything is planned.
    private struct RecreateStatements {
        /// Roots no other root of the group drops with `CASCADE`, with their drop.
        var drops: [(root: CatalogObject, statement: Statement)] = []
        /// Creations in dependency order, roots first, then the closure: each with its statement's SQL.
        var creations: [(object: CatalogObject, cluster: String?, sql: String)] = []
        /// Subsources created by their source's statement, by id, with the source's id.
        var createdBySource: [String: String] = [:]
        /// Position of each object of the union of the closures in their dependency order.
        var rank: [String: Int] = [:]
    }

    /// A recreated root with the part of its closure listed under it, and the roots under which
    /// the rest of its closure is listed.
    private typealias Claim = (placement: Placement, claimed: [CatalogObject], reached: [QualifiedName])

    /// Plans one group of roots whose closures overlap, with its statements or why they cannot be built.
    private mutating func planRecreate(_ group: [Claim], _ built: Result<RecreateStatements, RebuildProblem>) {
        let statements: RecreateStatements
        switch built {
        case .success(let value):
            statements = value
        case .failure(let problem):
            for entry in group { appendRefusedMove(entry.placement, strategy: .recreate, problem) }
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
            // What reads a rebuilt object follows it, and so every drop; the rest follows the drops.
            let rebuiltDependencies = CatalogGraph.dependencies(of: object).compactMap { keyByID[$0] }
            let key = steps.add(
                .recreateObject,
                phase: .cutover,
                sql: creation.sql,
                after: rebuiltDependencies.isEmpty ? dropKeys : rebuiltDependencies,
                wait: object.kind == .source ? StepWait(until: .running, object: object.qualifiedName) : nil,
                object: object.qualifiedName,
                cluster: creation.cluster,
                estimatedMs: object.kind == .source ? object.hydrationTimeMs ?? PlanBuilder.defaultHydrationMs : 0
            )
            if let cluster = creation.cluster, !rootIDs.contains(object.id) { dependOnCluster(cluster, key) }
            keyByID[object.id] = key
            // Subsources a source statement creates are ready when their source is.
            for subsource in subsourcesBySource[object.id] ?? [] { keyByID[subsource] = key }
        }
        let dropKeyByRoot = Dictionary(uniqueKeysWithValues: zip(statements.drops.map(\.root.id), dropKeys))
        // What a root's dependents take to rebuild: the slowest view or index of its closure.
        let rebuildMs = graph.largestInClosures(of: group.map(\.placement.object.id)) { object in
            guard object.kind == .materializedView || object.kind == .index, object.replacementFor == nil,
                  !rootIDs.contains(object.id) else { return 0 }
            return object.hydrationTimeMs ?? Self.defaultHydrationMs
        }
        // Each recreated object is listed once, under the root that claimed it, with its step.
        for (entry, slowest) in zip(group, rebuildMs) {
            let root = entry.placement.object
            let claimed = entry.claimed.map { (rank: statements.rank[$0.id, default: .max], object: $0) }.sorted { $0.rank < $1.rank }.map(\.object)
            let rebuilt = claimed.filter { statements.createdBySource[$0.id] == nil && !rootIDs.contains($0.id) }
            let (sum, overflow) = (root.hydrationTimeMs ?? Self.defaultHydrationMs).addingReportingOverflow(slowest)
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
                    reason: recreateReason(entry.placement, group: group.map(\.placement)),
                    feasibility: .ok,
                    hazards: recreateHazards(entry.placement, dropped: rebuilt, sharedWith: entry.reached),
                    estimatedStalenessMs: staleness,
                    recreates: claimed.map(\.qualifiedName)
                ),
                stepKeys: stepKeys
            ))
            for member in claimed {
                guard let key = keyByID[member.id] else { continue }
                appendMemberMove(
                    member,
                    strategy: .recreate,
                    reason: { "rebuilt on '\($0)' with \(root.kind == .source ? "its source " : "")'\(root.qualifiedName)'" },
                    stalenessMs: staleness,
                    stepKeys: [key]
                )
            }
        }
    }

    /// The move of a closure member whose placement moves it, carried out by its root's steps;
    /// nothing when it stays or another root lists it.
    mutating func appendMemberMove(_ member: CatalogObject, strategy: Strategy, reason: (String) -> String, stalenessMs: UInt64 = 0, stepKeys: [Int]) {
        guard let placement = resolution.placement(of: member.id), placement.moves, !handled.contains(member.id) else { return }
        handled.insert(member.id)
        moves.append(PendingMove(
            move: Move(
                object: member.qualifiedName,
                id: member.id,
                kind: member.kind,
                from: member.cluster ?? "?",
                to: placement.target,
                strategy: strategy,
                reason: reason(placement.target),
                feasibility: .ok,
                estimatedStalenessMs: stalenessMs
            ),
            stepKeys: stepKeys
        ))
    }

    /// Why a root is dropped and rebuilt; for a source that asked for blue-green, why it could not be.
    private func recreateReason(_ placement: Placement, group: [Placement]) -> String {
        let target = placement.target
        guard placement.object.kind == .source else { return "dropped with its dependents and recomputed from its inputs on '\(target)'" }
        let reason = "a source cannot change cluster in place: drop it with its dependents and rebuild them on '\(target)'"
        guard let fallback = blueGreenFallback(placement, sharingWith: group) else { return reason }
        return reason + " (not blue-green: \(fallback))"
    }

    /// Every statement of a group, checked: drops of the top roots, then the roots and the
    /// union of their closures in dependency order. Throws the first object that cannot be rebuilt.
    private func recreateStatements(_ group: [Claim]) throws(RebuildProblem) -> RecreateStatements {
        var statements = RecreateStatements()
        let rootIDs = Set(group.map(\.placement.object.id))
        let nested = Set(group.flatMap(\.claimed).map(\.id)).intersection(rootIDs)
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
                statements.creations.append((root, target, try rebuild.checked(.createSource(source.statement), for: root).sql))
            } else {
                statements.creations.append((root, target, try rebuild.checked(.createMaterializedView(try rebuild.materializedView(root, on: target)), for: root).sql))
            }
        }
        let topRoots = Set(statements.drops.map(\.root.id))
        let closure = graph.dependentClosure(of: Array(topRoots)).filter { $0.replacementFor == nil && !topRoots.contains($0.id) }
        for (index, member) in closure.enumerated() { statements.rank[member.id] = index }
        let members = closure.filter { statements.createdBySource[$0.id] == nil }
        let clusters = members.map { $0.kind.isPlaceable ? resolution.desiredCluster(of: $0) : nil }
        let built = Self.memberStatements(members, on: clusters, rebuild: rebuild)
        for (index, member) in members.enumerated() {
            statements.creations.append((member, clusters[index], try built[index].get()))
        }
        return statements
    }

    /// From this many members on, the two halves of a closure's statements are built on two threads.
    private static let parallelMemberCount = 512

    /// The SQL of the checked statements that rebuild `members` on `clusters`, in order. A large
    /// closure is built in two halves on two threads (a 100 000-object plan rebuilds 36 000
    /// objects); each result is the SQL or why it cannot be built, so the first problem in order is reported.
    private static func memberStatements(_ members: [CatalogObject], on clusters: [String?], rebuild: RebuildStatements) -> [Result<String, RebuildProblem>] {
        ParallelPair.map(members.count, threshold: parallelMemberCount) { index in
            Result { () throws(RebuildProblem) in
                try rebuild.checked(try memberStatement(members[index], on: clusters[index], rebuild: rebuild), for: members[index]).sql
            }
        }
    }

    /// The statement that rebuilds one member of a dropped closure.
    private static func memberStatement(_ member: CatalogObject, on cluster: String?, rebuild: RebuildStatements) throws(RebuildProblem) -> Statement {
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

    /// `dropped`: the dependents listed under this root; `sharedWith`: the roots under which the
    /// rest of what its `CASCADE` drops is listed.
    private func recreateHazards(_ placement: Placement, dropped: [CatalogObject], sharedWith: [QualifiedName]) -> [Hazard] {
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
        let shares = !sharedWith.isEmpty
        if !dropped.isEmpty || shares {
            let list = dropped.prefix(8).map { "'\($0.qualifiedName)'" }.joined(separator: ", ")
            let more = dropped.count > 8 ? " and \(dropped.count - 8) more" : ""
            var what = dropped.isEmpty ? "" : "\(dropped.count) dependent object\(dropped.count == 1 ? "" : "s") (\(list)\(more))"
            if shares {
                let names = sharedWith.prefix(3).map { "'\($0)'" }.joined(separator: ", ") + (sharedWith.count > 3 ? " and \(sharedWith.count - 3) more" : "")
                what += (what.isEmpty ? "" : ", and ") + "dependents it shares with \(names) (listed under \(sharedWith.count == 1 ? "it" : "them"))"
            }
            hazards.append(hazard(
                .cascadeDrop,
                placement.allowed,
                "DROP \(SQLObjectType(root.kind).rawValue) … CASCADE also drops \(what); they are rebuilt in dependency order, and materialized views lose their history",
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
