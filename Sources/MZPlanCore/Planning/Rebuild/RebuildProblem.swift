/// Why mzplan cannot produce a statement that rebuilds an object: its `create_sql` is missing
/// or unreadable, or Materialize would refuse the statement from a user session.
struct RebuildProblem: Error, Sendable {
    var object: QualifiedName
    var kind: ObjectKind
    var reason: String
    /// What to do instead, when the usual remedies (leave it, take a fresh snapshot) do not fit.
    var remedies: [String]?

    init(_ object: CatalogObject, _ reason: String, remedies: [String]? = nil) {
        self.object = object.qualifiedName
        self.kind = object.kind
        self.reason = reason
        self.remedies = remedies
    }

    /// `cannot rebuild source 'materialize.public.pg': …`.
    var message: String { "cannot rebuild \(kind.rawValue) '\(object)': \(reason)" }
}
