/// The output formats of `mzplan diff --format` (SPEC §2, §5).
package enum PlanFormat: String, Hashable, Sendable, CaseIterable {
    /// For people at a terminal: one line per change with `+ ~ - !` markers, like `terraform plan`.
    case text
    /// Plan JSON v1, the format `apply PLAN.json` reads.
    case json
    /// The statements in order, with comments; waits and blocked moves called out.
    case sql
    /// A pull-request comment or CI job summary.
    case markdown
    /// The step DAG for Graphviz.
    case dot
    /// The step DAG as a Mermaid flowchart.
    case mermaid
    /// The estimated apply schedule as a Mermaid gantt chart.
    case gantt
}
