/// One finding about the user's input: what is wrong, where, and what to do next.
///
/// Rendered compiler-style: `mzplan.yaml:12:5: error: unknown key 'replication_factr'
/// (did you mean 'replication_factor'?)`, followed by the offending source line and a
/// caret under the column when the snippet is known.
package struct Diagnostic: Hashable, Sendable, Error, CustomStringConvertible {
    /// How serious a finding is. Only errors change the exit code.
    package enum Severity: String, Hashable, Sendable, Comparable, CaseIterable {
        case error
        case warning
        case note

        private var rank: Int {
            switch self {
            case .error: 0
            case .warning: 1
            case .note: 2
            }
        }

        package static func < (lhs: Severity, rhs: Severity) -> Bool { lhs.rank < rhs.rank }
    }

    package var severity: Severity
    /// A stable, machine-readable code such as `manifest.unknown-key` or `catalog.missing-field`.
    package var code: String
    /// One sentence: what is wrong, and what to do next.
    package var message: String
    /// Where the problem is, when it has a place in a file.
    package var location: SourceLocation?
    /// The offending source line followed by a line with a caret under the column.
    package var snippet: String?

    package init(
        _ severity: Severity,
        code: String,
        _ message: String,
        at location: SourceLocation? = nil,
        snippet: String? = nil
    ) {
        self.severity = severity
        self.code = code
        self.message = message
        self.location = location
        self.snippet = snippet
    }

    /// `file:line:col: severity: message`, without the snippet.
    package var headline: String {
        if let location {
            return "\(location): \(severity.rawValue): \(message)"
        }
        return "\(severity.rawValue): \(message)"
    }

    /// The headline and, when known, the snippet on the following lines.
    package var description: String {
        guard let snippet, !snippet.isEmpty else { return headline }
        return headline + "\n" + snippet
    }
}
