extension PlanBuilder {
    /// Source moves (`recreate`): `DROP SOURCE … CASCADE`, then the source and its whole
    /// dependent closure rebuilt from `create_sql` in dependency order, each dependent on its
    /// desired cluster. Moves of closure members are carried out by the rebuild.
    mutating func planSourceMoves() throws(DiagnosticsError) {
        for placement in pendingMoves(of: .source) where !handled.contains(placement.object.id) {
            try planSourceRecreate(placement)
        }
    }

    private mutating func planSourceRecreate(_ placement: Placement) throws(DiagnosticsError) {
        let source = placement.object
        let from = source.cluster ?? "?"
        let target = placement.target
        let sourceStatement = try createStatement(of: source)
        let closure = graph.dependentClosure(of: source.id).filter { $0.replacementFor == nil }
        let createsSubsources = Self.createsSubsources(source.createSQL ?? "")
        let rebuilt = closure.filter { member in
            guard member.kind == .subsource else { return true }
            return !createsSubsources && !Self.isProgressRelation(member, of: source)
        }

        let dropKey = steps.add(
            .dropSource,
            phase: .cutover,
            sql: "DROP SOURCE \(source.qualifiedName.sql) CASCADE",
            object: source.qualifiedName,
            cluster: from
        )
        dependOnCluster(target, dropKey)
        let createKey = steps.add(
            .recreateObject,
            phase: .cutover,
            sql: sourceStatement.rendered(name: source.qualifiedName, cluster: target, names: names),
            after: [dropKey],
            wait: StepWait(until: .running, object: source.qualifiedName),
            object: source.qualifiedName,
            cluster: target
        )
        var keyByID = [source.id: createKey]
        var keys = [dropKey, createKey]
        for member in rebuilt {
            let cluster = member.kind.isPlaceable ? resolution.desiredCluster(of: member) : nil
            let statement = try createStatement(of: member)
            let key = steps.add(
                .recreateObject,
                phase: .cutover,
                sql: statement.rendered(name: member.qualifiedName, cluster: cluster, names: names),
                after: [createKey],
                object: member.qualifiedName,
                cluster: cluster
            )
            for dependency in CatalogGraph.dependencies(of: member) {
                if let dependencyKey = keyByID[dependency] { steps.addEdge(from: dependencyKey, to: key) }
            }
            if let cluster { dependOnCluster(cluster, key) }
            keyByID[member.id] = key
            keys.append(key)
        }

        let dropped = closure.filter { !($0.kind == .subsource && (createsSubsources || Self.isProgressRelation($0, of: source))) }
        let hazards = sourceHazards(placement, dropped: dropped)
        let rebuildMs = rebuilt.filter { $0.kind == .materializedView || $0.kind == .index }.map { $0.hydrationTimeMs ?? Self.defaultHydrationMs }.max() ?? 0
        let (sum, overflow) = (source.hydrationTimeMs ?? Self.defaultHydrationMs).addingReportingOverflow(rebuildMs)
        let staleness = overflow ? UInt64.max : sum
        handled.insert(source.id)
        moves.append(PendingMove(
            move: Move(
                object: source.qualifiedName,
                id: source.id,
                kind: .source,
                from: from,
                to: target,
                strategy: .recreate,
                reason: "a source cannot change cluster in place: drop it with its dependents and rebuild them on '\(target)'",
                feasibility: .ok,
                hazards: hazards,
                estimatedStalenessMs: staleness,
                recreates: closure.map(\.qualifiedName)
            ),
            stepKeys: keys
        ))
        for member in closure {
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
                    reason: "rebuilt on '\(memberPlacement.target)' with its source '\(source.qualifiedName)'",
                    feasibility: .ok,
                    estimatedStalenessMs: staleness
                ),
                stepKeys: [key]
            ))
        }
    }

    private func sourceHazards(_ placement: Placement, dropped: [CatalogObject]) -> [Hazard] {
        let source = placement.object
        let target = placement.target
        let remedies = [
            "leave '\(source.qualifiedName)' on '\(source.cluster ?? "?")' and move only what reads from it",
            "if the downtime is acceptable, allow it on the rule (`allow: [source-recreate, cascade-drop]`) or with `--allow source-recreate --allow cascade-drop`, in a maintenance window",
        ]
        var hazards = [hazard(
            .sourceRecreate,
            placement.allowed,
            "'\(source.qualifiedName)' is dropped and recreated on '\(target)': it re-ingests from scratch (a new snapshot\(source.sourceType == "postgres" || source.sourceType == "mysql" ? " and a new replication slot" : "")), and everything reading it is stale until it rehydrates",
            remedies: remedies
        )]
        if !dropped.isEmpty {
            let list = dropped.prefix(8).map { "'\($0.qualifiedName)'" }.joined(separator: ", ")
            let more = dropped.count > 8 ? " and \(dropped.count - 8) more" : ""
            hazards.append(hazard(
                .cascadeDrop,
                placement.allowed,
                "DROP SOURCE … CASCADE also drops \(dropped.count) dependent object\(dropped.count == 1 ? "" : "s") (\(list)\(more)); they are rebuilt in dependency order, and materialized views lose their history",
                remedies: remedies
            ))
        }
        if source.sourceType == "webhook" {
            hazards.append(hazard(
                .webhookRecreate,
                placement.allowed,
                "'\(source.qualifiedName)' is a webhook source: requests sent while it is recreated are rejected, and the data it holds is lost",
                remedies: ["leave the webhook source where it is", "pause the senders during the move and allow `webhook-recreate`"]
            ))
        }
        if let capacity = capacityHazard(for: target, allowed: placement.allowed) { hazards.append(capacity) }
        return hazards
    }

    /// Whether a source statement creates its subsources itself (`FOR TABLES`, `FOR ALL TABLES`, `FOR SCHEMAS`).
    static func createsSubsources(_ sql: String) -> Bool {
        let upper = sql.uppercased()
        return upper.contains("FOR TABLES") || upper.contains("FOR ALL TABLES") || upper.contains("FOR SCHEMAS")
    }

    /// A source's progress relation, which `CREATE SOURCE` always creates.
    static func isProgressRelation(_ member: CatalogObject, of source: CatalogObject) -> Bool {
        member.sourceType == "progress" || member.name == source.name + "_progress"
    }
}
