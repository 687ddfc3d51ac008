/// The manifest options that drive an apply (SPEC §3 `options`, §6.5), carried in the plan.
public struct ApplyOptions: Hashable, Sendable {
    /// Readiness: the most a pre-hydrated object may lag beyond its original.
    public var lagThresholdMs: UInt64
    /// Readiness must hold this many consecutive polls.
    public var stablePolls: Int
    public var pollIntervalMs: UInt64
    /// The default for `--timeout`.
    public var hydrationTimeoutMs: UInt64
    /// Pre-hydrations waiting at once, per target cluster.
    public var maxParallelHydrations: Int

    public init(
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
