/// A failure made of one or more diagnostics, all of which should be shown to the user.
///
/// Stages that can report several problems at once (the manifest loader, the resolver)
/// collect them and throw this error with every finding, warnings included, sorted by place.
package struct DiagnosticsError: Error, Sendable, CustomStringConvertible {
    package var diagnostics: [Diagnostic]

    package init(_ diagnostics: [Diagnostic]) {
        self.diagnostics = diagnostics
    }

    package init(_ diagnostic: Diagnostic) {
        self.diagnostics = [diagnostic]
    }

    package var description: String {
        diagnostics.map(\.description).joined(separator: "\n")
    }
}
