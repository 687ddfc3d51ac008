/// Why one object is where it is, where the manifest wants it and what the plan does to it
/// (`mzplan explain`, SPEC §10.3). Built by planning the manifest against the catalog, so every
/// answer is the plan's own.
package struct Explanation: Sendable {
    /// What placed the object where the manifest wants it.
    package enum Decision: Sendable {
        /// A manifest rule: its pattern as written, its cluster, position and precedence.
        case rule(pattern: String, cluster: String, at: SourceLocation, precedence: Int)
        /// No rule matches: the object stays where it is.
        case unlisted
        /// Listed under `unmanaged`: never touched.
        case unmanaged(pattern: String, at: SourceLocation?)
        /// A subsource or a table fed by a source runs where its source runs.
        case followsSource(QualifiedName?)
        /// Views and plain tables run on no cluster.
        case noCluster
    }

    /// One strategy not taken, and why.
    package struct Alternative: Sendable {
        package var strategy: Strategy
        package var whyNot: String
    }

    package var object: CatalogObject
    package var decision: Decision
    /// Where the plan leaves the object (its current cluster when it does not move it).
    package var desiredCluster: String?
    /// The plan's move of this object, when it moves.
    package var move: Move?
    /// The object's closure rebuilt by another object's move (a source recreate), when it is.
    package var rebuiltBy: Move?
    package var alternatives: [Alternative]
    /// Every step that touches the object, in order.
    package var steps: [Step]
    /// Objects it depends on that the plan also moves or rebuilds.
    package var movedDependencies: [QualifiedName]
    /// Objects that depend on it that the plan also moves or rebuilds.
    package var movedDependents: [QualifiedName]
    /// One sentence: what happens to the object and why.
    package var summary: String
    /// The whole plan's bill (``PlanSummary/costSentence``), when credits are known.
    package var cost: String?
}

extension Explanation {
    /// Explains the object `name` (manifest name syntax, the first manifest file's defaults).
    /// - Throws: the planning errors, an unparsable name, or an unknown name with the closest ones.
    package static func explain(_ name: String, manifest: Manifest, catalog: CatalogSnapshot, allow: [HazardCode] = []) throws(DiagnosticsError) -> Explanation {
        let pattern: NamePattern
        do {
            pattern = try NamePattern.parse(name, defaultDatabase: manifest.defaultDatabase, defaultSchema: manifest.defaultSchema)
        } catch {
            throw DiagnosticsError(Diagnostic(.error, code: "explain.name", error.message))
        }
        guard let qualified = pattern.exactName else {
            throw DiagnosticsError(Diagnostic(.error, code: "explain.name", "'\(name)' is a glob; explain takes one object's exact name"))
        }
        guard let object = catalog.objects.first(where: { $0.qualifiedName == qualified && $0.replacementFor == nil }) else {
            let suggestion = Suggestion.didYouMean(qualified.description, among: catalog.objects.lazy.map(\.qualifiedName.description))
            throw DiagnosticsError(Diagnostic(
                .error,
                code: "explain.unknown-object",
                "no object named '\(qualified)' in the catalog\(suggestion); names are 'name', 'schema.name' or 'database.schema.name', quoted where they have capitals or spaces"
            ))
        }
        let result = try Planner.plan(manifest: manifest, catalog: catalog, allow: allow)
        return Explanation(object, manifest: manifest, result: result)
    }

    private init(_ object: CatalogObject, manifest: Manifest, result: Planner.Result) {
        let plan = result.plan
        let graph = result.graph
        self.object = object
        move = plan.moves.first { $0.id == object.id }
        rebuiltBy = move == nil ? plan.moves.first { $0.recreates.contains(object.qualifiedName) } : nil
        let placement = result.resolution.placement(of: object.id)
        if let placement {
            decision = .rule(pattern: placement.rule.pattern.description, cluster: placement.rule.cluster, at: placement.rule.location, precedence: placement.rule.precedence)
        } else if let unmanaged = manifest.unmanaged.first(where: { $0.pattern.matches(object.qualifiedName) }) {
            decision = .unmanaged(pattern: unmanaged.pattern.description, at: unmanaged.location)
        } else if object.kind == .subsource || (object.kind == .table && object.cluster != nil) {
            decision = .followsSource(CatalogGraph.dependencies(of: object).lazy.compactMap(graph.object).first { $0.kind == .source }?.qualifiedName)
        } else if !object.kind.isPlaceable || object.cluster == nil {
            decision = .noCluster
        } else {
            decision = .unlisted
        }
        desiredCluster = move?.to ?? object.cluster
        let moveSteps = Set(move?.steps ?? [])
        steps = plan.steps.filter { moveSteps.contains($0.id) || $0.object == object.qualifiedName }
        let moved = Set(plan.moves.map(\.object) + plan.moves.flatMap(\.recreates))
        movedDependencies = CatalogGraph.dependencies(of: object).compactMap(graph.object).map(\.qualifiedName).filter(moved.contains).sorted()
        movedDependents = graph.dependents(of: object.id).map(\.qualifiedName).filter(moved.contains).sorted()
        alternatives = Self.alternatives(for: object, chosen: move?.strategy)
        summary = Self.summary(object, decision: decision, move: move, rebuiltBy: rebuiltBy)
        cost = plan.summary.costSentence
    }

    /// The strategies the object's kind allows, other than the one chosen, with why not.
    private static func alternatives(for object: CatalogObject, chosen: Strategy?) -> [Alternative] {
        let moving = chosen != nil
        return Strategy.allowed(for: object.kind).filter { $0 != .auto && $0 != chosen }.compactMap { strategy in
            let why: String? = switch (object.kind, strategy) {
            case (.materializedView, .replace):
                if object.sealed { "the view is sealed: Materialize refuses to replace it" }
                else if moving { "the manifest asks for `\(chosen?.rawValue ?? "")` on this view" }
                else { "what `auto` uses when the view moves; it does not move" }
            case (.materializedView, .native):
                "ALTER MATERIALIZED VIEW … SET CLUSTER needs an internal feature flag and then fails on today's Materialize; opt-in only"
            case (.materializedView, .recreate):
                "drops the view with its dependents and recomputes it: a new id, lost history and downtime; opt-in (for sealed views)"
            case (.index, .rebuild):
                moving ? "a source it depends on is dropped and recreated, and the index with it" : "what `auto` uses when the index moves; it does not move"
            case (.sink, .recreate):
                "the only way to move a sink (a new one on the target, then the old one dropped); it does not move"
            case (.source, .recreate):
                moving ? "drops the source with its dependents and rebuilds them: an outage and a re-snapshot" : "drop and create on the target: an outage; it does not move"
            case (.source, .blueGreen):
                if object.sourceType == "webhook" { "a webhook source cannot move blue-green: requests reach only one of two webhooks" }
                else if moving { "set `strategy: blue-green` on the source (or `options.source_moves: blue-green`) to build a second source beside it instead: no outage" }
                else { "a second source and its closure beside the old ones, cut over by renames: no outage; it does not move" }
            default:
                nil
            }
            return why.map { Alternative(strategy: strategy, whyNot: $0) }
        }
    }

    private static func summary(_ object: CatalogObject, decision: Decision, move: Move?, rebuiltBy: Move?) -> String {
        if let move {
            let verdict = move.isBlocked ? "is blocked" : "moves"
            return "\(verdict) from '\(move.from)' to '\(move.to)' with `\(move.strategy.rawValue)`: \(move.reason)"
        }
        if let rebuiltBy, rebuiltBy.strategy == .blueGreen {
            return "is rebuilt on '\(object.cluster ?? "-")' beside the old one, reading the new '\(rebuiltBy.object)' (it depends on that source, which moves blue-green); the new one takes its name at the cutover"
        }
        if let rebuiltBy {
            return "is dropped and recreated on '\(object.cluster ?? "-")' with '\(rebuiltBy.object)', which it depends on and which moves"
        }
        let place = object.cluster.map { "stays on '\($0)'" } ?? "runs on no cluster"
        switch decision {
        case .rule(_, let cluster, let at, _):
            return "\(place) because the rule at \(at) places it on '\(cluster)'"
        case .unlisted:
            return "\(place) because no rule in the manifest matches it (unlisted objects are left where they are)"
        case .unmanaged(_, let at):
            return "\(place) because it is listed under `unmanaged`\(at.map { " at \($0)" } ?? ""): mzplan never touches it"
        case .followsSource(let source):
            return "\(place) because a \(object.kind.rawValue) runs where its source\(source.map { " '\($0)'" } ?? "") runs; place the source instead"
        case .noCluster:
            return "runs on no cluster: \(object.kind.rawValue)s have none of their own (indexes on them do)"
        }
    }
}
