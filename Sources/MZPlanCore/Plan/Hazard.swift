/// A risk attached to a move or cluster change, with its remedies (SPEC §5).
public struct Hazard: Hashable, Sendable {
    public var code: HazardCode
    public var severity: Diagnostic.Severity
    /// Accepted by the manifest's `allow` or `--allow`.
    public var allowed: Bool
    public var message: String
    public var remedies: [String]

    public init(_ code: HazardCode, allowed: Bool = false, message: String, remedies: [String] = []) {
        self.code = code
        self.severity = code.severity
        self.allowed = allowed && code.isAllowable
        self.message = message
        self.remedies = remedies
    }

    /// An error that is not allowed; `frontier-gap` and `rebuild-refused` always block.
    public var blocks: Bool {
        if !code.isAllowable { return true }
        return severity == .error && !allowed
    }
}
