extension ApplyOptions {
    /// The options a manifest sets.
    public init(_ options: PlanOptions) {
        self.init(
            lagThresholdMs: options.lagThresholdMs,
            stablePolls: options.stablePolls,
            pollIntervalMs: options.pollIntervalMs,
            hydrationTimeoutMs: options.hydrationTimeoutMs,
            maxParallelHydrations: options.maxParallelHydrations
        )
    }
}
