/// Matches manifest rules to catalog objects (SPEC §3 precedence): `unmanaged` beats everything,
/// an exact name beats a glob, a glob with `kind` beats one without; equal precedence in two
/// clusters is an error naming both positions.
struct PlacementResolver {
    let manifest: Manifest
    let graph: CatalogGraph
    let extraAllow: [HazardCode]

    func resolve() throws(DiagnosticsError) -> Resolution {
        var diagnostics = DiagnosticCollector()
        var resolution = Resolution()
        let rules = manifest.rules
        var exactRules: [QualifiedName: [Int]] = [:]
        var globRules: [Int] = []
        for (index, rule) in rules.enumerated() {
            if let name = rule.pattern.exactName {
                exactRules[name, default: []].append(index)
            } else {
                globRules.append(index)
            }
        }
        checkExactRules(rules, exactRules, into: &diagnostics)
        var ruleMatched = [Bool](repeating: false, count: rules.count)
        var reportedConflicts: Set<[Int]> = []
        for object in graph.snapshot.objects where object.replacementFor == nil {
            if manifest.unmanaged.contains(where: { $0.pattern.matches(object.qualifiedName) }) {
                resolution.unmanaged.insert(object.id)
                for index in exactRules[object.qualifiedName] ?? [] {
                    ruleMatched[index] = true
                    diagnostics.warning(
                        "plan.unmanaged",
                        "'\(object.qualifiedName)' is listed under 'unmanaged'; this rule is ignored",
                        at: rules[index].location
                    )
                }
                continue
            }
            guard object.kind.isPlaceable else { continue }
            var candidates: [Int] = (exactRules[object.qualifiedName] ?? []).filter { index in
                rules[index].kind == nil || rules[index].kind == object.kind
            }
            if candidates.isEmpty {
                candidates = globRules.filter { index in
                    let rule = rules[index]
                    return (rule.kind == nil || rule.kind == object.kind) && rule.pattern.matches(object.qualifiedName)
                }
            }
            for index in candidates { ruleMatched[index] = true }
            guard let best = candidates.map({ rules[$0].precedence }).max() else {
                resolution.unlisted += 1
                continue
            }
            let winners = candidates.filter { rules[$0].precedence == best }
            let winner = rules[winners[0]]
            if let rival = winners.first(where: { rules[$0].cluster != winner.cluster }) {
                if reportedConflicts.insert([winners[0], rival]).inserted {
                    let other = rules[rival]
                    diagnostics.error(
                        "manifest.conflict",
                        "'\(object.qualifiedName)' is placed on both '\(winner.cluster)' (here) and '\(other.cluster)' (at \(other.location)) by rules of equal precedence; name the object exactly, add a `kind` filter, or list it under `unmanaged`",
                        at: winner.location
                    )
                }
                continue
            }
            if let strategy = winner.strategy, !Strategy.allowed(for: object.kind).contains(strategy) {
                diagnostics.error(
                    "manifest.strategy",
                    "strategy '\(strategy.rawValue)' does not apply to \(object.kind.rawValue) '\(object.qualifiedName)'; use one of \(Strategy.allowed(for: object.kind).map(\.rawValue).joined(separator: ", "))",
                    at: winner.location
                )
                continue
            }
            let placement = Placement(
                object: object,
                rule: winner,
                allowed: Set(winner.allow + manifest.options.allow + extraAllow)
            )
            resolution.placements.append(placement)
            resolution.placementByID[object.id] = placement
        }
        for index in globRules where !ruleMatched[index] {
            let rule = rules[index]
            let kind = rule.kind.map { " of kind \($0.rawValue)" } ?? ""
            diagnostics.warning(
                "plan.glob-unmatched",
                "'\(rule.pattern)' matches no \(kind.isEmpty ? "source, sink, index or materialized view" : "object\(kind)") in the catalog",
                at: rule.location
            )
        }
        try diagnostics.throwIfErrors()
        resolution.warnings = diagnostics.sorted
        return resolution
    }

    /// Exact names must name a placeable object of the given kind.
    private func checkExactRules(
        _ rules: [PlacementRule],
        _ exactRules: [QualifiedName: [Int]],
        into diagnostics: inout DiagnosticCollector
    ) {
        for (name, indexes) in exactRules.sorted(by: { $0.key < $1.key }) {
            guard let object = graph.object(named: name) else {
                for index in indexes {
                    let suggestion = Suggestion.didYouMean(name.description, among: graph.snapshot.objects.lazy.map { $0.qualifiedName.description })
                    diagnostics.error(
                        "plan.unknown-object",
                        "no object named '\(name)' in the catalog\(suggestion); check the name, its schema and database, or quote it if it has capitals or spaces",
                        at: rules[index].location
                    )
                }
                continue
            }
            for index in indexes {
                let rule = rules[index]
                if !object.kind.isPlaceable {
                    let note = object.kind == .subsource
                        ? "subsources follow their source; place the source instead"
                        : "\(object.kind.rawValue)s have no cluster of their own; remove it from the manifest"
                    diagnostics.error(
                        "plan.not-placeable",
                        "'\(name)' is a \(object.kind.rawValue): \(note)",
                        at: rule.location
                    )
                } else if let kind = rule.kind, kind != object.kind {
                    diagnostics.error(
                        "plan.kind-mismatch",
                        "'\(name)' is a \(object.kind.rawValue), not a \(kind.rawValue); fix or remove the `kind`",
                        at: rule.location
                    )
                }
            }
        }
    }
}
