extension PlanBuilder {
    /// Materialized view moves: `replace` (the default: a replacement view on the target,
    /// pre-hydrated, then `APPLY REPLACEMENT`) or `native` (`ALTER … SET CLUSTER`, opt-in),
    /// each checked for frontier feasibility. A sealed view cannot be replaced: it is blocked
    /// with `sealed-view` unless recreated (see ``planRecreates()``, which runs first).
    mutating func planMaterializedViewMoves() {
        var checker = FeasibilityChecker(graph: graph, plannedIndexes: plannedIndexes)
        for change in clusterChanges where change.change.action == .rename {
            if let old = change.change.renamedFrom { checker.renamedClusters[old] = change.change.name }
        }
        let pending = pendingMoves(of: .materializedView)
        // The replacements' statements, each parsed from and checked against the view's SQL, are
        // built up front, in two halves on two threads when there are many; their names first, in order.
        let replaced = pending.filter(Self.isReplaced)
        let temporaries = replaced.map { temporaryNames.name(for: $0.object.qualifiedName) }
        let statements = ParallelPair.map(replaced.count, threshold: Self.parallelReplacementCount) { [rebuild] index in
            Result { () throws(RebuildProblem) in
                let view = replaced[index].object
                return try rebuild.checked(.createMaterializedView(try rebuild.replacement(for: view, named: temporaries[index], on: replaced[index].target)), for: view)
            }
        }
        var next = 0
        for placement in pending {
            let verdict = checker.check(placement.object, on: placement.target, strategy: placement.strategy)
            if Self.isReplaced(placement) {
                planReplacement(placement, verdict, named: temporaries[next], statement: statements[next])
                next += 1
            } else if placement.strategy == .native {
                planNativeMove(placement, verdict)
            } else {
                appendSealedMove(placement)
            }
        }
    }

    /// Does the move build a replacement view? Not with `native`, and not for a sealed view.
    private static func isReplaced(_ placement: Placement) -> Bool {
        placement.strategy != .native && !placement.object.sealed
    }

    /// From this many replacements on, their statements are built on two threads.
    private static let parallelReplacementCount = 256

    private mutating func planReplacement(
        _ placement: Placement,
        _ verdict: FeasibilityChecker.Verdict,
        named temporary: QualifiedName,
        statement: Result<Statement, RebuildProblem>
    ) {
        let view = placement.object
        let target = placement.target
        let replacement: Statement
        switch statement {
        case .success(let built): replacement = built
        case .failure(let problem): return appendRefusedMove(placement, strategy: .replace, problem)
        }
        var hazards = feasibilityHazards(placement, verdict)
        var keys: [Int] = []
        var replacementPrerequisites: [Int] = []
        if let existingID = graph.replacementByTarget[view.id], let existing = graph.object(existingID) {
            let risky = graph.snapshot.version.flatMap(MaterializeVersion.init)?.droppingReplacementMaySealTarget ?? false
            var found = hazard(
                .replacementExists,
                placement.allowed,
                "a replacement for '\(view.qualifiedName)' is already in flight ('\(existing.qualifiedName)'); Materialize allows one at a time"
                    + (risky ? "; mzplan will not drop it: \(MaterializeVersion.replacementDropRisk)" : ""),
                remedies: risky ? ["apply it, or upgrade to v26.13 or later before dropping it"] : [
                    "apply or drop it first: DROP MATERIALIZED VIEW \(existing.qualifiedName.sql)",
                    "allow `replacement-exists` to have mzplan drop it before creating its own",
                ]
            )
            if risky { found.allowed = false }
            hazards.append(found)
            if found.allowed {
                let dropKey = steps.add(
                    .dropReplacement,
                    phase: .prepare,
                    statement: .drop(DropStatement(.materializedView, ObjectName(existing.qualifiedName))),
                    object: existing.qualifiedName,
                    cluster: existing.cluster
                )
                keys.append(dropKey)
                replacementPrerequisites.append(dropKey)
            }
        }
        let createKey = steps.add(
            .createReplacement,
            phase: .hydrate,
            statement: replacement,
            after: replacementPrerequisites,
            wait: StepWait(until: .ready, object: temporary, standsInFor: view.qualifiedName),
            object: temporary,
            cluster: target,
            estimatedMs: view.hydrationTimeMs ?? PlanBuilder.defaultHydrationMs
        )
        dependOnPrerequisites(of: createKey, on: target, verdict)
        let applyKey = steps.add(
            .applyReplacement,
            phase: .cutover,
            statement: .alter(AlterStatement(.materializedView, ObjectName(view.qualifiedName), .applyReplacement(ObjectName(temporary)))),
            after: [createKey],
            object: view.qualifiedName,
            cluster: target,
            estimatedMs: verdict.feasibility == .wait ? verdict.check.estimatedWaitMs ?? 0 : 0
        )
        appendViewMove(
            placement,
            verdict,
            strategy: .replace,
            reason: "a replacement view on '\(target)' takes over writing: name, shard and history are kept; the view takes the replacement's id",
            hazards: hazards,
            stalenessMs: 0,
            stepKeys: keys + [createKey, applyKey],
            cutoverKey: applyKey
        )
    }

    private mutating func planNativeMove(_ placement: Placement, _ verdict: FeasibilityChecker.Verdict) {
        let view = placement.object
        let target = placement.target
        var hazards = [hazard(
            .nativeSetClusterExperimental,
            placement.allowed,
            "ALTER MATERIALIZED VIEW … SET CLUSTER is not supported by today's Materialize (it needs an internal feature flag and then fails); the view also rehydrates from scratch on '\(target)'",
            remedies: ["use `strategy: replace` (the default), which moves the view without downtime"]
        )]
        hazards += feasibilityHazards(placement, verdict)
        if verdict.feasibility == .unknown {
            hazards.append(hazard(
                .frontierGap,
                placement.allowed,
                "the frontiers of '\(view.qualifiedName)' or its inputs are unknown, so a gap cannot be ruled out for `native`, which stops the old dataflow before the new one starts",
                remedies: gapRemedies(view, target)
            ))
        }
        let key = steps.add(
            .setCluster,
            phase: .cutover,
            statement: .alter(AlterStatement(.materializedView, ObjectName(view.qualifiedName), .setCluster(target))),
            object: view.qualifiedName,
            cluster: target,
            estimatedMs: view.hydrationTimeMs ?? PlanBuilder.defaultHydrationMs
        )
        dependOnPrerequisites(of: key, on: target, verdict)
        appendViewMove(
            placement,
            verdict,
            strategy: .native,
            reason: "requested in the manifest (strategy: native)",
            hazards: hazards,
            stalenessMs: view.hydrationTimeMs ?? PlanBuilder.defaultHydrationMs,
            stepKeys: [key],
            cutoverKey: key
        )
    }

    /// The target cluster's preparation and every index the plan creates there that the new
    /// dataflow imports come before `key`.
    private mutating func dependOnPrerequisites(of key: Int, on target: String, _ verdict: FeasibilityChecker.Verdict) {
        dependOnCluster(target, key)
        for index in verdict.importedIndexes {
            if let indexKey = indexCreateKey[index.id] { steps.addEdge(from: indexKey, to: key) }
        }
    }

    /// A sealed view with the default strategy: blocked by `sealed-view`, with no steps.
    private mutating func appendSealedMove(_ placement: Placement) {
        let view = placement.object
        var hazard = sealedHazard(placement)
        hazard.allowed = false
        handled.insert(view.id)
        moves.append(PendingMove(
            move: Move(
                object: view.qualifiedName,
                id: view.id,
                kind: .materializedView,
                from: view.cluster ?? "?",
                to: placement.target,
                strategy: .replace,
                reason: "a sealed view cannot be replaced",
                feasibility: .ok,
                hazards: [hazard]
            ),
            stepKeys: []
        ))
    }

    /// Records a planned view move: its cutover's imported indexes, a capacity hazard, the move.
    private mutating func appendViewMove(
        _ placement: Placement,
        _ verdict: FeasibilityChecker.Verdict,
        strategy: Strategy,
        reason: String,
        hazards: [Hazard],
        stalenessMs: UInt64,
        stepKeys: [Int],
        cutoverKey: Int
    ) {
        let view = placement.object
        recordCutover(cutoverKey, of: view, importing: verdict.importedIndexes)
        if !verdict.lostIndexes.isEmpty {
            storageReads[view.id] = verdict.lostIndexes.map { StorageRead(view: view, relation: $0.relation, index: $0.index, from: view.cluster ?? "?") }
        }
        var hazards = hazards
        if let capacity = capacityHazard(for: placement.target, allowed: placement.allowed) { hazards.append(capacity) }
        handled.insert(view.id)
        moves.append(PendingMove(
            move: Move(
                object: view.qualifiedName,
                id: view.id,
                kind: .materializedView,
                from: view.cluster ?? "?",
                to: placement.target,
                strategy: strategy,
                reason: reason,
                feasibility: verdict.feasibility,
                frontier: verdict.check,
                hazards: hazards,
                estimatedStalenessMs: stalenessMs
            ),
            stepKeys: stepKeys
        ))
    }

    /// `frontier-wait`, `frontier-gap` and `storage-read` for a feasibility verdict.
    private func feasibilityHazards(_ placement: Placement, _ verdict: FeasibilityChecker.Verdict) -> [Hazard] {
        let view = placement.object
        let target = placement.target
        var hazards: [Hazard] = []
        let since = verdict.check.sinceMs.map(String.init) ?? "?"
        let upper = verdict.check.upperMs.map(String.init) ?? "?"
        let blocker = verdict.check.imports
            .filter { $0.sinceMs != nil && $0.sinceMs == verdict.check.sinceMs }
            .map { $0.index ?? $0.relation }
            .first
        let blockerText = blocker.map { " '\($0)'" } ?? ""
        switch verdict.feasibility {
        case .wait:
            let wait = verdict.check.estimatedWaitMs ?? 0
            hazards.append(hazard(
                .frontierWait,
                placement.allowed,
                "on '\(target)' the view would read\(blockerText), compacted to \(since) ≥ its upper \(upper): the replacement starts later and its cutover waits about \(DurationText.describe(milliseconds: wait)) for '\(view.qualifiedName)' to catch up"
            ))
        case .gap:
            let reason: String
            if !verdict.stalledSources.isEmpty {
                let list = verdict.stalledSources.map { "'\($0.qualifiedName)' (\(CatalogGraph.stuckReason($0)))" }.joined(separator: ", ")
                reason = "and it cannot catch up: \(list) upstream does not advance"
            } else {
                reason = "and `native` stops the old dataflow before the new one starts, so nothing fills [\(upper), \(since))"
            }
            hazards.append(hazard(
                .frontierGap,
                placement.allowed,
                "moving '\(view.qualifiedName)' to '\(target)' would skip times: it would read\(blockerText), compacted to \(since) ≥ its upper \(upper), \(reason)",
                remedies: gapRemedies(view, target)
            ))
        case .ok, .unknown:
            break
        }
        for (relation, index) in verdict.lostIndexes {
            hazards.append(hazard(
                .storageRead,
                placement.allowed,
                "on '\(target)' the view reads '\(relation.qualifiedName)' from storage instead of the index '\(index.qualifiedName)' it imports today: more memory on '\(target)'",
                remedies: ["move or copy '\(index.qualifiedName)' to '\(target)' in the same plan, so the replacement can use it"]
            ))
        }
        return hazards
    }

    /// The four remedies for a frontier gap (SPEC §5).
    private func gapRemedies(_ view: CatalogObject, _ target: String) -> [String] {
        [
            "use `strategy: replace` (the default), which waits for the view instead of skipping times",
            "create the index on '\(target)' after the move, so the replacement reads storage, which the running view holds back",
            "raise RETAIN HISTORY on the index on '\(target)' above the view's lag (ALTER INDEX … SET (RETAIN HISTORY = FOR '…'); needs the `enable_logical_compaction_window` flag, off by default)",
            "wait until '\(view.qualifiedName)' catches up (resume its stalled sources, give the clusters upstream a healthy replica), then plan again",
        ]
    }

    /// Remembers which indexes a dataflow's old and new incarnations import, so that no index
    /// is dropped before this cutover.
    private mutating func recordCutover(_ key: Int, of view: CatalogObject, importing imported: [CatalogObject]) {
        let indexes = Set(view.imports.filter { graph.object($0)?.kind == .index } + imported.map(\.id))
        if !indexes.isEmpty { cutoverImports.append((key, indexes)) }
    }

    /// Cutover of every moving dataflow that imports an index → drop of that index.
    mutating func addIndexDropEdges() {
        for (key, indexes) in cutoverImports {
            for index in indexes {
                if let dropKey = indexDropKey[index] { steps.addEdge(from: key, to: dropKey) }
            }
        }
    }

    /// Used when the snapshot does not say how long an object takes to hydrate.
    static let defaultHydrationMs: UInt64 = 10_000
}
