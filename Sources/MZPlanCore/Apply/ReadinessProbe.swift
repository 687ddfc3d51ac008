/// One pending object the readiness gate asks about.
public struct ReadinessProbe: Hashable, Sendable {
    public var object: QualifiedName
    /// The original the object stands in for; nil for a recreated source.
    public var standsInFor: QualifiedName?
    public var cluster: String?
    public var condition: StepWait.Condition

    public init(object: QualifiedName, standsInFor: QualifiedName?, cluster: String?, condition: StepWait.Condition) {
        self.object = object
        self.standsInFor = standsInFor
        self.cluster = cluster
        self.condition = condition
    }
}
