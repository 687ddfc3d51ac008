public import MZPlanCore

/// What ``CatalogReader`` read: the snapshot, and warnings about fields it had to leave null
/// because this Materialize version lacks a relation.
public struct CatalogReadResult: Sendable {
    public var snapshot: CatalogSnapshot
    public var warnings: [String]

    public init(snapshot: CatalogSnapshot, warnings: [String]) {
        self.snapshot = snapshot
        self.warnings = warnings
    }
}
