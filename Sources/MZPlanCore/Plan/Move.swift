/// One object changing cluster, with the strategy chosen, its feasibility and hazards.
package struct Move: Hashable, Sendable {
    package var object: QualifiedName
    package var id: String
    package var kind: ObjectKind
    package var from: String
    package var to: String
    package var strategy: Strategy
    /// Why the strategy was chosen, in one short phrase.
    package var reason: String
    /// The manifest rule that placed the object (`file:line:col`), when one did.
    package var rule: SourceLocation?
    package var feasibility: Feasibility
    /// The frontiers behind `feasibility`, when a materialized view's continuity is at stake.
    package var frontier: FrontierCheck?
    package var hazards: [Hazard]
    /// How long readers see stale or missing data because of this move.
    package var estimatedStalenessMs: UInt64
    /// The steps that carry the move out, in order.
    package var steps: [Int]
    /// Other objects this move drops and recreates (a source's dependent closure). When several
    /// recreated roots share dependents, each is listed once, under the first root in the plan.
    package var recreates: [QualifiedName]

    package init(
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
    package var isBlocked: Bool { feasibility == .gap || hazards.contains(where: \.blocks) }
}

/// The numbers behind a feasibility verdict: `S = max since(imports_B(M))` against `U = upper(M)`.
package struct FrontierCheck: Hashable, Sendable {
    /// What M would import on the target cluster.
    package var imports: [FrontierImport]
    /// `S`, nil when any import's since is unknown.
    package var sinceMs: UInt64?
    /// `U`, nil when unknown or sealed.
    package var upperMs: UInt64?
    package var sealed: Bool
    /// For `wait`: about how long until M's upper reaches `S`.
    package var estimatedWaitMs: UInt64?

    package init(
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
package struct FrontierImport: Hashable, Sendable {
    package enum Via: String, Hashable, Sendable {
        /// An index on the target cluster that exists already.
        case index
        /// An index the plan creates on the target before the replacement.
        case plannedIndex = "planned-index"
        /// The relation's durable storage collection, held back by M's running dataflow.
        case storage
    }

    /// The relation M depends on.
    package var relation: QualifiedName
    package var via: Via
    /// The index read, for `index` and `planned-index`.
    package var index: QualifiedName?
    package var sinceMs: UInt64?

    package init(relation: QualifiedName, via: Via, index: QualifiedName? = nil, sinceMs: UInt64?) {
        self.relation = relation
        self.via = via
        self.index = index
        self.sinceMs = sinceMs
    }
}
