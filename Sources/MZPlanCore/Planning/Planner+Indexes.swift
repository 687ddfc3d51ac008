extension PlanBuilder {
    /// Index moves (`rebuild`): create the new index on the target, wait until it is ready,
    /// drop the old one, rename the new one to the old name.
    mutating func planIndexMoves() {
        for placement in pendingMoves(of: .index) {
            planIndexRebuild(placement)
        }
    }

    private mutating func planIndexRebuild(_ placement: Placement) {
        let index = placement.object
        let from = index.cluster ?? "?"
        let target = placement.target
        let temporary = temporaryNames.name(for: index.qualifiedName)
        let statement: Statement
        do {
            statement = try rebuild.checked(.createIndex(try rebuild.index(index, named: temporary.name, on: target)), for: index)
        } catch {
            return appendRefusedMove(placement, strategy: .rebuild, error)
        }
        let keys = addStandIn(
            for: index,
            temporary: temporary,
            on: target,
            create: statement,
            until: .ready,
            actions: (.createIndex, .dropIndex, .renameIndex)
        )
        if let relation = index.on {
            plannedIndexes[target, default: [:]][relation] = plannedIndexes[target]?[relation] ?? index
        }
        indexCreateKey[index.id] = keys.create
        indexDropKey[index.id] = keys.drop

        // Queries keep the index when it stays on its cluster through a blue-green resize.
        let destination = finalName(ofCluster: target)
        var hazards = destination == from ? [] : [hazard(
            .indexLocality,
            placement.allowed,
            "queries running on '\(from)' that use '\(index.qualifiedName)' lose it and fall back to a slower plan once it moves to '\(destination)'",
            remedies: ["run those queries on '\(destination)' (SET cluster = \(SQLIdentifier.quote(destination)))", "keep a copy of the index on '\(from)'"]
        )]
        let users = graph.importers(of: index.id).filter { user in
            resolution.desiredCluster(of: user) == from
        }
        if !users.isEmpty {
            let list = users.map { "'\($0.qualifiedName)'" }.joined(separator: ", ")
            hazards.append(hazard(
                .indexInUse,
                placement.allowed,
                "dataflows staying on '\(from)' import '\(index.qualifiedName)' (\(list)): its arrangement stays alive, and its memory stays in use, until they are rebuilt",
                remedies: ["move those dataflows too, or rebuild them after the move"]
            ))
        }
        if let capacity = capacityHazard(for: target, allowed: placement.allowed) { hazards.append(capacity) }
        handled.insert(index.id)
        moves.append(PendingMove(
            move: Move(
                object: index.qualifiedName,
                id: index.id,
                kind: .index,
                from: from,
                to: target,
                strategy: .rebuild,
                reason: "an index cannot change cluster in place: build it on '\(target)', then drop the old one",
                feasibility: .ok,
                hazards: hazards
            ),
            stepKeys: [keys.create, keys.drop, keys.rename]
        ))
    }
}
