// `mzplan explain --format text|json`: one object's account, names made visible in text, and a
// JSON document of a fixed shape (documented in the README).

extension Explanation {
    /// The account for a terminal.
    package func text() -> String {
        var lines = ["\(RenderText.object(object.qualifiedName))  (\(object.kind.rawValue), \(object.id))"]
        lines.append("  " + RenderText.visible(summary))
        lines.append("  is on:       " + (object.cluster.map(RenderText.cluster) ?? "no cluster"))
        lines.append("  manifest:    " + decisionText)
        if let memory = object.memoryBytes { lines.append("  memory:      " + ByteText.describe(bytes: memory) + " on its largest replica") }
        if let move {
            lines.append("  strategy:    \(move.strategy.rawValue), feasibility \(move.feasibility.rawValue)" + (move.isBlocked ? ", blocked" : ""))
        }
        for alternative in alternatives {
            lines.append("    not \(alternative.strategy.rawValue): " + alternative.whyNot)
        }
        if let frontier = move?.frontier {
            let since = frontier.sinceMs.map(String.init) ?? "unknown"
            let upper = frontier.sealed ? "sealed" : frontier.upperMs.map(String.init) ?? "unknown"
            lines.append("  frontiers:   on '\(RenderText.visible(move?.to ?? ""))' it reads (largest since \(since)); its upper is \(upper)")
            for input in frontier.imports {
                var line = "    " + RenderText.object(input.relation) + " via " + input.via.rawValue
                if let index = input.index { line += " " + RenderText.object(index) }
                line += input.sinceMs.map { ", since \($0)" } ?? ", since unknown"
                lines.append(line)
            }
            if let wait = frontier.estimatedWaitMs { lines.append("    the cutover waits about " + RenderText.duration(ms: wait)) }
        }
        let hazards = move?.hazards ?? rebuiltBy?.hazards ?? []
        if !hazards.isEmpty { lines.append("  hazards:") }
        for hazard in hazards {
            lines.append("    \(hazard.blocks ? "!" : "*") \(hazard.code.rawValue) (\(hazard.severityLabel)): " + RenderText.visible(hazard.message))
            lines += hazard.remedies.map { "        remedy: " + RenderText.visible($0) }
        }
        if !steps.isEmpty { lines.append("  steps:") }
        for step in steps {
            lines.append("    \(step.id)  \(step.phase.rawValue)  " + RenderText.oneLine(step.sql))
        }
        if !movedDependencies.isEmpty {
            lines.append("  depends on, also moved: " + movedDependencies.map(RenderText.object).joined(separator: ", "))
        }
        if !movedDependents.isEmpty {
            lines.append("  used by, also moved:    " + movedDependents.map(RenderText.object).joined(separator: ", "))
        }
        if let cost { lines.append("  plan cost:   " + cost) }
        return lines.joined(separator: "\n") + "\n"
    }

    /// The account as JSON: `object`, `id`, `kind`, `cluster`, `desired_cluster`, `summary`,
    /// `decided_by` {`kind`, `pattern`, `cluster`, `location`, `precedence`, `source`}, `move`
    /// (as in plan JSON, or null), `rebuilt_by`, `alternatives` [{`strategy`, `why_not`}], `steps`
    /// (as in plan JSON), `depends_on_moved`, `used_by_moved`, `memory_bytes` (the object's, or
    /// null), `plan_cost` (the plan's bill in one sentence, or null).
    package func json() -> String {
        JSONValue.object([
            ("object", .string(object.qualifiedName.description)),
            ("id", .string(object.id)),
            ("kind", .string(object.kind.rawValue)),
            ("cluster", .string(object.cluster)),
            ("desired_cluster", .string(desiredCluster)),
            ("summary", .string(summary)),
            ("decided_by", decisionJSON),
            ("move", move.map { $0.jsonValue() } ?? .null),
            ("rebuilt_by", .string(rebuiltBy?.object.description)),
            ("alternatives", .array(alternatives.map { .object([("strategy", .string($0.strategy.rawValue)), ("why_not", .string($0.whyNot))]) })),
            ("steps", .array(steps.map { $0.jsonValue() })),
            ("depends_on_moved", .strings(movedDependencies.map(\.description))),
            ("used_by_moved", .strings(movedDependents.map(\.description))),
            ("memory_bytes", .uint(object.memoryBytes)),
            ("plan_cost", .string(cost)),
        ]).serialized(pretty: true) + "\n"
    }

    private var decisionText: String {
        switch decision {
        case .rule(let pattern, let cluster, let at, let precedence):
            let kind = ["a glob", "a glob with `kind`", "an exact name"][max(0, min(2, precedence))]
            return "'\(RenderText.visible(cluster))', by the rule '\(RenderText.visible(pattern))' at \(RenderText.visible(at.description)) (\(kind))"
        case .unlisted:
            return "no rule matches it"
        case .unmanaged(let pattern, let at):
            return "unmanaged by '\(RenderText.visible(pattern))'" + (at.map { " at \(RenderText.visible($0.description))" } ?? "")
        case .followsSource(let source):
            return "follows its source" + (source.map { " " + RenderText.object($0) } ?? "")
        case .noCluster:
            return "not placeable (no cluster)"
        }
    }

    private var decisionJSON: JSONValue {
        var kind = "", pattern: String?, cluster: String?, location: String?, precedence: Int?, source: String?
        switch decision {
        case .rule(let text, let target, let at, let level):
            (kind, pattern, cluster, location, precedence) = ("rule", text, target, at.description, level)
        case .unlisted:
            kind = "unlisted"
        case .unmanaged(let text, let at):
            (kind, pattern, location) = ("unmanaged", text, at?.description)
        case .followsSource(let name):
            (kind, source) = ("follows-source", name?.description)
        case .noCluster:
            kind = "no-cluster"
        }
        return .object([
            ("kind", .string(kind)),
            ("pattern", .string(pattern)),
            ("cluster", .string(cluster)),
            ("location", .string(location)),
            ("precedence", .int(precedence)),
            ("source", .string(source)),
        ])
    }
}
