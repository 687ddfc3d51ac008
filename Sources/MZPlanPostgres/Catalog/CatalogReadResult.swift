package import MZPlanCore

/// What ``CatalogReader`` read: the snapshot, and warnings about fields it had to leave null
/// because this Materialize version lacks a relation.
package struct CatalogReadResult: Sendable {
    package var snapshot: CatalogSnapshot
    package var warnings: [String]

    package init(snapshot: CatalogSnapshot, warnings: [String]) {
        self.snapshot = snapshot
        self.warnings = warnings
    }
}
