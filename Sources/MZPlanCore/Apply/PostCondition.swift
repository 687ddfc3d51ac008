/// What must hold in the catalog once a step's statement has run (SPEC §6.7): `--resume` and
/// a dropped connection check it instead of trusting the journal or guessing.
///
/// Creations: the object exists on the step's cluster (hydration is then checked by the
/// readiness gate, which every resumed wait goes through again). Drops: no object of that name
/// is left on the old cluster. Renames and cutovers: the object is on its target and the
/// stand-in is gone (a blue-green rename transaction: the source's name is on its target). A swap: the cluster under the old name has the new size.
package enum PostCondition {
    package static func holds(_ step: Step, in plan: Plan, catalog: CatalogSnapshot) -> Bool {
        let objects = Dictionary(catalog.objects.map { ($0.qualifiedName, $0) }, uniquingKeysWith: { first, _ in first })
        let clusters = Set(catalog.clusters.map(\.name))
        let object = step.object.flatMap { objects[$0] }
        switch step.action {
        case .createCluster:
            return step.cluster.map(clusters.contains) ?? false
        case .alterCluster:
            guard let name = step.cluster, let cluster = catalog.clusters.first(where: { $0.name == name }),
                  let change = plan.clusters.first(where: { $0.steps.contains(step.id) }) else { return false }
            return (change.size == nil || cluster.size == change.size)
                && (change.replicationFactor == nil || cluster.replicationFactor == change.replicationFactor)
        case .renameCluster:
            guard let name = step.cluster, clusters.contains(name) else { return false }
            let change = plan.clusters.first { $0.steps.contains(step.id) }
            return change?.renamedFrom.map { !clusters.contains($0) } ?? true
        case .swapCluster:
            // The new cluster, at the new size, has the old name.
            guard let name = step.cluster, let cluster = catalog.clusters.first(where: { $0.name == name }),
                  let change = plan.clusters.first(where: { $0.steps.contains(step.id) }) else { return false }
            return cluster.size == change.size
        case .dropCluster:
            return step.cluster.map { !clusters.contains($0) } ?? true
        case .dropReplacement:
            return object == nil
        case .createReplacement, .createIndex, .createSink, .setCluster, .recreateObject, .createObject:
            guard let object else { return false }
            return step.cluster == nil || object.cluster == step.cluster
        case .applyReplacement, .renameIndex, .renameSink:
            guard let object, object.cluster == step.cluster else { return false }
            return standIn(for: step, in: plan).map { objects[$0] == nil } ?? true
        case .renameObjects:
            // One transaction: the original name is on the target once it committed.
            guard let object else { return false }
            return object.cluster == step.cluster
        case .dropRetired:
            return object == nil
        case .dropIndex, .dropSink, .dropSource, .dropMaterializedView:
            guard let object else { return true }
            return object.cluster != step.cluster
        }
    }

    /// The temporary object of the move `step` belongs to (its creation step's object).
    static func standIn(for step: Step, in plan: Plan) -> QualifiedName? {
        guard let move = plan.moves.first(where: { $0.steps.contains(step.id) }) else { return nil }
        let creations: Set<Step.Action> = [.createReplacement, .createIndex, .createSink]
        return move.steps.lazy.compactMap(plan.step).first { creations.contains($0.action) }?.object
    }
}
