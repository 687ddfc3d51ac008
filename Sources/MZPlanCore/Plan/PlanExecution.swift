/// What `apply` needs from a plan beyond its steps; written to plan JSON as the additive
/// `execution` member, so that a saved plan can be applied later.
package struct PlanExecution: Hashable, Sendable {
    /// ``CatalogFingerprint`` of the catalog the plan was made from: a saved plan whose
    /// catalog has changed since is stale (exit 4).
    package var catalogFingerprint: String
    package var options: ApplyOptions

    package init(catalogFingerprint: String, options: ApplyOptions) {
        self.catalogFingerprint = catalogFingerprint
        self.options = options
    }

    func jsonValue() -> JSONValue {
        .object([
            ("catalog_fingerprint", .string(catalogFingerprint)),
            ("lag_threshold_ms", .uint(options.lagThresholdMs)),
            ("stable_polls", .int(options.stablePolls)),
            ("poll_interval_ms", .uint(options.pollIntervalMs)),
            ("hydration_timeout_ms", .uint(options.hydrationTimeoutMs)),
            ("max_parallel_hydrations", .int(options.maxParallelHydrations)),
        ])
    }
}
