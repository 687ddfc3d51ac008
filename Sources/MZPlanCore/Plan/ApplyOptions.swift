/// The manifest options that drive an apply (SPEC §3 `options`, §6.5), carried in the plan.
package struct ApplyOptions: Hashable, Sendable {
    /// Readiness: the most a pre-hydrated object may lag beyond its original.
    package var lagThresholdMs: UInt64
    /// Readiness must hold this many consecutive polls.
    package var stablePolls: Int
    package var pollIntervalMs: UInt64
    /// The default for `--timeout`.
    package var hydrationTimeoutMs: UInt64
    /// Pre-hydrations waiting at once, per target cluster.
    package var maxParallelHydrations: Int

    package init(
        lagThresholdMs: UInt64 = 1000,
        stablePolls: Int = 2,
        pollIntervalMs: UInt64 = 2000,
        hydrationTimeoutMs: UInt64 = 30 * 60 * 1000,
        maxParallelHydrations: Int = 4
    ) {
        self.lagThresholdMs = lagThresholdMs
        self.stablePolls = max(1, stablePolls)
        self.pollIntervalMs = max(1, pollIntervalMs)
        self.hydrationTimeoutMs = hydrationTimeoutMs
        self.maxParallelHydrations = max(1, maxParallelHydrations)
    }
}
