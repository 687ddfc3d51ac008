/// The kind of a catalog object, spelled as in the manifest and the snapshot.
package enum ObjectKind: String, Hashable, Sendable, CaseIterable, Comparable {
    case table
    case view
    case materializedView = "materialized-view"
    case index
    case source
    case subsource
    case sink

    /// Kinds that have a cluster of their own and can be placed by a manifest.
    package static let placeable: [ObjectKind] = [.source, .sink, .index, .materializedView]

    /// Whether objects of this kind run on a cluster the manifest can choose.
    package var isPlaceable: Bool { Self.placeable.contains(self) }

    /// The SQL keyword sequence for this kind, as in `DROP MATERIALIZED VIEW`.
    package var sqlKeyword: String {
        switch self {
        case .table: "TABLE"
        case .view: "VIEW"
        case .materializedView: "MATERIALIZED VIEW"
        case .index: "INDEX"
        case .source, .subsource: "SOURCE"
        case .sink: "SINK"
        }
    }

    package static func < (lhs: ObjectKind, rhs: ObjectKind) -> Bool { lhs.rawValue < rhs.rawValue }
}
