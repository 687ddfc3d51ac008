/// Turns a ``Plan`` into one of the ``PlanFormat`` outputs.
///
/// Every format is deterministic: the same plan gives the same bytes. Only `text` uses color,
/// and only when asked; every output ends with a newline. Names from the catalog are shown so
/// they cannot break the format (control characters become visible escapes, and each syntax
/// escapes its own special characters), while step SQL is printed as the planner built it.
package struct PlanRenderer: Sendable {
    package init() {}

    /// Renders `plan` as `format`. `color` adds ANSI colors to `text` and is ignored otherwise.
    package func render(_ plan: Plan, format: PlanFormat, color: Bool = false) -> String {
        switch format {
        case .text: TextRenderer(color: color).render(plan)
        case .json: plan.json()
        case .sql: SQLRenderer().render(plan)
        case .markdown: MarkdownRenderer().render(plan)
        case .dot: DotRenderer().render(plan)
        case .mermaid: MermaidRenderer().render(plan)
        case .gantt: GanttRenderer().render(plan)
        }
    }

    /// ``render(_:format:color:)`` as UTF-8 bytes; JSON is written without building a `String`.
    package func renderBytes(_ plan: Plan, format: PlanFormat, color: Bool = false) -> [UInt8] {
        format == .json ? plan.jsonBytes() : Array(render(plan, format: format, color: color).utf8)
    }
}
