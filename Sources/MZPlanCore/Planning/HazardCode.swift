/// Stable hazard codes (SPEC §5). Errors block unless allowed; warnings never block;
/// `frontier-gap` can never be allowed.
public enum HazardCode: String, Hashable, Sendable, CaseIterable, Comparable {
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

    /// The severity this hazard always has.
    public var severity: Diagnostic.Severity {
        switch self {
        case .frontierWait, .indexLocality, .indexInUse, .storageRead: .warning
        default: .error
        }
    }

    /// Whether a manifest or `--allow` may accept this hazard.
    public var isAllowable: Bool { self != .frontierGap }

    public static func < (lhs: HazardCode, rhs: HazardCode) -> Bool { lhs.rawValue < rhs.rawValue }
}
