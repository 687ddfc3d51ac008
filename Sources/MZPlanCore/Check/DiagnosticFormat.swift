/// How `mzplan check` prints its report: for people, for programs, or for GitHub Actions.
package enum DiagnosticFormat: String, Hashable, Sendable, CaseIterable {
    /// Compiler-style `file:line:col: severity: message`, the source line and a caret, then a summary line.
    case text
    /// One JSON document, `mzplan.check.v1` (see ``CheckReport/jsonValue()``).
    case json
    /// GitHub Actions workflow commands: `::error file=F,line=L,col=C::message`, one per finding.
    case github
}
