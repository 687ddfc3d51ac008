/// The readiness rule of SPEC §6.5 for one sample; `stable_polls` is counted by the state machine.
///
/// `ready`: hydrated on a healthy replica of the target, `upper(X) ≥ upper(O)` (or O sealed),
/// and `lag(X) ≤ max(lag_threshold, lag(O) + lag_threshold)`. For a replacement, whose global
/// frontier and lag mirror its original's (they say nothing of its own progress), the upper is
/// its dataflow's frontier on its replicas, caught up when within `lag_threshold` of `upper(O)`,
/// and there is no lag check (`mz_wallclock_global_lag` is a one-minute maximum that a new
/// object does not have yet). A stand-in for a sealed original (a view of a closure rebuilt
/// blue-green that refreshed only at given times) is ready once hydrated. `running`: status `running`.
package struct ReadinessGate: Sendable {
    package var lagThresholdMs: UInt64

    package init(lagThresholdMs: UInt64) {
        self.lagThresholdMs = lagThresholdMs
    }

    /// Nil when the sample passes; otherwise why not, in a few words.
    package func blocker(_ sample: ReadinessSample, probe: ReadinessProbe) -> String? {
        guard sample.exists else { return "does not exist" }
        if let cluster = probe.cluster, sample.cluster != cluster {
            return "is on '\(sample.cluster ?? "no cluster")', not on '\(cluster)'"
        }
        if let problem = sample.replicaProblem { return problem }
        switch probe.condition {
        case .running:
            guard sample.status == "running" else { return "status \(sample.status ?? "unknown"), waiting for running" }
            return nil
        case .ready where probe.mirrorsOriginal:
            guard sample.hydratedOnHealthyReplica else { return "hydrating" }
            guard !sample.originalSealed, let original = sample.originalUpperMs else { return nil }
            guard let own = sample.dataflowUpperMs else { return "catching up: its dataflow's frontier is not reported yet" }
            let (reach, overflow) = own.addingReportingOverflow(lagThresholdMs)
            guard overflow || reach >= original else { return "catching up: its dataflow is at \(own), the view at \(original)" }
            return nil
        case .ready:
            guard sample.hydratedOnHealthyReplica else { return "hydrating" }
            // A sealed original has computed all its times: there is no freshness to match.
            if sample.originalSealed { return nil }
            if let original = sample.originalUpperMs {
                guard let upper = sample.upperMs, upper >= original else {
                    return "catching up: upper \(sample.upperMs.map(String.init) ?? "?") < \(original)"
                }
            }
            let allowed = max(lagThresholdMs, (sample.originalLagMs ?? 0) + lagThresholdMs)
            guard let lag = sample.lagMs else { return "lag unknown" }
            guard lag <= allowed else { return "lag \(lag) ms > \(allowed) ms" }
            return nil
        }
    }
}
