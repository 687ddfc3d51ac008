/// Matches manifest rules to catalog objects (SPEC §3 precedence): `unmanaged` beats everything,
/// an exact name beats a glob, a glob with `kind` beats one without; equal precedence in two
/// clusters is an error naming both positions.
struct PlacementResolver {
    let manifest: Manifest
    /// The catalog's objects, in snapshot order.
    let objects: [CatalogObject]
    let extraAllow: [HazardCode]

    func resolve() throws(DiagnosticsError) -> Resolution {
        var diagnostics = DiagnosticCollector()
        var resolution = Resolution()
        resolution.reserveCapacity(objects.count)
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
        // Per-rule facts read in the loop, so that no rule is copied per object.
        let kinds = rules.map(\.kind)
        let precedences = rules.map(\.precedence)
        let clusters = rules.map(\.cluster)
        let allowed = rules.map { Set($0.allow + manifest.options.allow + extraAllow) }
        let globIndex = GlobRuleIndex(rules, indexes: globRules)
        var ruleMatched = [Bool](repeating: false, count: rules.count)
        var reportedConflicts: Set<[Int]> = []
        var exactlyNamed: [QualifiedName: Int] = [:]
        for position in objects.indices {
            let kind = objects[position].kind
            let name = QualifiedName(database: objects[position].database, schema: objects[position].schema, name: objects[position].name)
            // Looked up once: hashing a three-part name is most of what matching costs.
            let exact = exactRules[name]
            if exact != nil { exactlyNamed[name] = position }
            guard objects[position].replacementFor == nil else { continue }
            if manifest.unmanaged.contains(where: { $0.pattern.matches(name) }) {
                resolution.unmanaged.insert(objects[position].id)
                for index in exact ?? [] {
                    ruleMatched[index] = true
                    diagnostics.warning(
                        "plan.unmanaged",
                        "'\(name)' is listed under 'unmanaged'; this rule is ignored",
                        at: rules[index].location
                    )
                }
                continue
            }
            guard kind.isPlaceable else { continue }
            // The first rule of the highest precedence wins; a rule of the same precedence placing the
            // object elsewhere is a conflict. Exact rules first; globs only when no exact rule fits.
            let fits = { (index: Int) in kinds[index] == nil || kinds[index] == kind }
            var selection = RuleSelection()
            for index in exact ?? [] where fits(index) {
                ruleMatched[index] = true
                selection.consider(index, precedences, clusters)
            }
            if selection.winner == nil {
                for index in globIndex.candidates(database: name.database, schema: name.schema)
                where fits(index) && rules[index].pattern.matches(name) {
                    ruleMatched[index] = true
                    selection.consider(index, precedences, clusters)
                }
            }
            guard let winner = selection.winner else {
                resolution.unlisted += 1
                continue
            }
            if let rival = selection.rival {
                if reportedConflicts.insert([winner, rival]).inserted {
                    diagnostics.error(
                        "manifest.conflict",
                        "'\(name)' is placed on both '\(clusters[winner])' (here) and '\(clusters[rival])' (at \(rules[rival].location)) by rules of equal precedence; name the object exactly, add a `kind` filter, or list it under `unmanaged`",
                        at: rules[winner].location
                    )
                }
                continue
            }
            if let strategy = rules[winner].strategy, !Strategy.allowed(for: kind).contains(strategy) {
                diagnostics.error(
                    "manifest.strategy",
                    "strategy '\(strategy.rawValue)' does not apply to \(kind.rawValue) '\(name)'; use one of \(Strategy.allowed(for: kind).map(\.rawValue).joined(separator: ", "))",
                    at: rules[winner].location
                )
                continue
            }
            resolution.append(Placement(object: objects[position], rule: rules[winner], allowed: allowed[winner]))
        }
        checkExactRules(rules, exactRules, exactlyNamed, into: &diagnostics)
        // A glob whose objects are all named exactly was never tried: try it now (rarely any).
        for index in globRules where !ruleMatched[index] {
            let rule = rules[index]
            let matchesSomething = objects.indices.contains { position in
                objects[position].kind.isPlaceable && (rule.kind == nil || rule.kind == objects[position].kind)
                    && !resolution.unmanaged.contains(objects[position].id) && rule.pattern.matches(objects[position].qualifiedName)
            }
            if matchesSomething { continue }
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
    /// `exactlyNamed`: the position of the object each exact name found.
    private func checkExactRules(
        _ rules: [PlacementRule],
        _ exactRules: [QualifiedName: [Int]],
        _ exactlyNamed: [QualifiedName: Int],
        into diagnostics: inout DiagnosticCollector
    ) {
        for (name, indexes) in exactRules.sorted(by: { $0.key < $1.key }) {
            guard let object = exactlyNamed[name].map({ objects[$0] }) else {
                for index in indexes {
                    let suggestion = Suggestion.didYouMean(name.description, among: objects.lazy.map { $0.qualifiedName.description })
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

/// The rule that places one object, chosen from its candidate rules in order without collecting
/// them: the first of the highest precedence, and the first rule of that precedence that puts the
/// object on another cluster (a conflict).
private struct RuleSelection {
    private(set) var winner: Int?
    private(set) var rival: Int?

    mutating func consider(_ index: Int, _ precedences: [Int], _ clusters: [String]) {
        guard let current = winner, precedences[index] <= precedences[current] else {
            winner = index
            rival = nil
            return
        }
        if precedences[index] == precedences[current], rival == nil, clusters[index] != clusters[current] { rival = index }
    }
}
