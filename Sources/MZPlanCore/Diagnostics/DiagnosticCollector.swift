/// Gathers recoverable findings so that a command can report all problems at once.
package struct DiagnosticCollector: Sendable {
    package private(set) var diagnostics: [Diagnostic] = []

    package init() {}

    package var hasErrors: Bool { diagnostics.contains { $0.severity == .error } }

    package mutating func append(_ diagnostic: Diagnostic) {
        diagnostics.append(diagnostic)
    }

    package mutating func append(contentsOf other: [Diagnostic]) {
        diagnostics.append(contentsOf: other)
    }

    package mutating func error(_ code: String, _ message: String, at location: SourceLocation? = nil, snippet: String? = nil) {
        append(Diagnostic(.error, code: code, message, at: location, snippet: snippet))
    }

    package mutating func warning(_ code: String, _ message: String, at location: SourceLocation? = nil, snippet: String? = nil) {
        append(Diagnostic(.warning, code: code, message, at: location, snippet: snippet))
    }

    /// The findings ordered by file position (findings without a place last), then by severity.
    /// Stable, so equal keys keep their discovery order.
    package var sorted: [Diagnostic] {
        diagnostics.enumerated().sorted { lhs, rhs in
            switch (lhs.element.location, rhs.element.location) {
            case let (l?, r?) where l != r: return l < r
            case (.some, .none): return true
            case (.none, .some): return false
            default:
                if lhs.element.severity != rhs.element.severity {
                    return lhs.element.severity < rhs.element.severity
                }
                return lhs.offset < rhs.offset
            }
        }.map(\.element)
    }

    /// Throws every collected finding when at least one is an error.
    package func throwIfErrors() throws(DiagnosticsError) {
        if hasErrors { throw DiagnosticsError(sorted) }
    }
}
