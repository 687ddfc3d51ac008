/// The `sql` format: every statement in step order, each under a comment naming the step.
///
/// Blocked moves and cluster changes are listed in a `-- BLOCKED:` block at the top, and their
/// steps are marked and commented out, so that piping the output into a SQL client never runs
/// a blocked statement; waits that `apply` performs between statements appear as comments. All
/// text in comments is made visible first, so no name can end a comment and inject SQL.
struct SQLRenderer {
    func render(_ plan: Plan) -> String {
        var lines = ["-- mzplan plan \(plan.fingerprint)", "-- " + plan.summary.phrases.joined(separator: ", ")]
        if plan.hasNoChanges {
            lines.append("-- No changes.")
            return lines.joined(separator: "\n") + "\n"
        }
        lines.append("-- Run with `mzplan apply`, which also performs the waits noted below.")
        for change in plan.clusters {
            if let resize = change.resizeDescription { lines.append("-- resize of cluster \(RenderText.cluster(change.name)): \(resize)") }
        }
        let blocked = blockedLines(plan)
        if !blocked.isEmpty {
            lines.append("--")
            lines += blocked
        }
        let index = StepIndex(plan)
        for step in plan.steps {
            lines.append("")
            lines.append(comment(for: step, index: index))
            lines.append(statement(step.sql, blocked: index.isBlocked(step.id)))
            if let wait = step.waitDescription { lines.append("-- " + wait) }
        }
        return lines.joined(separator: "\n") + "\n"
    }

    /// The body without the header: one commented statement per step (used by the markdown renderer).
    func statements(_ plan: Plan) -> String {
        let index = StepIndex(plan)
        return plan.steps.map { step in
            var lines = [comment(for: step, index: index), statement(step.sql, blocked: index.isBlocked(step.id))]
            if let wait = step.waitDescription { lines.append("-- " + wait) }
            return lines.joined(separator: "\n")
        }
        .joined(separator: "\n\n")
    }

    private func blockedLines(_ plan: Plan) -> [String] {
        let clusters = plan.clusters.filter(\.isBlocked).map { change in
            "-- BLOCKED: cluster \(change.displayName) (\(change.action.rawValue)): " + blockingReasons(change.hazards)
        }
        let moves = plan.moves.filter(\.isBlocked).map { move in
            var reasons = blockingReasons(move.hazards)
            if move.feasibility == .gap, !move.hazards.contains(where: { $0.code == .frontierGap }) {
                reasons = reasons.isEmpty ? "feasibility gap" : "feasibility gap, " + reasons
            }
            return "-- BLOCKED: " + RenderText.object(move.object) + " (\(move.kind.rawValue)) "
                + move.displayRoute + ": " + reasons
        }
        return clusters + moves
    }

    private func blockingReasons(_ hazards: [Hazard]) -> String {
        hazards.filter(\.blocks).map(\.code.rawValue).joined(separator: ", ")
    }

    private func comment(for step: Step, index: StepIndex) -> String {
        var context = step.phase.rawValue
        if !step.after.isEmpty { context += ", after " + RenderText.ids(step.after) }
        var text = "-- step \(step.id) (\(context))"
        if index.isBlocked(step.id) { text += " [BLOCKED]" }
        text += ": " + step.action.rawValue
        if let target = step.target { text += " " + target }
        if let move = index.move(for: step.id), move.object != step.object {
            text += " (moving " + RenderText.object(move.object) + ")"
        }
        return text
    }

    /// The statement as the planner built it, trailing whitespace removed, ending in `;`;
    /// every line commented out when the step is blocked.
    private func statement(_ sql: String, blocked: Bool) -> String {
        var text = Substring(sql)
        while let last = text.last, last.isWhitespace { text.removeLast() }
        let statement = text.hasSuffix(";") ? String(text) : text + ";"
        guard blocked else { return statement }
        return statement.split(separator: "\n", omittingEmptySubsequences: false).map { "-- " + $0 }.joined(separator: "\n")
    }
}
