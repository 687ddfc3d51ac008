/// The result of planning: cluster changes, moves and the step DAG (plan JSON v1, SPEC §5).
///
/// This is the type that crosses from planning into rendering and apply. Everything in it is
/// ordered deterministically, so the same inputs give the same bytes.
package struct Plan: Hashable, Sendable {
    /// The value of the `format` field.
    package static let format = "mzplan.plan.v1"

    /// `sha256:` followed by 64 lowercase hex digits (see ``PlanFingerprint``).
    package var fingerprint: String
    /// The only clock reading in a plan; 0 when the caller wants fully reproducible bytes.
    package var createdAtMs: UInt64
    package var summary: PlanSummary
    /// Cluster creations, resizes, renames and drops, by cluster name.
    package var clusters: [ClusterChange]
    /// One move per object whose cluster changes, in step order of their first step.
    package var moves: [Move]
    /// Every statement, in a topological order of the DAG given by `after`.
    package var steps: [Step]
    /// What `apply` needs beyond the steps: the catalog fingerprint and the readiness options.
    package var execution: PlanExecution?

    package init(
        fingerprint: String,
        createdAtMs: UInt64 = 0,
        summary: PlanSummary,
        clusters: [ClusterChange] = [],
        moves: [Move] = [],
        steps: [Step] = [],
        execution: PlanExecution? = nil
    ) {
        self.fingerprint = fingerprint
        self.createdAtMs = createdAtMs
        self.summary = summary
        self.clusters = clusters
        self.moves = moves
        self.steps = steps
        self.execution = execution
    }

    /// True when nothing would change.
    package var isEmpty: Bool { steps.isEmpty }

    /// True when any move or cluster change is blocked.
    package var isBlocked: Bool { summary.blocked > 0 }

    /// The step with identifier `id`.
    package func step(_ id: Int) -> Step? {
        steps.first { $0.id == id }
    }
}

/// Counts shown in the plan's summary line and JSON.
package struct PlanSummary: Hashable, Sendable {
    package var moves: Int
    /// Moves and cluster changes that are blocked (infeasible or a hazard not allowed).
    package var blocked: Int
    package var clustersCreated: Int
    package var clustersAltered: Int
    package var clustersRenamed: Int
    package var clustersDropped: Int
    /// Placeable catalog objects that no manifest rule matches.
    package var unlisted: Int
    /// Managed objects already on their desired cluster.
    package var unchanged: Int
    /// Hazards that are warnings, across the plan.
    package var warnings: Int
    /// What the user clusters cost before and after the plan; nil when a size has no credits.
    package var creditsPerHour: CreditsPerHour?
    /// Credits the apply itself adds (temporary and early clusters over their estimated
    /// lifetime); nil when unknown.
    package var transitionCredits: Double?

    package init(
        moves: Int = 0,
        blocked: Int = 0,
        clustersCreated: Int = 0,
        clustersAltered: Int = 0,
        clustersRenamed: Int = 0,
        clustersDropped: Int = 0,
        unlisted: Int = 0,
        unchanged: Int = 0,
        warnings: Int = 0,
        creditsPerHour: CreditsPerHour? = nil,
        transitionCredits: Double? = nil
    ) {
        self.moves = moves
        self.blocked = blocked
        self.clustersCreated = clustersCreated
        self.clustersAltered = clustersAltered
        self.clustersRenamed = clustersRenamed
        self.clustersDropped = clustersDropped
        self.unlisted = unlisted
        self.unchanged = unchanged
        self.warnings = warnings
        self.creditsPerHour = creditsPerHour
        self.transitionCredits = transitionCredits
    }
}

/// Credits per hour of every user cluster's replicas, before and after a plan.
package struct CreditsPerHour: Hashable, Sendable {
    package var before: Double
    package var after: Double

    package init(before: Double, after: Double) {
        self.before = before
        self.after = after
    }
}
