import MZPlanCore

extension SimulatedEnvironment {
    /// Default hydration work when the snapshot does not say.
    static let defaultHydrationMs: UInt64 = 10_000

    /// Moves virtual time to `target`: hydration progresses (shared per cluster), staleness
    /// accrues for missing or unhydrated objects, frontiers advance.
    package func advance(to target: UInt64) {
        while timeMs < target {
            var hydrating: [String: [String]] = [:]
            var healthy: [String: Bool] = [:]
            for id in hydrationLeft.keys {
                guard let position = objects.position(of: id), let cluster = objects.rows[position].cluster else { continue }
                if healthy[cluster] == nil { healthy[cluster] = replicaProblem(cluster) == nil }
                if healthy[cluster] == true { hydrating[cluster, default: []].append(id) }
            }
            var step = Double(target - timeMs)
            for ids in hydrating.values {
                let shortest = ids.compactMap { hydrationLeft[$0] }.min() ?? .infinity
                step = min(step, shortest * Double(ids.count))
            }
            let elapsed = max(1, UInt64(step.rounded(.up)))
            accrueStaleness(elapsed)
            if !interrupted.isEmpty { accrueDowntime(elapsed) }
            for ids in hydrating.values {
                for id in ids {
                    let left = (hydrationLeft[id] ?? 0) - Double(elapsed) / Double(ids.count)
                    if left <= 0.0001 {
                        hydrationLeft[id] = nil
                        interrupted.remove(id)
                        objects[id]?.hydrated = true
                        sealIfDone(id)
                        if objects[id]?.kind == .source || objects[id]?.kind == .sink, objects[id]?.status == "starting" {
                            objects[id]?.status = "running"
                        }
                    } else {
                        hydrationLeft[id] = left
                    }
                }
            }
            timeMs += elapsed
        }
        updateFrontiers()
    }

    /// Objects that stop serving and rehydrate: their cluster's replicas were replaced.
    func restart(_ ids: [String]) {
        for id in ids {
            guard let object = objects[id], object.cluster != nil else { continue }
            if object.hydrated != false { interrupted.insert(id) }
            objects[id]?.hydrated = false
            hydrationLeft[id] = Double(object.hydrationTimeMs ?? Self.defaultHydrationMs)
        }
    }

    /// Lets virtual time run until every object a restart took offline serves again, for at
    /// most `limitMs` (a cluster without replicas never rehydrates): the downtime of the last
    /// resize is measured whole even when it is the apply's last statement.
    package func settle(limitMs: UInt64 = 24 * 3_600_000) {
        let end = timeMs + limitMs
        while !interrupted.isEmpty, timeMs < end {
            let work = interrupted.reduce(0.0) { $0 + (hydrationLeft[$1] ?? 0) }
            advance(to: min(end, timeMs + max(1000, UInt64(work.rounded(.up)))))
        }
    }

    /// Downtime of the clusters with an interrupted object.
    private func accrueDowntime(_ elapsed: UInt64) {
        var down: Set<String> = []
        var computeDown: Set<String> = []
        for id in interrupted {
            guard let object = objects[id], let cluster = object.cluster else { continue }
            down.insert(cluster)
            if object.kind == .index || object.kind == .materializedView { computeDown.insert(cluster) }
        }
        for cluster in down { downtimeMs[cluster, default: 0] += elapsed }
        for cluster in computeDown { computeDowntimeMs[cluster, default: 0] += elapsed }
    }

    /// Originals (by name) that are missing, or present and not serving: not hydrated (every
    /// dataflow that is not hydrated has hydration work left).
    private func accrueStaleness(_ elapsed: UInt64) {
        if missingOriginals.generation != objects.generation {
            var present: Set<QualifiedName> = []
            var original = [Bool](repeating: false, count: objects.slots.count)
            for (position, object) in objects.slots.enumerated() {
                guard let object, object.replacementFor == nil else { continue }
                present.insert(object.qualifiedName)
                original[position] = originalNames.contains(object.qualifiedName)
            }
            missingOriginals = (objects.generation, originalNames.subtracting(present).sorted(), original)
        }
        for name in missingOriginals.names {
            stalenessMs[name, default: 0] += elapsed
        }
        for id in hydrationLeft.keys {
            guard let position = objects.position(of: id), !objects.rows[position].isReplacement, objects.rows[position].hydrated == false,
                  missingOriginals.original[position], let name = objects.slots[position]?.qualifiedName else { continue }
            stalenessMs[name, default: 0] += elapsed
        }
    }

    /// A materialized view that refreshes only `AT` given times has computed its output for all
    /// times once hydrated: its upper becomes the empty frontier.
    private func sealIfDone(_ id: String) {
        guard let object = objects[id], object.kind == .materializedView, object.replacementFor == nil,
              let sql = object.createSQL, case .createMaterializedView(let statement)? = try? Statement(parsing: sql),
              statement.options.refreshesOnlyAt else { return }
        objects[id]?.sealed = true
        objects[id]?.upperMs = nil
    }

    /// Uppers from the clock, lags and inputs; sinces from retention, holds and as_ofs.
    func updateFrontiers() {
        // Computed from a copy of the rows, then written back (the copy released first, so the
        // writes do not copy the table).
        for (position, upper, since) in computeFrontiers() {
            objects.setFrontier(at: position, upper: upper, since: since)
        }
    }

    /// The frontiers that changed, by position.
    private func computeFrontiers() -> [(position: Int, upper: UInt64?, since: UInt64?)] {
        let rows = objects.rows
        let dependencies = objects.dependencyPositions
        let starts = asOfPositions()
        var uppers = [UInt64?](repeating: nil, count: rows.count)
        var computed = [Bool](repeating: false, count: rows.count)
        let now = timeMs
        func upper(_ position: Int, depth: Int) -> UInt64? {
            if computed[position] { return uppers[position] }
            let row = rows[position]
            guard row.alive, depth < 256 else { return nil }
            if row.sealed { return row.upperMs }
            let own = now - min(now, row.lagMs)
            var value: UInt64
            switch row.kind {
            case .table where row.readsNothing:
                value = own
            case .source, .subsource, .table:
                if row.stalled {
                    value = row.upperMs ?? own
                } else if row.kind != .source, let first = dependencies[position].first, let parent = upper(first, depth: depth + 1) {
                    value = min(own, parent)
                } else {
                    value = own
                }
                if row.kind == .source, row.hydrated == false { value = row.upperMs ?? starts[position] ?? own }
            default:
                var lowest = own
                for dependency in dependencies[position] {
                    if let input = upper(dependency, depth: depth + 1) { lowest = min(lowest, input) }
                }
                value = lowest
                if row.hydrated == false {
                    value = row.upperMs ?? starts[position] ?? value
                }
            }
            if let previous = row.upperMs, previous > value { value = previous }
            uppers[position] = value
            computed[position] = true
            return value
        }
        for position in rows.indices where rows[position].alive { _ = upper(position, depth: 0) }
        var heldBy = [UInt64](repeating: .max, count: rows.count)
        for position in rows.indices where rows[position].alive && !rows[position].isReplacement {
            guard let own = uppers[position] else { continue }
            for imported in objects.importPositions[position] where rows[imported].kind != .index {
                heldBy[imported] = min(heldBy[imported], own)
            }
        }
        var changes: [(position: Int, upper: UInt64?, since: UInt64?)] = []
        for position in rows.indices {
            let row = rows[position]
            guard row.alive, row.kind != .view else { continue }
            let newUpper = uppers[position]
            var newSince = row.sinceMs
            if let upperValue = newUpper {
                var since = upperValue - min(upperValue, row.retentionMs)
                if row.kind != .index, heldBy[position] != .max { since = min(since, heldBy[position]) }
                if let start = starts[position] { since = row.isReplacement ? start : max(since, start) }
                newSince = max(row.sinceMs ?? 0, since)
            }
            if newUpper != row.upperMs || newSince != row.sinceMs {
                changes.append((position, newUpper, newSince))
            }
        }
        return changes
    }

    /// ``asOf`` by position, cached until either changes.
    private func asOfPositions() -> [UInt64?] {
        if let cached = asOfByPosition, cached.generation == objects.generation { return cached.values }
        var values = [UInt64?](repeating: nil, count: objects.rows.count)
        for (id, start) in asOf {
            if let position = objects.position(of: id) { values[position] = start }
        }
        asOfByPosition = (objects.generation, values)
        return values
    }

    /// What a new dataflow on `cluster` reading `dependencies` imports (views expanded: an index
    /// there on each relation, else its storage) and its as_of, the largest since among them.
    func importsAndAsOf(_ dependencies: [String], on cluster: String) -> (imports: [String], asOf: UInt64) {
        var imports: [String] = []
        var visited: Set<String> = []
        var pending = dependencies
        while let id = pending.popLast() {
            guard visited.insert(id).inserted, let relation = objects[id] else { continue }
            if let index = objects.indexes(on: id).first(where: { $0.cluster == cluster }) {
                imports.append(index.id)
            } else if relation.kind == .view {
                pending.append(contentsOf: relation.dependsOn)
            } else if relation.kind != .index {
                imports.append(id)
            }
        }
        let asOf = imports.compactMap { objects[$0]?.sinceMs }.max() ?? timeMs
        return (imports.sorted(), asOf)
    }

    /// Hydration work for a new object: its own name's, or its original's for a `<name>_mzplan…` temporary.
    func hydrationTime(for name: QualifiedName) -> UInt64 {
        if let known = hydrationByName[name] ?? nil { return known }
        return hydrationByName[Self.lineage(of: name)].flatMap { $0 } ?? Self.defaultHydrationMs
    }

    /// The largest lag among an object's inputs: a hydrated dataflow keeps up with them.
    func inheritedLag(_ dependencies: [String]) -> UInt64 {
        dependencies.compactMap { objects[$0]?.lagMs }.max() ?? 0
    }
}
