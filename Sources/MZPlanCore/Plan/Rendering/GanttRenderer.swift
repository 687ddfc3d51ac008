/// The `gantt` format: the estimated apply schedule (``ApplySchedule``) as a Mermaid gantt chart,
/// one section per cluster, a bar per step that takes time and a milestone per instant statement.
///
/// Times are milliseconds from the start (`dateFormat x`, so the axis reads as elapsed time);
/// task ids are `s<step id>`. Section and task texts keep letters, digits and ` ._-/()=→`; any
/// other character becomes `_`, so no name can end a task (`:`), start a comment (`%%`) or a
/// keyword line, or break the line.
struct GanttRenderer {
    func render(_ plan: Plan) -> String {
        let schedule = ApplySchedule(plan: plan)
        var lines = [
            "gantt",
            "    title " + text("Estimated apply schedule, about \(DurationText.describe(milliseconds: schedule.totalMs))"),
            "    dateFormat x",
            "    axisFormat %H:%M:%S",
        ]
        let entries = Dictionary(uniqueKeysWithValues: schedule.entries.map { ($0.step, $0) })
        var sections: [String] = []
        var stepsBySection: [String: [Step]] = [:]
        for step in plan.steps {
            let section = step.cluster ?? "plan"
            if stepsBySection[section] == nil { sections.append(section) }
            stepsBySection[section, default: []].append(step)
        }
        for section in sections {
            lines.append("    section " + text("cluster \(section)"))
            for step in stepsBySection[section] ?? [] {
                guard let entry = entries[step.id] else { continue }
                let name = text("\(step.id) \(step.action.rawValue)" + (step.object.map { " \($0)" } ?? ""))
                let tags = entry.endMs == entry.startMs ? "milestone, " : ""
                lines.append("    \(name) :\(tags)s\(step.id), \(entry.startMs), \(entry.endMs)")
            }
        }
        return lines.joined(separator: "\n") + "\n"
    }

    /// A section or task text: see the type's documentation.
    private func text(_ raw: String) -> String {
        var output = ""
        for scalar in raw.unicodeScalars {
            let safe = scalar.properties.isAlphabetic || ("0"..."9").contains(scalar) || " ._-/()=→,".unicodeScalars.contains(scalar)
            output.unicodeScalars.append(safe ? scalar : "_")
        }
        return output
    }
}
