/// What `mzplan check` found: every diagnostic (manifest problems, resolution problems, plan
/// hazards) and, when a catalog was given, the plan.
///
/// This is the type that crosses from checking into rendering (``CheckRenderer``).
package struct CheckReport: Sendable {
    /// The value of the `format` field of the JSON report.
    package static let format = "mzplan.check.v1"

    /// Every finding, in the order they are shown.
    package var diagnostics: [Diagnostic]
    /// The plan, or nil when no catalog was given or the manifests did not get that far.
    package var plan: Plan?
    /// How many manifest files were checked, for the summary line.
    package var fileCount: Int

    package init(diagnostics: [Diagnostic], plan: Plan? = nil, fileCount: Int = 1) {
        self.diagnostics = diagnostics
        self.plan = plan
        self.fileCount = fileCount
    }

    /// No errors and nothing blocked.
    package var ok: Bool { errorCount == 0 && !(plan?.isBlocked ?? false) }

    package var errorCount: Int { count(.error) }
    package var warningCount: Int { count(.warning) }

    private func count(_ severity: Diagnostic.Severity) -> Int {
        diagnostics.count { $0.severity == severity }
    }
}
