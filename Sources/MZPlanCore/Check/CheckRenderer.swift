/// Renders a ``CheckReport`` as text, JSON or GitHub workflow commands.
package struct CheckRenderer: Sendable {
    package init() {}

    /// The whole report in `format`, ending with a newline. `color` (text only) paints errors red
    /// and warnings yellow.
    package func render(_ report: CheckReport, format: DiagnosticFormat, color: Bool = false) -> String {
        switch format {
        case .text: text(report, color: color)
        case .json: report.json()
        case .github: github(report)
        }
    }

    /// Every finding compiler-style with its snippet, a blank line between findings, then the summary line.
    func text(_ report: CheckReport, color: Bool) -> String {
        var blocks = report.diagnostics.map { diagnostic in
            guard color else { return diagnostic.description }
            let paint = switch diagnostic.severity {
            case .error: "\u{1B}[31m"
            case .warning: "\u{1B}[33m"
            case .note: "\u{1B}[36m"
            }
            return paint + diagnostic.headline + "\u{1B}[0m" + (diagnostic.snippet.map { "\n" + $0 } ?? "")
        }
        blocks.append(summary(report))
        return blocks.joined(separator: "\n\n") + "\n"
    }

    /// One annotation per finding, then the summary as a plain log line.
    func github(_ report: CheckReport) -> String {
        (report.diagnostics.map { GitHubAnnotation($0).line } + [summary(report)]).joined(separator: "\n") + "\n"
    }

    /// `FAILED: 2 errors, 1 warning in 1 manifest.` or `OK: 1 manifest is valid; plan: 3 moves, none blocked.`
    package func summary(_ report: CheckReport) -> String {
        let files = count(report.fileCount, "manifest")
        var findings: [String] = []
        if report.errorCount > 0 { findings.append(count(report.errorCount, "error")) }
        if report.warningCount > 0 { findings.append(count(report.warningCount, "warning")) }
        let plan = report.plan.map { "; plan: " + planSummary($0) } ?? (report.errorCount == 0 ? " (offline: names were not resolved; pass --catalog to plan)" : "")
        if report.ok {
            let warnings = findings.isEmpty ? "" : " with \(findings.joined(separator: ", "))"
            return "OK: \(files) \(report.fileCount == 1 ? "is" : "are") valid\(warnings)\(plan)."
        }
        let found = findings.isEmpty ? "" : "\(findings.joined(separator: ", ")) in \(files)"
        return "FAILED: \(found.isEmpty ? files : found)\(plan)."
    }

    private func planSummary(_ plan: Plan) -> String {
        let summary = plan.summary
        guard !plan.isEmpty else { return "no changes" }
        var parts = [count(summary.moves, "move")]
        parts.append(summary.blocked == 0 ? "none blocked" : "\(summary.blocked) blocked")
        let clusterChanges = summary.clustersCreated + summary.clustersAltered + summary.clustersRenamed + summary.clustersDropped
        if clusterChanges > 0 { parts.append(count(clusterChanges, "cluster change")) }
        return parts.joined(separator: ", ")
    }

    private func count(_ number: Int, _ noun: String) -> String {
        "\(number) \(noun)\(number == 1 ? "" : "s")"
    }
}
