/// The `mermaid` format: the step DAG as a Mermaid flowchart (GitHub renders it in markdown).
///
/// One subgraph per phase, nodes `s<id>` labelled `id action` and their object, edges from
/// `after`; blocked steps get the `blocked` class. Every label character outside a small safe
/// set is written as a Mermaid entity code (`#34;`), so quotes, brackets, `|`, `<` and
/// newlines in names cannot end a label or inject markup.
struct MermaidRenderer {
    func render(_ plan: Plan) -> String {
        var lines = ["flowchart LR"]
        let index = StepIndex(plan)
        for phase in Step.Phase.allCases {
            let steps = plan.steps.filter { $0.phase == phase }
            guard !steps.isEmpty else { continue }
            lines.append("  subgraph \(phase.rawValue) [\"\(phase.rawValue)\"]")
            for step in steps {
                lines.append("    s\(step.id)[\"" + label(step) + "\"]")
            }
            lines.append("  end")
        }
        for step in plan.steps {
            for dependency in step.after {
                lines.append("  s\(dependency) --> s\(step.id)")
            }
        }
        let blocked = plan.steps.map(\.id).filter(index.isBlocked)
        if !blocked.isEmpty {
            lines.append("  classDef blocked stroke:#d00,stroke-width:2px,color:#d00")
            lines.append("  class " + blocked.map { "s\($0)" }.joined(separator: ",") + " blocked")
        }
        return lines.joined(separator: "\n") + "\n"
    }

    private func label(_ step: Step) -> String {
        var parts = [escape("\(step.id) \(step.action.rawValue)")]
        if let target = step.target { parts.append(escape(target)) }
        if let wait = step.wait { parts.append(escape("wait until \(wait.until.rawValue)")) }
        return parts.joined(separator: "<br/>")
    }

    /// Letters, digits, space and `._-:,/()=→` pass through; everything else becomes `#<code>;`.
    private func escape(_ text: String) -> String {
        var output = ""
        for scalar in RenderText.visible(text).unicodeScalars {
            if scalar.properties.isAlphabetic || ("0"..."9").contains(scalar) || " ._-:,/()=→".unicodeScalars.contains(scalar) {
                output.unicodeScalars.append(scalar)
            } else {
                output += "#\(scalar.value);"
            }
        }
        return output
    }
}
