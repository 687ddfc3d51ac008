extension ApplyOptions {
    /// The options a manifest sets.
    package init(_ options: PlanOptions) {
        self.init(
            lagThresholdMs: options.lagThresholdMs,
            stablePolls: options.stablePolls,
            pollIntervalMs: options.pollIntervalMs,
            hydrationTimeoutMs: options.hydrationTimeoutMs,
            maxParallelHydrations: options.maxParallelHydrations
        )
    }
}
