/// The `markdown` format: a pull-request comment or CI job summary.
///
/// A title, a summary table and the fingerprint; blocked changes in a caution callout; tables of
/// cluster changes and moves; hazards with remedies; the estimated schedule as a Mermaid gantt
/// chart (GitHub renders it); the SQL in a collapsible `<details>`.
/// Markdown is for reading, so control characters in the SQL (other than line breaks and tabs)
/// are shown as escapes; the `sql` format keeps the statements byte for byte.
struct MarkdownRenderer {
    func render(_ plan: Plan) -> String {
        var blocks = ["## mzplan plan", summaryTable(plan.summary)]
        if let cost = plan.summary.costSentence { blocks.append("**Cost:** " + cost + ".") }
        blocks.append("Fingerprint: " + MarkdownText.code(plan.fingerprint))
        if plan.hasNoChanges {
            blocks.insert("No changes.", at: 1)
            return blocks.joined(separator: "\n\n") + "\n"
        }
        if plan.isBlocked { blocks.append(blockedCallout(plan)) }
        if !plan.clusters.isEmpty { blocks.append("### Clusters\n\n" + clusterTable(plan.clusters)) }
        if !plan.moves.isEmpty { blocks.append("### Moves\n\n" + moveTable(plan.moves)) }
        let hazards = hazardList(plan)
        if !hazards.isEmpty { blocks.append("### Hazards\n\n" + hazards) }
        if !plan.steps.isEmpty {
            blocks.append("### Schedule (estimated)\n\n```mermaid\n" + GanttRenderer().render(plan) + "```")
            blocks.append(stepsDetails(plan))
        }
        return blocks.joined(separator: "\n\n") + "\n"
    }

    private func summaryTable(_ summary: PlanSummary) -> String {
        let columns = [
            ("moves", summary.moves), ("blocked", summary.blocked),
            ("clusters created", summary.clustersCreated), ("clusters altered", summary.clustersAltered),
            ("clusters renamed", summary.clustersRenamed), ("clusters dropped", summary.clustersDropped),
            ("warnings", summary.warnings), ("unlisted", summary.unlisted), ("unchanged", summary.unchanged),
        ]
        return table(header: columns.map(\.0), rows: [columns.map { String($0.1) }], numeric: true)
    }

    private func blockedCallout(_ plan: Plan) -> String {
        var lines = ["> [!CAUTION]", "> **Blocked:** apply refuses this plan until these hazards are resolved or allowed."]
        for change in plan.clusters where change.isBlocked {
            lines.append("> - cluster " + MarkdownText.code(change.name, inTable: false)
                + " (\(change.action.rawValue)): " + blockingCodes(change.hazards))
        }
        for move in plan.moves where move.isBlocked {
            var codes = blockingCodes(move.hazards)
            if codes.isEmpty { codes = "feasibility `\(move.feasibility.rawValue)`" }
            lines.append("> - " + MarkdownText.code(move.object.description, inTable: false)
                + " (\(move.kind.rawValue)): " + codes)
        }
        return lines.joined(separator: "\n")
    }

    private func blockingCodes(_ hazards: [Hazard]) -> String {
        hazards.filter(\.blocks).map { "`\($0.code.rawValue)`" }.joined(separator: ", ")
    }

    private func clusterTable(_ changes: [ClusterChange]) -> String {
        let rows = changes.map { change in
            [
                MarkdownText.escape(ChangeMarker(change).rawValue),
                change.action == .rename && change.renamedFrom != nil
                    ? MarkdownText.code(change.renamedFrom ?? "") + " → " + MarkdownText.code(change.name)
                    : MarkdownText.code(change.name),
                change.action.rawValue,
                MarkdownText.escape([change.settingsDescription, change.resizeDescription].compactMap { $0 }.filter { !$0.isEmpty }.joined(separator: "; ")),
                hazardCodes(change.hazards),
            ]
        }
        return table(header: ["", "cluster", "change", "settings", "hazards"], rows: rows)
    }

    private func moveTable(_ moves: [Move]) -> String {
        let rows = moves.map { move in
            [
                MarkdownText.escape(ChangeMarker(move).rawValue),
                MarkdownText.code(move.object.description),
                move.kind.rawValue,
                MarkdownText.code(move.from) + " → " + MarkdownText.code(move.to),
                move.strategy.rawValue,
                move.feasibility.rawValue + waitSuffix(move),
                hazardCodes(move.hazards),
            ]
        }
        return table(header: ["", "object", "kind", "from → to", "strategy", "feasibility", "hazards"], rows: rows)
    }

    private func waitSuffix(_ move: Move) -> String {
        guard move.feasibility == .wait, let wait = move.frontier?.estimatedWaitMs else { return "" }
        return " (~" + RenderText.duration(ms: wait) + ")"
    }

    private func hazardCodes(_ hazards: [Hazard]) -> String {
        guard !hazards.isEmpty else { return "—" }
        return hazards.map { "`\($0.code.rawValue)` " + badge($0) }.joined(separator: ", ")
    }

    /// ⛔ blocks, ⚠️ warning, ✅ an error that is allowed.
    private func badge(_ hazard: Hazard) -> String {
        hazard.blocks ? "⛔" : hazard.severity == .warning ? "⚠️" : "✅"
    }

    private func hazardList(_ plan: Plan) -> String {
        let owners = plan.clusters.map { ("cluster " + MarkdownText.code($0.name, inTable: false), $0.hazards) }
            + plan.moves.map { (MarkdownText.code($0.object.description, inTable: false), $0.hazards) }
        return owners.flatMap { owner, hazards in
            hazards.flatMap { hazard in
                ["- \(badge(hazard)) **\(owner)** `\(hazard.code.rawValue)` (\(hazard.severityLabel)): " + MarkdownText.escape(hazard.message)]
                    + hazard.remedies.map { "  - remedy: " + MarkdownText.escape($0) }
            }
        }
        .joined(separator: "\n")
    }

    private func stepsDetails(_ plan: Plan) -> String {
        let sql = RenderText.printable(SQLRenderer().statements(plan))
        let fence = MarkdownText.fence(for: sql)
        return [
            "<details>",
            "<summary>Steps (\(plan.steps.count))</summary>",
            "",
            fence + "sql",
            sql,
            fence,
            "",
            "</details>",
        ]
        .joined(separator: "\n")
    }

    private func table(header: [String], rows: [[String]], numeric: Bool = false) -> String {
        let separator = header.map { _ in numeric ? "---:" : "---" }
        return ([header, separator] + rows)
            .map { "| " + $0.joined(separator: " | ") + " |" }
            .joined(separator: "\n")
    }
}
