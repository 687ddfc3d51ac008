extension PlanBuilder {
    /// Cluster renames (whole-cluster moves), creations and resizes (see ``planResize(_:to:objectsUnder:diagnostics:)``).
    mutating func planClusters() throws(DiagnosticsError) {
        var diagnostics = DiagnosticCollector()
        let renames = detectRenames()
        for spec in manifest.clusters {
            if let size = spec.size, let sizes = graph.snapshot.sizeNames, !sizes.contains(size) {
                diagnostics.error(
                    "plan.size",
                    "size '\(size)' is not offered by this Materialize\(Suggestion.didYouMean(size, among: sizes)); valid sizes: \(sizes.joined(separator: ", "))",
                    at: spec.sizeLocation ?? spec.location
                )
                continue
            }
            if let source = renames[spec.name] {
                planRename(from: source, to: spec, diagnostics: &diagnostics)
            } else if let existing = graph.cluster(named: spec.name) {
                planResize(existing, to: spec, diagnostics: &diagnostics)
            } else if let size = spec.size {
                planCreation(spec, size: size)
            } else {
                let suggestion = Suggestion.didYouMean(spec.name, among: graph.snapshot.clusters.map(\.name))
                diagnostics.error(
                    "plan.unknown-cluster",
                    "cluster '\(spec.name)' does not exist\(suggestion); give it a `size` so mzplan creates it, or fix the name",
                    at: spec.location
                )
            }
        }
        try diagnostics.throwIfErrors()
    }

    /// Catalog clusters that can simply be renamed: every object on `a` (listed or not) moves to
    /// the same `b` with strategy `auto`, `b` does not exist, and the manifest no longer names `a`.
    /// Keyed by the new name.
    private func detectRenames() -> [String: CatalogCluster] {
        let named = Set(manifest.clusters.map(\.name))
        var renames: [String: CatalogCluster] = [:]
        for cluster in graph.snapshot.clusters where !named.contains(cluster.name) {
            let ids = graph.objectIDs(onCluster: cluster.name)
            let placements = ids.map { resolution.placement(of: $0) }
            guard !ids.isEmpty, placements.allSatisfy({ $0 != nil && $0!.strategy == .auto }) else { continue }
            let targets = Set(placements.compactMap { $0?.target })
            guard targets.count == 1, let target = targets.first, graph.cluster(named: target) == nil,
                  renames[target] == nil else { continue }
            // A rename that also resizes blue-green is a creation at the new size and moves.
            if let spec = manifest.clusters.first(where: { $0.name == target }),
               resizeDecision(cluster, to: spec, objectsUnder: cluster.name)?.strategy == .blueGreen { continue }
            renames[target] = cluster
        }
        return renames
    }

    private mutating func planRename(from cluster: CatalogCluster, to spec: ClusterSpec, diagnostics: inout DiagnosticCollector) {
        let renameKey = steps.add(
            .renameCluster,
            phase: .prepare,
            statement: .alter(AlterStatement(.cluster, ObjectName(cluster.name), .rename(to: spec.name))),
            cluster: spec.name
        )
        clusterReadyKey[spec.name] = renameKey
        clusterChanges.append(PendingClusterChange(
            change: ClusterChange(name: spec.name, action: .rename, renamedFrom: cluster.name, size: cluster.size, replicationFactor: cluster.replicationFactor),
            stepKeys: [renameKey]
        ))
        var renamed = cluster
        renamed.name = spec.name
        planResize(renamed, to: spec, objectsUnder: cluster.name, diagnostics: &diagnostics)
        for id in graph.objectIDs(onCluster: cluster.name) {
            guard let placement = resolution.placement(of: id) else { continue }
            handled.insert(id)
            moves.append(PendingMove(
                move: Move(
                    object: placement.object.qualifiedName,
                    id: id,
                    kind: placement.object.kind,
                    from: cluster.name,
                    to: spec.name,
                    strategy: .rename,
                    reason: "every object on '\(cluster.name)' moves to '\(spec.name)', which does not exist: the cluster is renamed",
                    feasibility: .ok
                ),
                stepKeys: [renameKey]
            ))
        }
    }

    private mutating func planCreation(_ spec: ClusterSpec, size: String) {
        var settings = [SQLOption("SIZE", .literal(size))]
        if let factor = spec.replicationFactor {
            settings.append(SQLOption("REPLICATION FACTOR", .integer(factor)))
        }
        let key = steps.add(
            .createCluster,
            phase: .prepare,
            statement: .createCluster(CreateClusterStatement(name: spec.name, options: settings)),
            cluster: spec.name
        )
        clusterReadyKey[spec.name] = key
        plannedClusters[spec.name] = spec.replicationFactor ?? 1
        clusterChanges.append(PendingClusterChange(
            change: ClusterChange(name: spec.name, action: .create, size: size, replicationFactor: spec.replicationFactor),
            stepKeys: [key]
        ))
    }

    /// A `capacity` hazard when the target cannot run anything: no replica, none online, or no size known.
    func capacityHazard(for target: String, allowed: Set<HazardCode>) -> Hazard? {
        let remedies = [
            "add a replica or raise the replication factor of '\(target)' (set `replication_factor` in the manifest)",
            "give '\(target)' a `size` in the manifest",
        ]
        if let factor = plannedClusters[target] {
            guard factor == 0 else { return nil }
            return hazard(.capacity, allowed, "cluster '\(target)' is created with no replicas: nothing placed on it can run", remedies: remedies)
        }
        let spec = manifest.clusters.first { $0.name == target }
        if spec?.replicationFactor == 0 {
            return hazard(.capacity, allowed, "cluster '\(target)' is set to replication factor 0: nothing placed on it can run", remedies: remedies)
        }
        let current = graph.cluster(named: target)
            ?? graph.snapshot.clusters.first { cluster in clusterChanges.contains { $0.change.action == .rename && $0.change.renamedFrom == cluster.name && $0.change.name == target } }
        guard let cluster = current else { return nil }
        if let factor = spec?.replicationFactor, factor > 0, factor != cluster.replicationFactor {
            return nil   // the plan's ALTER CLUSTER provisions the replicas
        }
        if cluster.replicas.isEmpty {
            return hazard(.capacity, allowed, "cluster '\(target)' has no replicas: nothing placed on it can hydrate", remedies: remedies)
        }
        let statuses = cluster.replicas.map(\.status)
        if statuses.allSatisfy({ $0 != nil && $0 != "online" }) {
            return hazard(.capacity, allowed, "cluster '\(target)' has no online replica: nothing placed on it can hydrate until one is online", remedies: remedies)
        }
        if cluster.replicas.allSatisfy(\.isOOMLooping) {
            return hazard(
                .capacity,
                allowed,
                "cluster '\(target)' has no healthy replica: every replica is OOM-looping (3 or more OOM kills in 24 h), so nothing new on it can hydrate or start",
                remedies: ["give '\(target)' a larger `size` in the manifest, or move objects off it first"] + remedies
            )
        }
        if spec?.size == nil, cluster.size == nil, cluster.replicas.allSatisfy({ $0.size == nil }) {
            return hazard(.capacity, allowed, "the size of cluster '\(target)' is unknown: mzplan cannot tell whether the moved objects fit", remedies: remedies)
        }
        return nil
    }
}
