/// Feasibility re-checked right before a view's cutover (SPEC §5 "re-checked live"): a move
/// that became `gap` is not cut over.
///
/// For `replace`, the replacement's since is its as_of (it writes nothing before it is applied):
/// when that lies beyond `upper(M)` and M cannot catch up, because something upstream of M does
/// not advance (a stalled or paused source, a dataflow that cannot hydrate), cutting over would skip `[upper(M), as_of)`. For `native`, the new
/// dataflow's as_of is the largest since of its imports, and any `S ≥ U` is a gap.
///
/// Before a blue-green move drops its retired closure, the same check makes sure nothing else
/// reads it any more: an object created on the old closure since the plan would be dropped with it.
package enum CutoverCheck {
    /// Before `APPLY REPLACEMENT`, what shows whether ``gap(before:in:catalog:)`` has anything to
    /// find: the replacement, probed with the view it stands in for. One readiness read instead of
    /// the whole catalog (seconds on a large live catalog, once per cutover); nil for other steps.
    package static func probe(before step: Step, in plan: Plan) -> ReadinessProbe? {
        guard step.action == .applyReplacement, let view = step.object, let standIn = PostCondition.standIn(for: step, in: plan) else { return nil }
        return ReadinessProbe(object: standIn, standsInFor: view, cluster: nil, condition: .ready, mirrorsOriginal: true)
    }

    /// False when the sample of ``probe(before:in:)`` rules a gap out: the view is missing, sealed
    /// or without an upper, or the replacement is missing or starts at or before the view's upper.
    package static func mayGap(_ sample: ReadinessSample) -> Bool {
        guard sample.exists, !sample.originalSealed, let upper = sample.originalUpperMs, let asOf = sample.sinceMs else { return false }
        return asOf > upper
    }

    /// Nil when the cutover may run; otherwise the reason, for the user.
    package static func gap(before step: Step, in plan: Plan, catalog: CatalogSnapshot) -> String? {
        if step.action == .dropRetired { return retiredInUse(step, in: plan, catalog: catalog) }
        guard let name = step.object, let view = catalog.object(named: name), !view.sealed, let upper = view.upperMs else { return nil }
        switch step.action {
        case .applyReplacement:
            // The catalog is indexed only when the replacement starts past the view's upper.
            guard let standIn = PostCondition.standIn(for: step, in: plan), let replacement = catalog.object(named: standIn),
                  let asOf = replacement.sinceMs, asOf > upper, let graph = try? CatalogGraph(catalog) else { return nil }
            let stalled = FeasibilityChecker(graph: graph, plannedIndexes: [:]).stalledSources(upstreamOf: view)
            guard !stalled.isEmpty else { return nil }
            let list = stalled.map { "'\($0.qualifiedName)' (\(CatalogGraph.stuckReason($0)))" }.joined(separator: ", ")
            return "'\(name)' stopped at \(upper) before its replacement's start \(asOf), and \(list) upstream does not advance: cutting over would skip times; not cut over. Get it moving again (resume the source, give its cluster a healthy replica), then run `mzplan apply --resume`, or `--abort`"
        case .setCluster:
            guard let graph = try? CatalogGraph(catalog) else { return nil }
            let verdict = FeasibilityChecker(graph: graph, plannedIndexes: [:]).check(view, on: step.cluster ?? "", strategy: .native)
            guard verdict.feasibility == .gap else { return nil }
            return "'\(name)' on '\(step.cluster ?? "?")' would start at \(verdict.check.sinceMs.map(String.init) ?? "?") ≥ its upper \(upper): SET CLUSTER would skip times; not cut over"
        default:
            return nil
        }
    }

    /// Before a blue-green move drops its retired closure with `CASCADE`: objects created since the
    /// plan on the old objects (which the cutover renamed to `…_mzplan_old`) would go with it.
    /// Nil when the retired source's dependents are exactly the retired names the plan made.
    private static func retiredInUse(_ step: Step, in plan: Plan, catalog: CatalogSnapshot) -> String? {
        guard let name = step.object, let source = catalog.object(named: name), let graph = try? CatalogGraph(catalog) else { return nil }
        var retired: Set<QualifiedName> = []
        for rename in plan.steps where rename.action == .renameObjects {
            for sql in rename.statements {
                guard case .alter(let alter)? = try? Statement(parsing: sql), case .rename(let newName) = alter.action else { continue }
                retired.insert(alter.name.qualified(database: name.database, schema: name.schema).renamed(newName))
            }
        }
        let strangers = graph.dependentClosure(of: [source.id]).map(\.qualifiedName).filter { !retired.contains($0) }
        guard !strangers.isEmpty else { return nil }
        let list = strangers.prefix(5).map { "'\($0)'" }.joined(separator: ", ") + (strangers.count > 5 ? " and \(strangers.count - 5) more" : "")
        return "'\(name)' is not dropped: \(list) now read\(strangers.count == 1 ? "s" : "") the retired objects (created on the old ones since the plan was made) and would be dropped with them by CASCADE. Recreate \(strangers.count == 1 ? "it" : "them") on the new objects (the original names), or drop \(strangers.count == 1 ? "it" : "them"), then run `mzplan apply --resume`"
    }
}
