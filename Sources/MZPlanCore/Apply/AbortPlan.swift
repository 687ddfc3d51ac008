/// What `--abort` undoes (SPEC §6.7), decided from the plan, its journal and the catalog alone:
/// the objects the unfinished apply created for moves not yet past their point of no return, then
/// the clusters it created that nothing is left on — or why it must not abort.
package enum AbortPlan {
    /// Why an apply cannot be aborted; each says what to do instead.
    package enum Refusal: Error, Hashable, Sendable {
        /// Dropping these replacements may seal their views on this Materialize version.
        case replacementsMaySeal([QualifiedName])
        /// A blue-green resize swapped its clusters at this step.
        case swapped(cluster: String, step: Int)
        /// These moves passed their point of no return and did not finish.
        case pastNoReturn([QualifiedName])

        package var message: String {
            switch self {
            case .replacementsMaySeal(let names):
                "cannot abort: it would drop the replacement\(names.count == 1 ? "" : "s") \(Self.list(names)), and \(MaterializeVersion.replacementDropRisk); finish with `mzplan apply --resume`, or upgrade first"
            case .swapped(let cluster, let step):
                "cannot abort: the blue-green resize of '\(cluster)' swapped its clusters (step \(step)); run `mzplan apply --resume` to finish it"
            case .pastNoReturn(let names):
                "cannot abort: \(Self.list(names)) passed the point of no return (its old object is dropped or replaced) and did not finish; run `mzplan apply --resume` to finish it"
            }
        }

        private static func list(_ names: [QualifiedName]) -> String {
            names.map { "'\($0)'" }.joined(separator: ", ")
        }
    }

    /// The drops that undo the apply `entries` journal for `plan`, in order, given what `catalog`
    /// holds now.
    package static func undo(_ plan: Plan, entries: [JournalEntry], catalog: CatalogSnapshot) -> Result<[DropStatement], Refusal> {
        let ran = Set(entries.filter { $0.status == .started || $0.status == .finished }.map(\.stepID))
        let finished = Set(entries.filter { $0.status == .finished }.map(\.stepID))
        let existing = Set(catalog.objects.map(\.qualifiedName))
        var drops: [DropStatement] = []
        var halfDone: [QualifiedName] = []
        for move in plan.moves {
            let steps = move.steps.compactMap(plan.step)
            // Past its point of no return (an old object dropped, a replacement applied): a move
            // is kept when it finished, and must be finished with --resume when it did not.
            if steps.contains(where: { passedNoReturn($0, ran: ran, finished: finished, plan: plan, catalog: catalog) }) {
                if !steps.allSatisfy({ finished.contains($0.id) }) { halfDone.append(move.object) }
                continue
            }
            for step in steps where ran.contains(step.id) {
                guard let name = step.object, existing.contains(name) else { continue }
                if step.action == .createObject {
                    // A new closure goes with its new source: everything else of it reads the source.
                    if catalog.object(named: name)?.kind == .source { drops.append(DropStatement(.source, ObjectName(name), cascade: true)) }
                    continue
                }
                guard let type = createdType(step.action) else { continue }
                drops.append(DropStatement(type, ObjectName(name)))
            }
        }
        let replacements = plan.steps.filter { $0.action == .createReplacement && ran.contains($0.id) && $0.object.map(existing.contains) == true }
        if !replacements.isEmpty, catalog.version.flatMap(MaterializeVersion.init)?.droppingReplacementMaySealTarget == true {
            return .failure(.replacementsMaySeal(replacements.compactMap(\.object)))
        }
        if let swap = plan.steps.first(where: { $0.action == .swapCluster && ran.contains($0.id) }) {
            return .failure(.swapped(cluster: swap.cluster ?? "", step: swap.id))
        }
        if !halfDone.isEmpty { return .failure(.pastNoReturn(halfDone)) }
        let dropped = Set(drops.flatMap(\.names))
        for step in plan.steps where step.action == .createCluster && ran.contains(step.id) {
            guard let cluster = step.cluster, catalog.clusters.contains(where: { $0.name == cluster }) else { continue }
            if !catalog.objects.contains(where: { $0.cluster == cluster && !dropped.contains(ObjectName($0.qualifiedName)) }) {
                drops.append(DropStatement(.cluster, ObjectName(cluster)))
            }
        }
        return .success(drops)
    }

    /// Whether `step` ran and cannot be undone. A rename transaction that started is judged by
    /// the catalog: refused or rolled back, it changed nothing, and the move can still be undone.
    private static func passedNoReturn(_ step: Step, ran: Set<Int>, finished: Set<Int>, plan: Plan, catalog: CatalogSnapshot) -> Bool {
        guard ran.contains(step.id), isIrreversible(step.action) else { return false }
        guard step.action == .renameObjects, !finished.contains(step.id) else { return true }
        return PostCondition.holds(step, in: plan, catalog: catalog)
    }

    /// Steps after which a move cannot be undone by dropping what it created.
    static func isIrreversible(_ action: Step.Action) -> Bool {
        switch action {
        case .applyReplacement, .setCluster, .dropIndex, .renameIndex, .dropSink, .renameSink, .dropSource, .dropMaterializedView, .recreateObject,
             .renameObjects, .dropRetired:
            true
        default:
            false
        }
    }

    /// What a step creates that dropping undoes.
    private static func createdType(_ action: Step.Action) -> SQLObjectType? {
        switch action {
        case .createIndex: .index
        case .createReplacement: .materializedView
        case .createSink: .sink
        default: nil
        }
    }
}
