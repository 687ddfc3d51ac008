extension PlanBuilder {
    /// A blue-green resize being planned: everything placed on `cluster` goes to `temporary`, a
    /// new cluster at the new size, which takes the old name by `ALTER CLUSTER … SWAP WITH`.
    struct BlueGreenResize {
        var cluster: String
        var temporary: String
        /// Position of its change in ``PlanBuilder/clusterChanges``.
        var change: Int
    }

    /// Creates the temporary cluster and sends every object placed on `cluster` there: the
    /// objects on it today (listed or not) with their zero-downtime primitive, and the objects
    /// moving in with their own strategy. The swap and the drop are added by ``finishBlueGreenResizes()``.
    mutating func planBlueGreen(_ cluster: CatalogCluster, to spec: ClusterSpec, change: ClusterChange, settings: [SQLOption]) {
        let temporary = temporaryClusterName(for: cluster.name)
        let factor = spec.replicationFactor ?? cluster.replicationFactor ?? 1
        var options: [SQLOption] = []
        if let size = spec.size ?? cluster.size { options.append(SQLOption("SIZE", .literal(size))) }
        options.append(SQLOption("REPLICATION FACTOR", .integer(factor)))
        let createKey = steps.add(
            .createCluster,
            phase: .prepare,
            statement: .createCluster(CreateClusterStatement(name: temporary, options: options)),
            cluster: temporary
        )
        clusterReadyKey[temporary] = createKey
        plannedClusters[temporary] = factor
        blueGreenResizes.append(BlueGreenResize(cluster: cluster.name, temporary: temporary, change: clusterChanges.count))
        clusterChanges.append(PendingClusterChange(change: change, stepKeys: [createKey]))

        for placement in resolution.placements where placement.target == cluster.name {
            // What stays moves with its default primitive; what moves in keeps its strategy.
            let rule = placement.rule
            resolution.place(Placement(
                object: placement.object,
                rule: PlacementRule(
                    cluster: temporary,
                    pattern: rule.pattern,
                    kind: rule.kind,
                    strategy: placement.moves ? rule.strategy : nil,
                    allow: rule.allow,
                    location: rule.location
                ),
                allowed: placement.allowed
            ))
        }
        for id in graph.objectIDs(onCluster: cluster.name) where resolution.placement(of: id) == nil {
            guard let object = graph.object(id), object.replacementFor == nil, !resolution.unmanaged.contains(id) else { continue }
            resolution.place(Placement(
                object: object,
                rule: PlacementRule(cluster: temporary, pattern: NamePattern(exactly: object.qualifiedName), location: spec.location),
                allowed: globalAllow
            ))
        }
    }

    /// For each blue-green resize, once every move is planned: the swap after every move into
    /// the temporary cluster has cut over, cleanups after the swap, then the drop of the old
    /// cluster (now under the temporary name) after everything that touched it.
    mutating func finishBlueGreenResizes() {
        for resize in blueGreenResizes {
            let into = moves.indices.filter { moves[$0].move.to == resize.temporary }
            let outOf = moves.indices.filter { moves[$0].move.from == resize.cluster && moves[$0].move.to != resize.temporary }
            let swapKey = steps.add(
                .swapCluster,
                phase: .cutover,
                statement: .alter(AlterStatement(.cluster, ObjectName(resize.cluster), .swap(with: resize.temporary))),
                cluster: resize.cluster
            )
            for index in into {
                for key in moves[index].stepKeys {
                    guard steps.nodes[key].phase == .cleanup else {
                        steps.addEdge(from: key, to: swapKey)
                        continue
                    }
                    steps.addEdge(from: swapKey, to: key)
                    // After the swap the names are exchanged: the old objects are on the
                    // temporary name, the new ones on the original name.
                    if steps.nodes[key].cluster == resize.cluster {
                        steps.setCluster(of: key, to: resize.temporary)
                    } else if steps.nodes[key].cluster == resize.temporary {
                        steps.setCluster(of: key, to: resize.cluster)
                    }
                }
                let staying = moves[index].move.from == resize.cluster
                moves[index].move.to = resize.cluster
                moves[index].move.reason = staying
                    ? "blue-green resize of '\(resize.cluster)': \(moves[index].move.strategy.rawValue) onto the new cluster '\(resize.temporary)', which then takes the name '\(resize.cluster)'"
                    : "moves into '\(resize.cluster)' during its blue-green resize, onto the new cluster '\(resize.temporary)': " + moves[index].move.reason
            }
            let touching = (into + outOf).flatMap { moves[$0].stepKeys }
            let dropKey = steps.add(
                .dropCluster,
                phase: .cleanup,
                statement: .drop(DropStatement(.cluster, ObjectName(resize.temporary))),
                after: [swapKey] + touching,
                cluster: resize.temporary
            )
            clusterChanges[resize.change].stepKeys += [swapKey, dropKey]
        }
    }

    /// The cluster a blue-green resize creates for `name`: `<name>_mzplan`, then `_2`, … until no
    /// cluster in the catalog or the manifest has it.
    private func temporaryClusterName(for name: String) -> String {
        let taken = Set(graph.snapshot.clusters.map(\.name) + manifest.clusters.map(\.name) + blueGreenResizes.map(\.temporary))
        var attempt = 1
        while true {
            let candidate = name + (attempt == 1 ? "_mzplan" : "_mzplan_\(attempt)")
            if !taken.contains(candidate) { return candidate }
            attempt += 1
        }
    }

    /// The name a cluster will have after the plan: a blue-green resize's temporary cluster takes the original's.
    func finalName(ofCluster name: String) -> String {
        blueGreenResizes.first { $0.temporary == name }?.cluster ?? name
    }
}
