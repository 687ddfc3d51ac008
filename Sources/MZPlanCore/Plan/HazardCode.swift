/// Stable hazard codes (SPEC §5, §10). Errors block unless allowed; warnings never block;
/// `frontier-gap` and `rebuild-refused` can never be allowed.
package enum HazardCode: String, Hashable, Sendable, CaseIterable, Comparable {
    case frontierGap = "frontier-gap"
    case frontierWait = "frontier-wait"
    case indexLocality = "index-locality"
    case indexInUse = "index-in-use"
    case sinkRecreate = "sink-recreate"
    case sourceRecreate = "source-recreate"
    case webhookRecreate = "webhook-recreate"
    case cascadeDrop = "cascade-drop"
    case clusterRestart = "cluster-restart"
    case clusterDrop = "cluster-drop"
    case nativeSetClusterExperimental = "native-set-cluster-experimental"
    case capacity
    case storageRead = "storage-read"
    case replacementExists = "replacement-exists"
    /// A sealed materialized view cannot be replaced (SPEC §10.5).
    case sealedView = "sealed-view"
    /// A recreated materialized view gets a new id and loses its history (SPEC §10.5).
    case historyReset = "history-reset"
    /// A source moved blue-green: a second ingestion reads the upstream until the old one is
    /// dropped (a second replication slot, a second consumer group) (SPEC §10.5).
    case sourceDoubleIngest = "source-double-ingest"
    /// mzplan cannot produce a statement Materialize accepts to rebuild an object the move needs:
    /// unreadable `create_sql`, or a stored form a user session is refused. Never allowable.
    case rebuildRefused = "rebuild-refused"

    /// The severity this hazard always has.
    package var severity: Diagnostic.Severity {
        switch self {
        case .frontierWait, .indexLocality, .indexInUse, .storageRead, .historyReset, .sourceDoubleIngest: .warning
        default: .error
        }
    }

    /// Whether a manifest or `--allow` may accept this hazard.
    package var isAllowable: Bool { self != .frontierGap && self != .rebuildRefused }

    /// Why a code that is not allowable can never be allowed.
    package var refusalReason: String? {
        switch self {
        case .frontierGap: "a move that would skip times in a materialized view is always blocked; use one of the remedies the plan shows"
        case .rebuildRefused: "mzplan never drops what it cannot rebuild; fix or leave the object the plan names"
        default: nil
        }
    }

    package static func < (lhs: HazardCode, rhs: HazardCode) -> Bool { lhs.rawValue < rhs.rawValue }
}
