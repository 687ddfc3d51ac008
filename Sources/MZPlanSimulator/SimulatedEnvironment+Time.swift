import MZPlanCore

extension SimulatedEnvironment {
    /// Default hydration work when the snapshot does not say.
    static let defaultHydrationMs: UInt64 = 10_000

    /// Moves virtual time to `target`: hydration progresses (shared per cluster), staleness
    /// accrues for missing or unhydrated objects, frontiers advance.
    public func advance(to target: UInt64) {
        while timeMs < target {
            var hydrating: [String: [String]] = [:]
            for id in order where hydrationLeft[id] != nil {
                guard let object = objects[id], let cluster = object.cluster, replicaProblem(cluster) == nil else { continue }
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

    private func accrueStaleness(_ elapsed: UInt64) {
        var available: Set<QualifiedName> = []
        for id in order {
            guard let object = objects[id], object.replacementFor == nil else { continue }
            let ready = object.kind == .view || object.kind == .table || object.kind == .subsource || object.hydrated != false
            if ready { available.insert(object.qualifiedName) }
        }
        for name in originalNames where !available.contains(name) {
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
        var uppers: [String: UInt64] = [:]
        func upper(_ id: String, depth: Int) -> UInt64? {
            if let known = uppers[id] { return known }
            guard let object = objects[id], depth < 256 else { return nil }
            if object.sealed { return object.upperMs }
            let own = timeMs - min(timeMs, object.lagMs ?? 0)
            var value: UInt64
            switch object.kind {
            case .table where object.dependsOn.isEmpty:
                value = own
            case .source, .subsource, .table:
                if object.status == "stalled" || object.status == "paused" {
                    value = object.upperMs ?? own
                } else if object.kind != .source, let parent = object.dependsOn.first.flatMap({ upper($0, depth: depth + 1) }) {
                    value = min(own, parent)
                } else {
                    value = own
                }
                if object.kind == .source, object.hydrated == false { value = object.upperMs ?? asOf[id] ?? own }
            default:
                let inputs = object.dependsOn.compactMap { upper($0, depth: depth + 1) }
                value = min(own, inputs.min() ?? own)
                if object.hydrated == false {
                    value = object.upperMs ?? asOf[id] ?? value
                }
            }
            if let previous = object.upperMs, previous > value { value = previous }
            uppers[id] = value
            return value
        }
        for id in order { _ = upper(id, depth: 0) }
        var heldBy: [String: UInt64] = [:]
        for id in order {
            guard let object = objects[id], object.replacementFor == nil, let own = uppers[id] else { continue }
            for imported in object.imports where objects[imported]?.kind != .index {
                heldBy[imported] = min(heldBy[imported] ?? .max, own)
            }
        }
        for id in order {
            guard var object = objects[id] else { continue }
            let newUpper = uppers[id]
            if object.kind != .view { object.upperMs = newUpper }
            if let upperValue = newUpper, object.kind != .view {
                var since = upperValue - min(upperValue, object.retentionMs)
                if object.kind != .index, let held = heldBy[id] { since = min(since, held) }
                if let start = asOf[id] { since = max(since, start) }
                if object.replacementFor != nil, let start = asOf[id] { since = start }
                object.sinceMs = max(object.sinceMs ?? 0, since)
            }
            objects[id] = object
        }
    }

    /// What a new dataflow on `cluster` reading `dependencies` imports (views expanded: an index
    /// there on each relation, else its storage) and its as_of, the largest since among them.
    func importsAndAsOf(_ dependencies: [String], on cluster: String) -> (imports: [String], asOf: UInt64) {
        var imports: [String] = []
        var visited: Set<String> = []
        var pending = dependencies
        while let id = pending.popLast() {
            guard visited.insert(id).inserted, let relation = objects[id] else { continue }
            if let index = order.lazy.compactMap({ self.objects[$0] }).first(where: { $0.kind == .index && $0.on == id && $0.cluster == cluster }) {
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
