/// A change to a cluster itself: create, resize, rename or drop.
public struct ClusterChange: Hashable, Sendable {
    public enum Action: String, Hashable, Sendable {
        case create
        /// `ALTER CLUSTER … SET (SIZE = …, REPLICATION FACTOR = …)`.
        case alter
        /// `ALTER CLUSTER a RENAME TO b`: a whole-cluster move.
        case rename
        case drop
    }

    /// The cluster's name after the change (for `rename`, the new name).
    public var name: String
    public var action: Action
    /// For `rename`, the old name.
    public var renamedFrom: String?
    /// Size before and after; nil where unknown or unchanged.
    public var fromSize: String?
    public var size: String?
    public var fromReplicationFactor: Int?
    public var replicationFactor: Int?
    public var hazards: [Hazard]
    public var steps: [Int]

    public init(
        name: String,
        action: Action,
        renamedFrom: String? = nil,
        fromSize: String? = nil,
        size: String? = nil,
        fromReplicationFactor: Int? = nil,
        replicationFactor: Int? = nil,
        hazards: [Hazard] = [],
        steps: [Int] = []
    ) {
        self.name = name
        self.action = action
        self.renamedFrom = renamedFrom
        self.fromSize = fromSize
        self.size = size
        self.fromReplicationFactor = fromReplicationFactor
        self.replicationFactor = replicationFactor
        self.hazards = hazards
        self.steps = steps
    }

    /// Blocked when any hazard blocks.
    public var isBlocked: Bool { hazards.contains(where: \.blocks) }
}
