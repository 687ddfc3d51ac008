/// A change to a cluster itself: create, resize, rename or drop.
package struct ClusterChange: Hashable, Sendable {
    package enum Action: String, Hashable, Sendable {
        case create
        /// `ALTER CLUSTER … SET (SIZE = …, REPLICATION FACTOR = …)`.
        case alter
        /// `ALTER CLUSTER a RENAME TO b`: a whole-cluster move.
        case rename
        case drop
    }

    /// The cluster's name after the change (for `rename`, the new name).
    package var name: String
    package var action: Action
    /// For `rename`, the old name.
    package var renamedFrom: String?
    /// Size before and after; nil where unknown or unchanged.
    package var fromSize: String?
    package var size: String?
    package var fromReplicationFactor: Int?
    package var replicationFactor: Int?
    /// For `alter`: how the resize is carried out; nil for other actions.
    package var strategy: ResizeStrategy?
    /// For `alter`: how long objects on the cluster are expected not to serve (0 for blue-green,
    /// graceful and in place); nil when unbounded (replication factor 0) or not a resize.
    package var estimatedDowntimeMs: UInt64?
    package var hazards: [Hazard]
    package var steps: [Int]

    package init(
        name: String,
        action: Action,
        renamedFrom: String? = nil,
        fromSize: String? = nil,
        size: String? = nil,
        fromReplicationFactor: Int? = nil,
        replicationFactor: Int? = nil,
        strategy: ResizeStrategy? = nil,
        estimatedDowntimeMs: UInt64? = nil,
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
        self.strategy = strategy
        self.estimatedDowntimeMs = estimatedDowntimeMs
        self.hazards = hazards
        self.steps = steps
    }

    /// Blocked when any hazard blocks.
    package var isBlocked: Bool { hazards.contains(where: \.blocks) }
}
