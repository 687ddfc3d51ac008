extension PlanBuilder {
    /// `capacity` where a cluster's projected memory (``MemoryProjection``) exceeds
    /// `options.memory_limit` of one replica's memory: on every move into it, or on its resize
    /// when nothing moves in. When the snapshot has memory figures, clusters it cannot check
    /// (a size or objects without them) are named in one note; a snapshot without any (taken
    /// before SPEC §10.2, or from Materialize before v26.35) skips the check without one.
    mutating func checkMemoryCapacity() {
        let percent = manifest.options.memoryLimitPercent
        // What arrives on each cluster: the object and the move that brings it (a blue-green
        // source move brings second copies of the dataflows that stay where they are).
        var incoming: [String: [(move: Int, object: String)]] = [:]
        var leaving: [String: Set<String>] = [:]
        for (index, pending) in moves.enumerated() where pending.move.to != pending.move.from {
            incoming[pending.move.to, default: []].append((index, pending.move.id))
            leaving[pending.move.from, default: []].insert(pending.move.id)
        }
        if !blueGreenCopies.isEmpty {
            // The first move of each id, as a search from the start would find it.
            var moveIndexByID: [String: Int] = [:]
            for (index, pending) in moves.enumerated() where moveIndexByID[pending.move.id] == nil { moveIndexByID[pending.move.id] = index }
            for copy in blueGreenCopies {
                guard let index = moveIndexByID[copy.rootID] else { continue }
                incoming[copy.cluster, default: []].append((index, copy.id))
            }
        }
        var resized: [String: Int] = [:]
        for (index, pending) in clusterChanges.enumerated()
        where pending.change.action == .alter && pending.change.strategy != .blueGreen && pending.change.size != pending.change.fromSize {
            resized[pending.change.name] = index
        }
        var unchecked: [String] = []
        for cluster in Set(incoming.keys).union(resized.keys).sorted() {
            var projection = MemoryProjection(cluster: cluster, size: plannedSize(of: cluster).flatMap(graph.snapshot.size(named:)))
            let leavingHere = leaving[cluster] ?? []
            let objects = graph.objects
            for position in graph.positions(onCluster: cluster) {
                let object = objects[position]
                if leavingHere.contains(object.id) { projection.addLeaving(object) } else { projection.addStaying(object) }
            }
            for arrival in incoming[cluster] ?? [] {
                guard let object = graph.object(arrival.object) else { continue }
                projection.addIncoming(object)
                for read in storageReads[object.id] ?? [] { projection.addArrangement(read) }
            }
            projection.sortIncoming()
            switch projection.exceeds(percent: percent) {
            case nil:
                unchecked.append(uncheckedReason(projection))
            case false?:
                continue
            case true?:
                let reads = (incoming[cluster] ?? []).flatMap { storageReads[$0.object] ?? [] }
                if incoming[cluster] == nil, let index = resized[cluster] {
                    clusterChanges[index].change.hazards.append(memoryHazard(projection, percent: percent, reads: reads, allowed: globalAllow))
                }
                for index in Set((incoming[cluster] ?? []).map(\.move)).sorted() {
                    let allowed = resolution.placement(of: moves[index].move.id)?.allowed ?? globalAllow
                    moves[index].move.hazards.append(memoryHazard(projection, percent: percent, reads: reads, allowed: allowed))
                }
            }
        }
        if !unchecked.isEmpty, snapshotHasMemoryFigures {
            warnings.append(Diagnostic(
                .note,
                code: "plan.memory-unknown",
                "memory capacity not checked for \(unchecked.joined(separator: "; ")): mzplan needs the sizes' memory_bytes and the objects' memory_bytes (mz_object_arrangement_sizes) in the snapshot"
            ))
        }
    }

    private var snapshotHasMemoryFigures: Bool {
        graph.snapshot.sizes?.contains { $0.memoryBytes != nil } == true || graph.snapshot.objects.contains { $0.memoryBytes != nil }
    }

    /// The size `cluster` has once the plan ran: the manifest's (a blue-green temporary cluster
    /// has its original's), else the catalog's.
    private func plannedSize(of cluster: String) -> String? {
        let name = finalName(ofCluster: cluster)
        if let size = clusterChanges.last(where: { $0.change.name == name && $0.change.action != .drop })?.change.size {
            return size
        }
        let current = graph.cluster(named: name)
        return current?.size ?? current?.replicas.lazy.compactMap(\.size).first
    }

    private func uncheckedReason(_ projection: MemoryProjection) -> String {
        let name = "'\(finalName(ofCluster: projection.cluster))'"
        guard let size = projection.size else { return name + " (its size is unknown)" }
        guard projection.capacityBytes != nil else { return name + " (size \(size.name) has no memory figure)" }
        return name + " (none of its \(projection.unknown) objects has a memory figure)"
    }

    private func memoryHazard(_ projection: MemoryProjection, percent: Int, reads: [StorageRead], allowed: Set<HazardCode>) -> Hazard {
        let cluster = finalName(ofCluster: projection.cluster)
        let bytes = ByteText.describe
        let shown = projection.incoming.prefix(3).map { "\($0.label) \(bytes($0.bytes))" }
        let more = projection.incoming.count > 3 ? ", and \(projection.incoming.count - 3) more" : ""
        var parts: [String] = []
        if !projection.incoming.isEmpty {
            parts.append("\(bytes(projection.incomingBytes)) moving in (" + shown.joined(separator: ", ") + more + ")")
        }
        parts.append("\(bytes(projection.staying)) staying")
        if projection.leaving > 0 { parts.append("\(bytes(projection.leaving)) leaving, held until their moves cut over") }
        let unknown = projection.unknown > 0 ? "; \(projection.unknown) object\(projection.unknown == 1 ? "" : "s") without a memory figure not counted" : ""
        let size = projection.size!
        let when = projection.incoming.isEmpty ? "after its resize" : "while the moves hydrate"
        let message = "cluster '\(cluster)' would hold about \(bytes(projection.peakBytes)) \(when) (\(parts.joined(separator: "; "))\(unknown)), "
            + "above \(percent)% (\(bytes(projection.limitBytes(percent: percent)!))) of the \(bytes(projection.capacityBytes!)) a \(size.name) replica has: "
            + "it would run out of memory and restart in a loop"
        var remedies: [String] = []
        if let fitting = projection.smallestFitting(among: graph.snapshot.sizes ?? [], percent: percent) {
            remedies.append("give '\(cluster)' `size: \(fitting.name)` in the manifest: the smallest size whose replica (\(bytes(fitting.replicaMemoryBytes!))) holds it under the limit")
        } else {
            remedies.append("no size this Materialize offers holds it under the limit: spread the objects over more clusters")
        }
        remedies.append("move fewer objects to '\(cluster)' in one plan")
        for read in reads.prefix(3) {
            remedies.append("keep '\(read.view.qualifiedName)' on '\(read.from)' beside '\(read.index.qualifiedName)': on '\(cluster)' it would arrange '\(read.relation.qualifiedName)' itself")
        }
        return hazard(.capacity, allowed, message, remedies: remedies)
    }
}
