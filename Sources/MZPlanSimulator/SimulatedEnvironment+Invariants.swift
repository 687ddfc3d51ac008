package import MZPlanCore

extension SimulatedEnvironment {
    /// The invariants of SPEC §8 after a run: the violations seen while it ran (skipped times,
    /// an index dropped before its replacement was ready), plus no
    /// upstream ingested by more sources than before (when every move was cut over), no
    /// object lost, every move not listed in `notCutOver` on its target, and no index or
    /// materialized view on a cluster resized blue-green or gracefully that stopped serving.
    package func checkInvariants(plan: Plan, notCutOver: Set<QualifiedName> = []) -> [SimulatorViolation] {
        var found = violations
        let names = Set(order.compactMap { objects[$0]?.qualifiedName })
        for name in originalNames.sorted() where !names.contains(name) {
            found.append(SimulatorViolation(atMs: timeMs, object: name, message: "object lost"))
        }
        for move in plan.moves where !notCutOver.contains(move.object) {
            guard let object = object(named: move.object) else { continue }
            if object.cluster != move.to {
                found.append(SimulatorViolation(atMs: timeMs, object: move.object, message: "on '\(object.cluster ?? "-")', not on its target '\(move.to)'"))
            }
        }
        // Ingestions the apply added and left running (a replication slot holding WAL, a consumer
        // group), except those of moves that were not cut over: their new source waits for it.
        let pending = Set(notCutOver.map(Self.lineage(of:)))
        do {
            for (upstream, sources) in ingestions().sorted(by: { $0.key < $1.key }) {
                let before = originalIngestions[upstream, default: 0]
                guard before > 0, sources.count > before, !sources.contains(where: { pending.contains(Self.lineage(of: $0)) }) else { continue }
                let names = sources.map { "'\($0)'" }.joined(separator: ", ")
                found.append(SimulatorViolation(atMs: timeMs, object: sources.last, message: "\(names) ingest one upstream (\(upstream)): \(sources.count) ingestions after the apply, \(before) before"))
            }
        }
        for change in plan.clusters where change.strategy == .blueGreen || change.strategy == .graceful {
            if let downtime = computeDowntimeMs[change.name], downtime > 0 {
                found.append(SimulatorViolation(atMs: timeMs, object: nil, message: "objects on cluster '\(change.name)' stopped serving for \(DurationText.describe(milliseconds: downtime)) during a \(change.strategy?.rawValue ?? "") resize"))
            }
        }
        return found
    }

    /// Each resize of `plan` with its strategy and the downtime measured on its cluster.
    package func resizeOutcomes(plan: Plan) -> [(name: String, strategy: ResizeStrategy, downtimeMs: UInt64)] {
        plan.clusters.compactMap { change in
            change.strategy.map { (change.name, $0, downtimeMs[change.name] ?? 0) }
        }
    }

    /// Names the run created and did not clean up (temporaries, replacements).
    package func leftovers() -> [QualifiedName] {
        order.compactMap { objects[$0] }.filter { !originalNames.contains($0.qualifiedName) }.map(\.qualifiedName).sorted()
    }
}
