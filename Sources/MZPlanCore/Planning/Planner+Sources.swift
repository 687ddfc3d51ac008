extension PlanBuilder {
    /// Source moves (`recreate`): `DROP SOURCE … CASCADE`, then the source and its whole
    /// dependent closure rebuilt from `create_sql` in dependency order, each dependent on its
    /// desired cluster. Moves of closure members are carried out by the rebuild.
    ///
    /// Moving sources whose closures share objects are planned together: all of them are
    /// dropped first, then recreated, then the union of their closures is rebuilt once.
    mutating func planSourceMoves() throws(DiagnosticsError) {
        let placements = pendingMoves(of: .source)
        let closures = placements.map { graph.dependentClosure(of: [$0.object.id]).filter { $0.replacementFor == nil } }
        for group in Self.overlappingGroups(closures) {
            try planSourceRecreate(group.map { (placements[$0], closures[$0]) })
        }
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

    private mutating func planSourceRecreate(_ group: [(placement: Placement, closure: [CatalogObject])]) throws(DiagnosticsError) {
        let sources = group.map(\.placement.object)
        let statements = try sources.map { source throws(DiagnosticsError) in try createStatement(of: source) }
        let dropKeys = group.map { entry in
            let key = steps.add(
                .dropSource,
                phase: .cutover,
                sql: "DROP SOURCE \(entry.placement.object.qualifiedName.sql) CASCADE",
                object: entry.placement.object.qualifiedName,
                cluster: entry.placement.object.cluster
            )
            dependOnCluster(entry.placement.target, key)
            return key
        }
        var keyByID: [String: Int] = [:]
        for (index, entry) in group.enumerated() {
            let source = entry.placement.object
            keyByID[source.id] = steps.add(
                .recreateObject,
                phase: .cutover,
                sql: statements[index].rendered(name: source.qualifiedName, cluster: entry.placement.target, names: names),
                after: dropKeys,
                wait: StepWait(until: .running, object: source.qualifiedName),
                object: source.qualifiedName,
                cluster: entry.placement.target
            )
        }
        let sourceIDs = Set(sources.map(\.id))
        let closure = graph.dependentClosure(of: sources.map(\.id)).filter { $0.replacementFor == nil && !sourceIDs.contains($0.id) }
        let rebuilt = closure.filter { !isCreatedBySource($0, among: sources) }
        // Subsources a source statement creates are ready when their source is.
        for member in closure where isCreatedBySource(member, among: sources) {
            keyByID[member.id] = member.dependsOn.lazy.compactMap { keyByID[$0] }.first
        }
        for member in rebuilt {
            let cluster = member.kind.isPlaceable ? resolution.desiredCluster(of: member) : nil
            let statement = try createStatement(of: member)
            let key = steps.add(
                .recreateObject,
                phase: .cutover,
                sql: statement.rendered(name: member.qualifiedName, cluster: cluster, names: names),
                after: dropKeys,
                object: member.qualifiedName,
                cluster: cluster
            )
            for dependency in CatalogGraph.dependencies(of: member) {
                if let dependencyKey = keyByID[dependency] { steps.addEdge(from: dependencyKey, to: key) }
            }
            if let cluster { dependOnCluster(cluster, key) }
            keyByID[member.id] = key
        }
        let rebuiltIDs = Set(rebuilt.map(\.id))
        for (index, entry) in group.enumerated() {
            let source = entry.placement.object
            let ownRebuilt = entry.closure.filter { rebuiltIDs.contains($0.id) }
            let rebuildMs = ownRebuilt.filter { $0.kind == .materializedView || $0.kind == .index }
                .map { $0.hydrationTimeMs ?? Self.defaultHydrationMs }.max() ?? 0
            let (sum, overflow) = (source.hydrationTimeMs ?? Self.defaultHydrationMs).addingReportingOverflow(rebuildMs)
            let staleness = overflow ? UInt64.max : sum
            let stepKeys = [dropKeys[index], keyByID[source.id]!] + ownRebuilt.compactMap { keyByID[$0.id] }
            handled.insert(source.id)
            moves.append(PendingMove(
                move: Move(
                    object: source.qualifiedName,
                    id: source.id,
                    kind: .source,
                    from: source.cluster ?? "?",
                    to: entry.placement.target,
                    strategy: .recreate,
                    reason: "a source cannot change cluster in place: drop it with its dependents and rebuild them on '\(entry.placement.target)'",
                    feasibility: .ok,
                    hazards: sourceHazards(entry.placement, dropped: entry.closure.filter { !isCreatedBySource($0, among: [source]) }),
                    estimatedStalenessMs: staleness,
                    recreates: entry.closure.map(\.qualifiedName)
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
                        reason: "rebuilt on '\(memberPlacement.target)' with its source '\(source.qualifiedName)'",
                        feasibility: .ok,
                        estimatedStalenessMs: staleness
                    ),
                    stepKeys: [key]
                ))
            }
        }
    }

    /// Whether `member` is created by a source's own statement, so it is not rebuilt on its own:
    /// the progress relation always, subsources when the statement lists its tables.
    private func isCreatedBySource(_ member: CatalogObject, among sources: [CatalogObject]) -> Bool {
        guard member.kind == .subsource else { return false }
        return sources.contains { source in
            member.dependsOn.contains(source.id)
                && (Self.isProgressRelation(member, of: source) || Self.createsSubsources(source.createSQL ?? ""))
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
