/// A risk attached to a move or cluster change, with its remedies (SPEC §5).
package struct Hazard: Hashable, Sendable {
    package var code: HazardCode
    package var severity: Diagnostic.Severity
    /// Accepted by the manifest's `allow` or `--allow`.
    package var allowed: Bool
    package var message: String
    package var remedies: [String]

    package init(_ code: HazardCode, allowed: Bool = false, message: String, remedies: [String] = []) {
        self.code = code
        self.severity = code.severity
        self.allowed = allowed && code.isAllowable
        self.message = message
        self.remedies = remedies
    }

    /// An error that is not allowed; `frontier-gap` and `rebuild-refused` always block.
    package var blocks: Bool {
        if !code.isAllowable { return true }
        return severity == .error && !allowed
    }
}
