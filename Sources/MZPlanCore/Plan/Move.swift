/// One object changing cluster, with the strategy chosen, its feasibility and hazards.
public struct Move: Hashable, Sendable {
    public var object: QualifiedName
    public var id: String
    public var kind: ObjectKind
    public var from: String
    public var to: String
    public var strategy: Strategy
    /// Why the strategy was chosen, in one short phrase.
    public var reason: String
    /// The manifest rule that placed the object (`file:line:col`), when one did.
    public var rule: SourceLocation?
    public var feasibility: Feasibility
    /// The frontiers behind `feasibility`, when a materialized view's continuity is at stake.
    public var frontier: FrontierCheck?
    public var hazards: [Hazard]
    /// How long readers see stale or missing data because of this move.
    public var estimatedStalenessMs: UInt64
    /// The steps that carry the move out, in order.
    public var steps: [Int]
    /// Other objects this move drops and recreates (a source's dependent closure). When several
    /// recreated roots share dependents, each is listed once, under the first root in the plan.
    public var recreates: [QualifiedName]

    public init(
        object: QualifiedName,
        id: String,
        kind: ObjectKind,
        from: String,
        to: String,
        strategy: Strategy,
        reason: String = "",
        rule: SourceLocation? = nil,
        feasibility: Feasibility = .ok,
        frontier: FrontierCheck? = nil,
        hazards: [Hazard] = [],
        estimatedStalenessMs: UInt64 = 0,
        steps: [Int] = [],
        recreates: [QualifiedName] = []
    ) {
        self.object = object
        self.id = id
        self.kind = kind
        self.from = from
        self.to = to
        self.strategy = strategy
        self.reason = reason
        self.rule = rule
        self.feasibility = feasibility
        self.frontier = frontier
        self.hazards = hazards
        self.estimatedStalenessMs = estimatedStalenessMs
        self.steps = steps
        self.recreates = recreates
    }

    /// Blocked when infeasible (`gap`) or when a hazard blocks.
    public var isBlocked: Bool { feasibility == .gap || hazards.contains(where: \.blocks) }
}

/// The numbers behind a feasibility verdict: `S = max since(imports_B(M))` against `U = upper(M)`.
public struct FrontierCheck: Hashable, Sendable {
    /// What M would import on the target cluster.
    public var imports: [FrontierImport]
    /// `S`, nil when any import's since is unknown.
    public var sinceMs: UInt64?
    /// `U`, nil when unknown or sealed.
    public var upperMs: UInt64?
    public var sealed: Bool
    /// For `wait`: about how long until M's upper reaches `S`.
    public var estimatedWaitMs: UInt64?

    public init(
        imports: [FrontierImport],
        sinceMs: UInt64?,
        upperMs: UInt64?,
        sealed: Bool = false,
        estimatedWaitMs: UInt64? = nil
    ) {
        self.imports = imports
        self.sinceMs = sinceMs
        self.upperMs = upperMs
        self.sealed = sealed
        self.estimatedWaitMs = estimatedWaitMs
    }
}

/// One input M's dataflow would read on the target: an index there, or the relation's storage.
public struct FrontierImport: Hashable, Sendable {
    public enum Via: String, Hashable, Sendable {
        /// An index on the target cluster that exists already.
        case index
        /// An index the plan creates on the target before the replacement.
        case plannedIndex = "planned-index"
        /// The relation's durable storage collection, held back by M's running dataflow.
        case storage
    }

    /// The relation M depends on.
    public var relation: QualifiedName
    public var via: Via
    /// The index read, for `index` and `planned-index`.
    public var index: QualifiedName?
    public var sinceMs: UInt64?

    public init(relation: QualifiedName, via: Via, index: QualifiedName? = nil, sinceMs: UInt64?) {
        self.relation = relation
        self.via = via
        self.index = index
        self.sinceMs = sinceMs
    }
}
