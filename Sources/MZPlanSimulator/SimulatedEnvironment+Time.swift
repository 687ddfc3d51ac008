import MZPlanCore

extension SimulatedEnvironment {
    /// Default hydration work when the snapshot does not say.
    static let defaultHydrationMs: UInt64 = 10_000

    /// Moves virtual time to `target`: hydration progresses (shared per cluster), staleness
    /// accrues for missing or unhydrated objects, frontiers advance (lazily: ``refreshFrontiers()``).
    ///
    /// Nothing but hydration changes while time passes, so what the slices between two
    /// hydrations finishing need is worked out once: the dataflows hydrating on healthy clusters
    /// with the work they have left, and the originals that are stale (missing, or hydrating).
    package func advance(to target: UInt64) {
        defer { settleFrontiers() }
        guard timeMs < target else { return }
        let presence = followOriginals()
        var kept = currentSlices(originals: presence)
        // Out of the environment while the slices change: nothing else reads them meanwhile.
        slices = nil
        let start = timeMs
        while timeMs < target {
            var step = Double(target - timeMs)
            for group in kept.groups where !group.isEmpty {
                step = min(step, group.lazy.map(\.left).min()! * Double(group.count))
            }
            let elapsed = max(1, UInt64(step.rounded(.up)))
            if !interrupted.isEmpty { accrueDowntime(elapsed) }
            for index in kept.groups.indices where !kept.groups[index].isEmpty {
                let share = Double(elapsed) / Double(kept.groups[index].count)
                var finished = false
                for member in kept.groups[index].indices {
                    kept.groups[index][member].left -= share
                    finished = finished || kept.groups[index][member].left <= 0.0001
                }
                guard finished else { continue }
                var remaining: [HydrationSlices.Member] = []
                for member in kept.groups[index] {
                    guard member.left <= 0.0001 else {
                        remaining.append(member)
                        continue
                    }
                    finishHydrating(member.id)
                    if let name = member.staleName {
                        storedStalenessMs[name, default: 0] += timeMs + elapsed - kept.accruedUntilMs
                    }
                }
                kept.groups[index] = remaining
            }
            timeMs += elapsed
        }
        for name in presence.missing {
            storedStalenessMs[name, default: 0] += timeMs - start
        }
        slices = kept
    }

    /// A dataflow has done its hydration work: it serves (a source or sink starts running).
    private func finishHydrating(_ id: String) {
        storedHydrationLeft[id] = nil
        interrupted.remove(id)
        table[id]?.hydrated = true
        sealIfDone(id)
        if table[id]?.kind == .source || table[id]?.kind == .sink, table[id]?.status == "starting" {
            table[id]?.status = "running"
        }
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
            guard let object = table[id], let cluster = object.cluster else { continue }
            down.insert(cluster)
            if object.kind == .index || object.kind == .materializedView { computeDown.insert(cluster) }
        }
        for cluster in down { downtimeMs[cluster, default: 0] += elapsed }
        for cluster in computeDown { computeDowntimeMs[cluster, default: 0] += elapsed }
    }

    /// Originals (by name) that are missing, and the positions that hold one, after the
    /// catalog's latest changes.
    private func followOriginals() -> OriginalPresence {
        if originals == nil { originals = OriginalPresence(originalNames: originalNames, table: table) }
        // In place: a copy taken out and stored back would copy its flag per position at every change.
        originals!.follow(table, originalNames: originalNames)
        return originals!
    }

    /// A hydrated dataflow has computed its output for all times, and its upper becomes the empty
    /// frontier, when it is a materialized view that refreshes only `AT` given times, or an index
    /// or materialized view whose inputs are all complete (``SnapshotFrontiers``). The dataflows
    /// that read only complete inputs then are sealed in turn.
    private func sealIfDone(_ id: String) {
        guard let object = table[id], object.hydrated != false, !object.sealed, SnapshotFrontiers.sealsWithInputs(object),
              Self.refreshesOnlyAt(object) || inputsComplete(object, depth: 0) else { return }
        table[id]?.sealed = true
        table[id]?.upperMs = nil
        sealReaders(of: id, depth: 0)
    }

    private static func refreshesOnlyAt(_ object: CatalogObject) -> Bool {
        guard object.kind == .materializedView, let sql = object.createSQL,
              case .createMaterializedView(let statement)? = try? Statement(parsing: sql) else { return false }
        return statement.options.refreshesOnlyAt
    }

    /// Seals the dataflows reading `id` (through views) that now read only complete inputs.
    private func sealReaders(of id: String, depth: Int) {
        guard depth < 256 else { return }
        for position in table.positions(naming: id) {
            guard let reader = table.slots[position], SnapshotFrontiers.inputs(of: reader).contains(id) else { continue }
            if reader.kind == .view {
                if inputsComplete(reader, depth: depth + 1) { sealReaders(of: reader.id, depth: depth + 1) }
            } else {
                sealIfDone(reader.id)
            }
        }
    }

    /// Every input of `object` is sealed, or a view over complete inputs; false without inputs.
    private func inputsComplete(_ object: CatalogObject, depth: Int) -> Bool {
        guard depth < 256 else { return false }
        return SnapshotFrontiers.readsOnlyComplete(object) { id in
            guard let input = table[id] else { return false }
            return input.sealed || (input.kind == .view && inputsComplete(input, depth: depth + 1))
        }
    }

    /// After time passed: the frontiers are stale, and the pass runs at once while an object
    /// without an upper would take the one it computes now and keep it (a dataflow that is not
    /// hydrated, a stalled source): computed later, it would be a later one.
    private func settleFrontiers() {
        uppersToSettle.removeAll { id in
            guard let position = table.position(of: id), asOf[id] == nil else { return true }
            let row = table.rows[position]
            return row.upperMs != nil || row.sealed || (row.hydrated != false && !row.stalled)
        }
        frontiersStale = true
        guard !uppersToSettle.isEmpty else { return }
        refreshFrontiers()
        uppersToSettle.removeAll { id in table.position(of: id).map { table.rows[$0].upperMs != nil } ?? true }
    }

    /// Runs the frontier pass when time passed or the catalog changed since the last one.
    func refreshFrontiers() {
        guard frontiersStale else { return }
        frontiersStale = false
        updateFrontiers()
    }

    /// Uppers from the clock, lags and inputs; sinces from retention, holds and as_ofs.
    ///
    /// Frontiers are computed lazily, and that gives the same values as a pass after every tick:
    /// between two changes of the catalog an upper only grows with the clock (a dataflow that is
    /// not hydrated keeps the upper it had, and it stops hydrating only in a statement, which runs
    /// the pass first), so computing it late is computing the last of the values it went through.
    func updateFrontiers() {
        awaitingFirstPass = []
        // Computed from a copy of the rows, then written back (the copy released first, so the
        // writes do not copy the table).
        for (position, upper, since) in computeFrontiers() {
            table.setFrontier(at: position, upper: upper, since: since)
        }
    }

    /// The frontier pass for the objects `ids`, their readers and what they import, only: each
    /// gets the upper and since the pass would give it now. For a statement that changes what
    /// those objects' frontiers are computed from; any later pass goes on from these values as
    /// it would have from a pass run now.
    func refreshFrontiers(of ids: [String]) {
        var positions: Set<Int> = []
        for id in ids {
            guard let position = table.position(of: id) else { continue }
            positions.insert(position)
            positions.formUnion(table.positions(naming: id))
            positions.formUnion(table.importPositions[position])
        }
        refreshFrontiers(at: positions.sorted())
    }

    /// The frontier pass for the objects at `positions` only (see ``refreshFrontiers(of:)``).
    func refreshFrontiers(at positions: [Int]) {
        guard frontiersStale else { return }
        for (position, upper, since) in frontiers(at: positions) {
            table.setFrontier(at: position, upper: upper, since: since)
        }
    }

    /// Gives the objects that came without an upper the frontiers the pass would give them now,
    /// when it is stale (what a statement that runs it does for every object).
    func settleNewObjects() {
        guard frontiersStale, !awaitingFirstPass.isEmpty else { return }
        refreshFrontiers(at: awaitingFirstPass.compactMap { table.position(of: $0) }.sorted())
        awaitingFirstPass = []
    }

    /// The sinces the frontier pass would give the objects at `positions` now.
    private func sinces(at positions: [Int]) -> [UInt64] {
        var frontiers = currentUppers()
        return positions.compactMap { position in frontiers.since(at: position, in: table, start: table.slots[position].flatMap { asOf[$0.id] }) }
    }

    /// What the frontier pass would set at `positions` now (computed before anything is written).
    private func frontiers(at positions: [Int]) -> [(position: Int, upper: UInt64?, since: UInt64?)] {
        var frontiers = currentUppers()
        return positions.compactMap { position in
            let row = table.rows[position]
            guard row.alive, row.kind != .view, let id = table.slots[position]?.id else { return nil }
            return (position, frontiers.upper(at: position), frontiers.since(at: position, in: table, start: asOf[id]))
        }
    }

    /// Uppers as the frontier pass would compute them now, for a few objects: the stored ones
    /// when they are current, else computed from what each reads, shared among the objects asked about.
    func currentUppers() -> SparseUppers {
        SparseUppers(rows: table.rows, evaluation: frontiersStale ? UpperEvaluation(table: table, starts: asOfPositions(), nowMs: timeMs) : nil, memo: upperMemo)
    }

    /// The frontiers that changed, by position.
    private func computeFrontiers() -> [(position: Int, upper: UInt64?, since: UInt64?)] {
        let rows = table.rows
        let starts = asOfPositions()
        var evaluation = UpperEvaluation(table: table, starts: starts, nowMs: timeMs)
        var memo = DenseUpperMemo(count: rows.count)
        for position in rows.indices where rows[position].alive { _ = evaluation.upper(position, memo: &memo) }
        let uppers = memo.values
        let importPositions = table.importPositions
        var heldBy = [UInt64](repeating: .max, count: rows.count)
        for position in rows.indices where rows[position].alive && !rows[position].isReplacement {
            guard let own = uppers[position] else { continue }
            for imported in importPositions[position] where !rows[imported].isIndex {
                heldBy[imported] = min(heldBy[imported], own)
            }
        }
        var changes: [(position: Int, upper: UInt64?, since: UInt64?)] = []
        for position in rows.indices {
            guard rows[position].alive, rows[position].kind != .view else { continue }
            let newUpper = uppers[position]
            let newSince = rows[position].since(upper: newUpper, heldBy: heldBy[position], start: starts[position])
            if newUpper != rows[position].upperMs || newSince != rows[position].sinceMs {
                changes.append((position, newUpper, newSince))
            }
        }
        return changes
    }

    /// ``asOf`` by position.
    func asOfPositions() -> [UInt64?] {
        asOf.byPosition(in: table)
    }

    /// What a new dataflow on `cluster` reading `dependencies` imports (views expanded: an index
    /// there on each relation, else its storage) and its as_of, the largest since among them: the
    /// sinces as the frontier pass would give them now, computed for those imports only. The new
    /// dataflow's hold on them starts here, so their frontiers are brought up to date as well.
    func importsAndAsOf(_ dependencies: [String], on cluster: String) -> (imports: [String], asOf: UInt64) {
        var imports: [String] = []
        var visited: Set<String> = []
        var pending = dependencies
        while let id = pending.popLast() {
            guard visited.insert(id).inserted, let relation = table[id] else { continue }
            if let index = table.indexes(on: id).first(where: { $0.cluster == cluster }) {
                imports.append(index.id)
            } else if relation.kind == .view {
                pending.append(contentsOf: relation.dependsOn)
            } else if relation.kind != .index {
                imports.append(id)
            }
        }
        let positions = imports.compactMap { table.position(of: $0) }
        let start = sinces(at: positions).max()
        refreshFrontiers(at: positions.sorted())
        return (imports.sorted(), start ?? timeMs)
    }

    /// Hydration work for a new object: its own name's, or its original's for a `<name>_mzplan…` temporary.
    func hydrationTime(for name: QualifiedName) -> UInt64 {
        if let known = hydrationByName[name] ?? nil { return known }
        return hydrationByName[Self.lineage(of: name)].flatMap { $0 } ?? Self.defaultHydrationMs
    }

    /// The largest lag among an object's inputs: a hydrated dataflow keeps up with them.
    func inheritedLag(_ dependencies: [String]) -> UInt64 {
        dependencies.compactMap { table[$0]?.lagMs }.max() ?? 0
    }
}
