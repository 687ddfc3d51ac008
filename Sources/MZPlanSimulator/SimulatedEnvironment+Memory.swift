import MZPlanCore

extension SimulatedEnvironment {
    /// What a new object's dataflow holds: its own name's figure, or its original's for a
    /// `<name>_mzplan…` temporary; nil when the snapshot did not say.
    func memory(for name: QualifiedName) -> UInt64? {
        memoryByName[name] ?? memoryByName[Self.lineage(of: name)]
    }

    /// Replicas whose cluster's dataflows need more memory than one replica has (its size's
    /// `memory_bytes × processes`) are OOM-killed in a loop: they report 3 OOM kills, every
    /// dataflow on the cluster restarts and none hydrates (the readiness gate sees the loop).
    /// Once the dataflows fit again, the replicas recover. Runs after every statement.
    func updateMemoryPressure() {
        guard let sizes, sizes.contains(where: { $0.memoryBytes != nil }) else { return }
        let load = table.memoryByCluster
        for index in clusters.indices {
            let cluster = clusters[index]
            let sizeName = cluster.size ?? cluster.replicas.lazy.compactMap(\.size).first
            guard let capacity = sizeName.flatMap({ name in sizes.first { $0.name == name } })?.replicaMemoryBytes else { continue }
            if load[cluster.name, default: 0] > capacity, !cluster.replicas.isEmpty {
                guard memoryLooping.insert(cluster.name).inserted else { continue }
                for replica in clusters[index].replicas.indices { clusters[index].replicas[replica].oomKills24h = 3 }
                restart(objects.slots.compactMap { $0?.cluster == cluster.name ? $0?.id : nil })
            } else if memoryLooping.remove(cluster.name) != nil, !faults.oomClusters.contains(cluster.name) {
                for replica in clusters[index].replicas.indices { clusters[index].replicas[replica].oomKills24h = 0 }
            }
        }
    }
}
