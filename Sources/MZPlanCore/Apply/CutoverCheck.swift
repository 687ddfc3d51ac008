/// Feasibility re-checked right before a view's cutover (SPEC §5 "re-checked live"): a move
/// that became `gap` is not cut over.
///
/// For `replace`, the replacement's since is its as_of (it writes nothing before it is applied):
/// when that lies beyond `upper(M)` and M cannot catch up, because something upstream of M does
/// not advance (a stalled or paused source, a dataflow that cannot hydrate), cutting over would skip `[upper(M), as_of)`. For `native`, the new
/// dataflow's as_of is the largest since of its imports, and any `S ≥ U` is a gap.
package enum CutoverCheck {
    /// Nil when the cutover may run; otherwise the reason, for the user.
    package static func gap(before step: Step, in plan: Plan, catalog: CatalogSnapshot) -> String? {
        guard let name = step.object, let graph = try? CatalogGraph(catalog), let view = catalog.object(named: name) else { return nil }
        guard !view.sealed, let upper = view.upperMs else { return nil }
        let checker = FeasibilityChecker(graph: graph, plannedIndexes: [:])
        let stalled = checker.stalledSources(upstreamOf: view)
        switch step.action {
        case .applyReplacement:
            guard let standIn = PostCondition.standIn(for: step, in: plan), let replacement = catalog.object(named: standIn),
                  let asOf = replacement.sinceMs, asOf > upper, !stalled.isEmpty else { return nil }
            let list = stalled.map { "'\($0.qualifiedName)' (\(CatalogGraph.stuckReason($0)))" }.joined(separator: ", ")
            return "'\(name)' stopped at \(upper) before its replacement's start \(asOf), and \(list) upstream does not advance: cutting over would skip times; not cut over. Get it moving again (resume the source, give its cluster a healthy replica), then run `mzplan apply --resume`, or `--abort`"
        case .setCluster:
            let verdict = checker.check(view, on: step.cluster ?? "", strategy: .native)
            guard verdict.feasibility == .gap else { return nil }
            return "'\(name)' on '\(step.cluster ?? "?")' would start at \(verdict.check.sinceMs.map(String.init) ?? "?") ≥ its upper \(upper): SET CLUSTER would skip times; not cut over"
        default:
            return nil
        }
    }
}
