import MZPlanCore

/// Positions each slot of the object table depends on and imports, for the frontier pass.
struct FrontierTopology {
    var generation: Int
    var dependencies: [[Int]]
    var imports: [[Int]]
}

extension SimulatedEnvironment {
    /// Default hydration work when the snapshot does not say.
    static let defaultHydrationMs: UInt64 = 10_000

    /// Moves virtual time to `target`: hydration progresses (shared per cluster), staleness
    /// accrues for missing or unhydrated objects, frontiers advance.
    public func advance(to target: UInt64) {
        while timeMs < target {
            var hydrating: [String: [String]] = [:]
            for id in hydrationLeft.keys {
                guard let cluster = objects[id]?.cluster, replicaProblem(cluster) == nil else { continue }
                hydrating[cluster, default: []].append(id)
            }
            var step = Double(target - timeMs)
            for ids in hydrating.values {
                let shortest = ids.compactMap { hydrationLeft[$0] }.min() ?? .infinity
                step = min(step, shortest * Double(ids.count))
            }
            let elapsed = max(1, UInt64(step.rounded(.up)))
            accrueStaleness(elapsed)
            for ids in hydrating.values {
                for id in ids {
                    let left = (hydrationLeft[id] ?? 0) - Double(elapsed) / Double(ids.count)
                    if left <= 0.0001 {
                        hydrationLeft[id] = nil
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

    /// Originals (by name) that are missing, or present and not serving (not hydrated).
    private func accrueStaleness(_ elapsed: UInt64) {
        if missingOriginals.generation != objects.generation {
            var present: Set<QualifiedName> = []
            for object in objects.slots {
                guard let object, object.replacementFor == nil else { continue }
                present.insert(object.qualifiedName)
            }
            missingOriginals = (objects.generation, originalNames.subtracting(present).sorted())
        }
        for name in missingOriginals.names {
            stalenessMs[name, default: 0] += elapsed
        }
        for position in objects.slots.indices {
            guard let object = objects.slots[position], object.replacementFor == nil, object.hydrated == false else { continue }
            switch object.kind {
            case .view, .table, .subsource: continue
            default: break
            }
            if originalNames.contains(object.qualifiedName) { stalenessMs[object.qualifiedName, default: 0] += elapsed }
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
        // Computed from a snapshot of the table, then written back (the snapshot released first,
        // so the writes do not copy the table).
        for (position, upper, since) in computeFrontiers() {
            objects.setFrontier(at: position, upper: upper, since: since)
        }
    }

    /// The frontiers that changed, by position.
    private func computeFrontiers() -> [(position: Int, upper: UInt64?, since: UInt64?)] {
        let topology = currentTopology()
        let slots = objects.slots
        var uppers = [UInt64?](repeating: nil, count: slots.count)
        var computed = [Bool](repeating: false, count: slots.count)
        func upper(_ position: Int, depth: Int) -> UInt64? {
            if computed[position] { return uppers[position] }
            guard let object = slots[position], depth < 256 else { return nil }
            if object.sealed { return object.upperMs }
            let own = timeMs - min(timeMs, object.lagMs ?? 0)
            let dependencies = topology.dependencies[position]
            var value: UInt64
            switch object.kind {
            case .table where object.dependsOn.isEmpty:
                value = own
            case .source, .subsource, .table:
                if object.status == "stalled" || object.status == "paused" {
                    value = object.upperMs ?? own
                } else if object.kind != .source, let first = dependencies.first, let parent = upper(first, depth: depth + 1) {
                    value = min(own, parent)
                } else {
                    value = own
                }
                if object.kind == .source, object.hydrated == false { value = object.upperMs ?? asOf[object.id] ?? own }
            default:
                var lowest = own
                for dependency in dependencies {
                    if let input = upper(dependency, depth: depth + 1) { lowest = min(lowest, input) }
                }
                value = lowest
                if object.hydrated == false {
                    value = object.upperMs ?? asOf[object.id] ?? value
                }
            }
            if let previous = object.upperMs, previous > value { value = previous }
            uppers[position] = value
            computed[position] = true
            return value
        }
        for position in slots.indices where slots[position] != nil { _ = upper(position, depth: 0) }
        var heldBy = [UInt64](repeating: .max, count: slots.count)
        for position in slots.indices {
            guard let object = slots[position], object.replacementFor == nil, let own = uppers[position] else { continue }
            for imported in topology.imports[position] where slots[imported]?.kind != .index {
                heldBy[imported] = min(heldBy[imported], own)
            }
        }
        var changes: [(position: Int, upper: UInt64?, since: UInt64?)] = []
        for position in slots.indices {
            guard let object = slots[position], object.kind != .view else { continue }
            let newUpper = uppers[position]
            var newSince = object.sinceMs
            if let upperValue = newUpper {
                var since = upperValue - min(upperValue, object.retentionMs)
                if object.kind != .index, heldBy[position] != .max { since = min(since, heldBy[position]) }
                let start = asOf.isEmpty ? nil : asOf[object.id]
                if let start { since = max(since, start) }
                if object.replacementFor != nil, let start { since = start }
                newSince = max(object.sinceMs ?? 0, since)
            }
            if newUpper != object.upperMs || newSince != object.sinceMs {
                changes.append((position, newUpper, newSince))
            }
        }
        return changes
    }

    /// Dependency and import positions of every slot, rebuilt when objects come, go or change
    /// what they read.
    private func currentTopology() -> FrontierTopology {
        if let topology, topology.generation == objects.generation { return topology }
        let slots = objects.slots
        let positions = { (ids: [String]) in ids.compactMap { self.objects.position(of: $0) } }
        let built = FrontierTopology(
            generation: objects.generation,
            dependencies: slots.map { positions($0?.dependsOn ?? []) },
            imports: slots.map { positions($0?.imports ?? []) }
        )
        topology = built
        return built
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
        let text = Array(name.name)
        let marker = Array("_mzplan")
        if let start = stride(from: text.count - marker.count, through: 0, by: -1).first(where: { Array(text[$0..<($0 + marker.count)]) == marker }) {
            let original = name.renamed(String(text[..<start]))
            if let known = hydrationByName[original] ?? nil { return known }
        }
        return Self.defaultHydrationMs
    }

    /// The largest lag among an object's inputs: a hydrated dataflow keeps up with them.
    func inheritedLag(_ dependencies: [String]) -> UInt64 {
        dependencies.compactMap { objects[$0]?.lagMs }.max() ?? 0
    }
}
