/// The desired placement: one or more `mzplan.yaml` files merged (manifest v1, SPEC §3).
///
/// This is the type that crosses from the manifest stage into planning. Every name in it is
/// already qualified with its file's `database`/`schema` defaults, and every rule keeps the
/// position it was written at, so later stages can report `file:line:col`.
package struct Manifest: Hashable, Sendable {
    /// Target clusters in order of first appearance across files.
    package var clusters: [ClusterSpec]
    /// Patterns of objects never touched, even when a rule matches them.
    package var unmanaged: [UnmanagedPattern]
    package var options: PlanOptions
    /// The first file's `database` and `schema`: how names given on the command line (`explain`) are qualified.
    package var defaultDatabase: String
    package var defaultSchema: String

    package init(
        clusters: [ClusterSpec] = [],
        unmanaged: [UnmanagedPattern] = [],
        options: PlanOptions = PlanOptions(),
        defaultDatabase: String = "materialize",
        defaultSchema: String = "public"
    ) {
        self.clusters = clusters
        self.unmanaged = unmanaged
        self.options = options
        self.defaultDatabase = defaultDatabase
        self.defaultSchema = defaultSchema
    }

    /// Every placement rule of every cluster, in file order.
    package var rules: [PlacementRule] { clusters.flatMap(\.rules) }
}

/// One key of `clusters:`: a cluster name, optional size and replication factor, and its objects.
package struct ClusterSpec: Hashable, Sendable {
    /// The exact cluster name (cluster keys are taken literally).
    package var name: String
    /// Where the key was written (the first file that names it).
    package var location: SourceLocation
    package var size: String?
    package var sizeLocation: SourceLocation?
    package var replicationFactor: Int?
    package var replicationFactorLocation: SourceLocation?
    /// How a change of size or replication factor is carried out (`resize`; nil: `auto`).
    package var resize: ResizeStrategy?
    package var resizeLocation: SourceLocation?
    package var rules: [PlacementRule]

    package init(
        name: String,
        location: SourceLocation,
        size: String? = nil,
        sizeLocation: SourceLocation? = nil,
        replicationFactor: Int? = nil,
        replicationFactorLocation: SourceLocation? = nil,
        resize: ResizeStrategy? = nil,
        resizeLocation: SourceLocation? = nil,
        rules: [PlacementRule] = []
    ) {
        self.name = name
        self.location = location
        self.size = size
        self.sizeLocation = sizeLocation
        self.replicationFactor = replicationFactor
        self.replicationFactorLocation = replicationFactorLocation
        self.resize = resize
        self.resizeLocation = resizeLocation
        self.rules = rules
    }
}

/// One entry of a cluster's `objects:` list.
package struct PlacementRule: Hashable, Sendable {
    /// The cluster this rule places objects on.
    package var cluster: String
    package var pattern: NamePattern
    /// Optional `kind` filter.
    package var kind: ObjectKind?
    /// Optional per-object strategy; nil means `auto`.
    package var strategy: Strategy?
    /// Hazard codes accepted for objects this rule places.
    package var allow: [HazardCode]
    /// Where the entry starts.
    package var location: SourceLocation

    package init(
        cluster: String,
        pattern: NamePattern,
        kind: ObjectKind? = nil,
        strategy: Strategy? = nil,
        allow: [HazardCode] = [],
        location: SourceLocation
    ) {
        self.cluster = cluster
        self.pattern = pattern
        self.kind = kind
        self.strategy = strategy
        self.allow = allow
        self.location = location
    }

    /// Precedence: exact (2) beats a glob with `kind` (1) beats a bare glob (0).
    package var precedence: Int {
        if !pattern.isGlob { return 2 }
        return kind == nil ? 0 : 1
    }
}

/// An entry of `unmanaged:`.
package struct UnmanagedPattern: Hashable, Sendable {
    package var pattern: NamePattern
    package var location: SourceLocation

    package init(pattern: NamePattern, location: SourceLocation) {
        self.pattern = pattern
        self.location = location
    }
}

/// `options:` (SPEC §3), with Materialize operators' defaults.
package struct PlanOptions: Hashable, Sendable {
    /// Readiness: max wallclock lag of a pre-hydrated object.
    package var lagThresholdMs: UInt64 = 1000
    /// Readiness must hold this many consecutive polls.
    package var stablePolls: Int = 2
    package var pollIntervalMs: UInt64 = 2000
    package var hydrationTimeoutMs: UInt64 = 30 * 60 * 1000
    /// The `TIMEOUT` of a graceful resize's `WAIT UNTIL READY`.
    package var resizeTimeoutMs: UInt64 = 30 * 60 * 1000
    /// Per target cluster.
    package var maxParallelHydrations: Int = 4
    /// Drop a cluster the plan empties (hazard `cluster-drop`).
    package var dropEmptyClusters: Bool = false
    /// Hazard codes accepted for every object.
    package var allow: [HazardCode] = []
    /// `capacity` fires when a target cluster's projected memory exceeds this share of its
    /// replica memory, in percent.
    package var memoryLimitPercent: Int = 90
    /// What `strategy: auto` does with a source that moves: `recreate` or `blue-green`.
    package var sourceMoves: Strategy = .recreate

    /// The values `source_moves` may take.
    package static let sourceMoveStrategies: [Strategy] = [.recreate, .blueGreen]

    package init() {}
}
