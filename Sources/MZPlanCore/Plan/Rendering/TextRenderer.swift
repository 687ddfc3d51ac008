/// The `text` format: what a person reads before `apply`, in the spirit of `terraform plan`.
///
/// Cluster changes and moves one line each with a `+ ~ - !` marker, hazards with their remedies
/// under them, then the numbered steps and a summary line with the fingerprint.
struct TextRenderer {
    var style: ANSIStyle

    init(color: Bool) {
        style = ANSIStyle(enabled: color)
    }

    func render(_ plan: Plan) -> String {
        if plan.hasNoChanges {
            var line = "No changes."
            let rest = plan.summary.phrases.dropFirst()
            if !rest.isEmpty { line += " " + rest.joined(separator: ", ") + "." }
            return line + " Fingerprint \(plan.fingerprint)\n"
        }
        var lines: [String] = []
        if !plan.clusters.isEmpty {
            lines.append(style.apply(.bold, "Clusters:"))
            for change in plan.clusters { lines += clusterLines(change) }
            lines.append("")
        }
        if !plan.moves.isEmpty {
            lines.append(style.apply(.bold, "Moves:"))
            for move in plan.moves { lines += moveLines(move) }
            lines.append("")
        }
        if !plan.steps.isEmpty {
            lines.append(style.apply(.bold, "Steps:"))
            lines += stepLines(plan.steps)
            lines.append("")
        }
        if plan.isBlocked {
            lines.append(style.apply(.red, "Blocked: apply refuses this plan until the ! hazards above are resolved or allowed."))
        }
        if let cost = plan.summary.costSentence {
            lines.append(style.apply(.bold, "Cost:") + " " + cost + ".")
        }
        lines.append(style.apply(.bold, "Plan:") + " " + plan.summary.phrases.joined(separator: ", ")
            + ". Fingerprint \(plan.fingerprint)")
        return lines.joined(separator: "\n") + "\n"
    }

    private func clusterLines(_ change: ClusterChange) -> [String] {
        var headline = style.marker(ChangeMarker(change)) + " cluster " + change.displayName
            + "  (\(change.action.rawValue))"
        let settings = change.settingsDescription
        if !settings.isEmpty { headline += "  " + settings }
        if let resize = change.resizeDescription { headline += "  [\(resize)]" }
        return [headline] + change.hazards.flatMap(hazardLines)
    }

    private func moveLines(_ move: Move) -> [String] {
        var verdict = "\(move.strategy.rawValue), feasibility \(move.feasibility.rawValue)"
        if move.isBlocked { verdict += ", " + style.apply(.red, "blocked") }
        var lines = [
            style.marker(ChangeMarker(move)) + " " + RenderText.object(move.object)
                + "  (\(move.kind.rawValue))  " + move.displayRoute + "  [\(verdict)]"
        ]
        if !move.reason.isEmpty { lines.append("    reason: " + RenderText.visible(move.reason)) }
        lines += move.hazards.flatMap(hazardLines)
        lines += frontierLines(move)
        if move.estimatedStalenessMs > 0 {
            lines.append("    estimated staleness: ~" + RenderText.duration(ms: move.estimatedStalenessMs))
        }
        if !move.recreates.isEmpty {
            let label = move.strategy == .blueGreen ? "rebuilds beside the old ones" : "recreates"
            lines.append("    \(label): " + move.recreates.map(RenderText.object).joined(separator: ", "))
        }
        if !move.steps.isEmpty { lines.append("    steps: " + RenderText.ids(move.steps)) }
        return lines
    }

    private func frontierLines(_ move: Move) -> [String] {
        var lines: [String] = []
        if move.feasibility == .wait {
            let wait = move.frontier?.estimatedWaitMs.map { "~" + RenderText.duration(ms: $0) } ?? "unknown"
            lines.append("    estimated wait: " + wait)
        }
        guard move.feasibility != .ok, let frontier = move.frontier else { return lines }
        let since = frontier.sinceMs.map { "max since \($0)" } ?? "max since unknown"
        let upper = frontier.sealed ? "upper sealed" : frontier.upperMs.map { "upper \($0)" } ?? "upper unknown"
        lines.append("    frontier: \(since), \(upper)")
        for input in frontier.imports {
            var line = "      " + RenderText.object(input.relation) + " via " + input.via.rawValue
            if let index = input.index { line += " " + RenderText.object(index) }
            line += input.sinceMs.map { ", since \($0)" } ?? ", since unknown"
            lines.append(line)
        }
        return lines
    }

    private func hazardLines(_ hazard: Hazard) -> [String] {
        ["  " + style.hazard(hazard) + " (\(hazard.severityLabel)): " + RenderText.visible(hazard.message)]
            + hazard.remedies.map { "    remedy: " + RenderText.visible($0) }
    }

    private func stepLines(_ steps: [Step]) -> [String] {
        let width = steps.map { String($0.id).count }.max() ?? 1
        let indent = String(repeating: " ", count: width + 2 + 7 + 2)
        return steps.flatMap { step -> [String] in
            let id = String(repeating: " ", count: width - String(step.id).count) + String(step.id)
            let phase = step.phase.rawValue.padding(toLength: 7)
            var lines = ["  \(id)  \(phase)  " + RenderText.oneLine(step.sql)]
            var notes: [String] = []
            if !step.after.isEmpty { notes.append("after " + RenderText.ids(step.after)) }
            if let wait = step.waitDescription { notes.append(wait) }
            if !notes.isEmpty { lines.append(indent + notes.joined(separator: "; ")) }
            return lines
        }
    }
}

extension String {
    /// The string padded with trailing spaces to at least `length` characters.
    fileprivate func padding(toLength length: Int) -> String {
        count >= length ? self : self + String(repeating: " ", count: length - count)
    }
}
