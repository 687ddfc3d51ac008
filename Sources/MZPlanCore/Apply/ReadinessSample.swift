/// What one poll saw of a probed object.
package struct ReadinessSample: Hashable, Sendable {
    package var object: QualifiedName
    package var exists: Bool
    package var cluster: String?
    /// Hydrated on at least one online replica of `cluster` that is not OOM-looping.
    package var hydratedOnHealthyReplica: Bool
    package var upperMs: UInt64?
    package var lagMs: UInt64?
    /// The read frontier: for a replacement, the as_of its dataflow starts at.
    package var sinceMs: UInt64?
    /// The write frontier the object's dataflow reports on its healthy replicas (the largest),
    /// from `mz_cluster_replica_frontiers`: its own progress, where ``upperMs`` may mirror another
    /// collection's (a replacement's).
    package var dataflowUpperMs: UInt64?
    /// Source or sink status (`running`, `starting`, `stalled`, …).
    package var status: String?
    package var originalUpperMs: UInt64?
    package var originalLagMs: UInt64?
    /// The original is sealed: any upper catches up.
    package var originalSealed: Bool
    /// Why the cluster cannot hydrate anything, when it cannot (no replica online, all OOM-looping).
    package var replicaProblem: String?

    package init(
        object: QualifiedName,
        exists: Bool,
        cluster: String? = nil,
        hydratedOnHealthyReplica: Bool = false,
        upperMs: UInt64? = nil,
        lagMs: UInt64? = nil,
        sinceMs: UInt64? = nil,
        dataflowUpperMs: UInt64? = nil,
        status: String? = nil,
        originalUpperMs: UInt64? = nil,
        originalLagMs: UInt64? = nil,
        originalSealed: Bool = false,
        replicaProblem: String? = nil
    ) {
        self.object = object
        self.exists = exists
        self.cluster = cluster
        self.hydratedOnHealthyReplica = hydratedOnHealthyReplica
        self.upperMs = upperMs
        self.lagMs = lagMs
        self.sinceMs = sinceMs
        self.dataflowUpperMs = dataflowUpperMs
        self.status = status
        self.originalUpperMs = originalUpperMs
        self.originalLagMs = originalLagMs
        self.originalSealed = originalSealed
        self.replicaProblem = replicaProblem
    }
}
