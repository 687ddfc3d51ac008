/// How a move is carried out (SPEC §5). `auto` picks the first strategy that applies.
package enum Strategy: String, Hashable, Sendable, CaseIterable {
    case auto
    /// Materialized view: `CREATE REPLACEMENT … FOR mv IN CLUSTER b`, wait, `APPLY REPLACEMENT`.
    case replace
    /// Materialized view: `ALTER MATERIALIZED VIEW mv SET CLUSTER b` (experimental, opt-in).
    case native
    /// Index: create on the target, wait, drop the old one, rename.
    case rebuild
    /// Sink: create-before-drop. Source or materialized view: drop with CASCADE and rebuild
    /// with the dependent closure.
    case recreate
    /// Source: a second source and its dependent closure built under temporary names beside the
    /// old ones, cut over by renames in one transaction, the old closure dropped (SPEC §10.5).
    case blueGreen = "blue-green"
    /// Whole cluster: `ALTER CLUSTER a RENAME TO b`; chosen automatically, never written in a manifest.
    case rename

    /// The strategies a manifest may name for an object of `kind`.
    package static func allowed(for kind: ObjectKind) -> [Strategy] {
        switch kind {
        case .materializedView: [.auto, .replace, .native, .recreate]
        case .index: [.auto, .rebuild]
        case .sink: [.auto, .recreate]
        case .source: [.auto, .recreate, .blueGreen]
        case .table, .view, .subsource: [.auto]
        }
    }

    /// The strategies a manifest may name at all.
    package static let writable: [Strategy] = [.auto, .replace, .native, .rebuild, .recreate, .blueGreen]
}
