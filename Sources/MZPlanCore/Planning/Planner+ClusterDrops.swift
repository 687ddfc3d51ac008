extension PlanBuilder {
    /// With `drop_empty_clusters`, drops each cluster the plan empties (hazard `cluster-drop`),
    /// after every other step. Only clusters that hold objects today and that the manifest does not name.
    mutating func planClusterDrops() {
        guard manifest.options.dropEmptyClusters else { return }
        let named = Set(manifest.clusters.map(\.name))
        let renamed = Set(clusterChanges.compactMap(\.change.renamedFrom))
        let targets = Set(resolution.placements.map(\.target))
        let others = steps.nodes.map(\.key)
        for cluster in graph.snapshot.clusters where !named.contains(cluster.name) && !renamed.contains(cluster.name) {
            let ids = graph.objectIDs(onCluster: cluster.name)
            guard !ids.isEmpty, !targets.contains(cluster.name),
                  ids.allSatisfy({ id in graph.object(id).map { resolution.desiredCluster(of: $0) != cluster.name } ?? true })
            else { continue }
            let key = steps.add(
                .dropCluster,
                phase: .cleanup,
                statement: .drop(DropStatement(.cluster, ObjectName(cluster.name))),
                after: others,
                cluster: cluster.name
            )
            let found = hazard(
                .clusterDrop,
                globalAllow,
                "cluster '\(cluster.name)' is empty after the plan and is dropped with its \(cluster.replicas.count) replica\(cluster.replicas.count == 1 ? "" : "s")",
                remedies: ["allow it with `--allow cluster-drop` or `options.allow: [cluster-drop]`", "set `drop_empty_clusters: false` to keep the cluster"]
            )
            clusterChanges.append(PendingClusterChange(
                change: ClusterChange(name: cluster.name, action: .drop, fromSize: cluster.size, fromReplicationFactor: cluster.replicationFactor, hazards: [found]),
                stepKeys: [key]
            ))
        }
    }
}
