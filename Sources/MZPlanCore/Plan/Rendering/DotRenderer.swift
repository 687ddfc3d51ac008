/// The `dot` format: the step DAG for Graphviz (`dot -Tsvg`).
///
/// Nodes are steps labelled `id action` and their object, grouped by phase in clusters; edges
/// follow `after`. Waiting steps have a double border, blocked steps are red. Labels are DOT
/// quoted strings: control characters are made visible, then `\` and `"` are escaped.
struct DotRenderer {
    func render(_ plan: Plan) -> String {
        var lines = [
            "digraph mzplan {",
            "  label=" + quoted("mzplan plan " + plan.fingerprint) + ";",
            "  labelloc=t;",
            "  rankdir=LR;",
            "  node [shape=box, fontname=\"Helvetica\"];",
        ]
        let index = StepIndex(plan)
        for phase in Step.Phase.allCases {
            let steps = plan.steps.filter { $0.phase == phase }
            guard !steps.isEmpty else { continue }
            lines.append("  subgraph cluster_\(phase.rawValue) {")
            lines.append("    label=\"\(phase.rawValue)\";")
            for step in steps {
                lines.append("    s\(step.id) [" + attributes(step, blocked: index.isBlocked(step.id)) + "];")
            }
            lines.append("  }")
        }
        for step in plan.steps {
            for dependency in step.after {
                lines.append("  s\(dependency) -> s\(step.id);")
            }
        }
        lines.append("}")
        return lines.joined(separator: "\n") + "\n"
    }

    private func attributes(_ step: Step, blocked: Bool) -> String {
        var label = "\(step.id) \(step.action.rawValue)"
        if let target = step.target { label += "\n" + target }
        if let wait = step.wait { label += "\nwait until \(wait.until.rawValue)" }
        var attributes = ["label=" + quoted(label)]
        if step.wait != nil { attributes.append("peripheries=2") }
        if blocked { attributes.append("color=red, fontcolor=red") }
        return attributes.joined(separator: ", ")
    }

    /// A DOT quoted string; `text`'s own newlines (already visible as `\n` text) stay literal,
    /// while the `\n` this renderer puts between label lines becomes a DOT line break.
    private func quoted(_ text: String) -> String {
        let escaped = text.split(separator: "\n", omittingEmptySubsequences: false).map { line in
            var output = ""
            for character in line {
                switch character {
                case "\\": output += "\\\\"
                case "\"": output += "\\\""
                default: output.append(character)
                }
            }
            return output
        }
        return "\"" + escaped.joined(separator: "\\n") + "\""
    }
}
