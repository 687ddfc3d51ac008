/// One pending object the readiness gate asks about.
package struct ReadinessProbe: Hashable, Sendable {
    package var object: QualifiedName
    /// The original the object stands in for; nil for a recreated source.
    package var standsInFor: QualifiedName?
    package var cluster: String?
    package var condition: StepWait.Condition
    /// A replacement view: registered read-only on its original's storage shard, so its global
    /// write frontier and wallclock lag mirror the original's; only its dataflow's per-replica
    /// frontier (and its hydration) show its own progress.
    package var mirrorsOriginal: Bool

    package init(object: QualifiedName, standsInFor: QualifiedName?, cluster: String?, condition: StepWait.Condition, mirrorsOriginal: Bool = false) {
        self.object = object
        self.standsInFor = standsInFor
        self.cluster = cluster
        self.condition = condition
        self.mirrorsOriginal = mirrorsOriginal
    }
}
