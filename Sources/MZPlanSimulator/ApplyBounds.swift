package import MZPlanCore

/// Reference figures for a plan's simulated makespan and staleness (SPEC §9), from the same
/// model the simulator uses.
///
/// - A waiting step costs its object's hydration time (its original's, for a temporary) plus
///   the `(stable_polls − 1) × poll_interval` the gate needs to confirm readiness; other steps cost 0.
/// - Lower bound: the longer of the DAG's critical path and, per cluster, the total hydration
///   work of every dataflow the plan starts there, waited for or not (hydrations on a cluster
///   share it, and none can be paused).
/// - Sequential: every step one at a time, each hydration alone on its cluster.
/// - Drop-and-recreate staleness: an MV or index move that drops and recreates is stale for
///   its whole hydration.
package struct ApplyBounds: Sendable {
    package var criticalPathMs: UInt64
    package var clusterWorkMs: UInt64
    package var sequentialMs: UInt64
    /// Per MV and index move, the staleness drop-and-recreate would cost.
    package var recreateStalenessMs: [QualifiedName: UInt64]

    package var lowerBoundMs: UInt64 { max(criticalPathMs, clusterWorkMs) }

    package init(plan: Plan, snapshot: CatalogSnapshot) {
        let options = plan.execution?.options ?? ApplyOptions()
        let confirm = UInt64(options.stablePolls - 1) * options.pollIntervalMs
        var hydration: [QualifiedName: UInt64] = [:]
        for object in snapshot.objects { hydration[object.qualifiedName] = object.hydrationTimeMs ?? SimulatedEnvironment.defaultHydrationMs }
        func work(_ step: Step) -> UInt64 {
            guard let wait = step.wait else { return 0 }
            return hydration[wait.standsInFor ?? wait.object] ?? SimulatedEnvironment.defaultHydrationMs
        }
        let kinds = Dictionary(snapshot.objects.map { ($0.qualifiedName, $0.kind) }, uniquingKeysWith: { first, _ in first })
        var finish: [Int: UInt64] = [:]
        var perCluster: [String: UInt64] = [:]
        var sequential: UInt64 = 0
        for step in plan.steps {
            let cost = step.wait == nil ? 0 : work(step) + confirm
            finish[step.id] = (step.after.compactMap { finish[$0] }.max() ?? 0) + cost
            sequential += cost
            if let cluster = step.cluster, let started = startedWork(step) { perCluster[cluster, default: 0] += started }
        }
        func startedWork(_ step: Step) -> UInt64? {
            switch step.action {
            case .createIndex, .createReplacement, .createSink, .setCluster:
                return work(step) == 0 ? step.object.flatMap { hydration[$0] } : work(step)
            case .recreateObject, .createObject:
                guard let object = step.object, let kind = kinds[object], kind != .view, kind != .table, kind != .subsource else { return nil }
                return hydration[object] ?? SimulatedEnvironment.defaultHydrationMs
            default:
                return nil
            }
        }
        criticalPathMs = finish.values.max() ?? 0
        clusterWorkMs = perCluster.values.max() ?? 0
        sequentialMs = sequential
        var recreate: [QualifiedName: UInt64] = [:]
        for move in plan.moves where move.kind == .materializedView || move.kind == .index {
            recreate[move.object] = hydration[move.object] ?? SimulatedEnvironment.defaultHydrationMs
        }
        recreateStalenessMs = recreate
    }
}
