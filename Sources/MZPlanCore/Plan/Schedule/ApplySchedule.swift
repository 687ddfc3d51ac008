/// When each step of a plan is expected to start and end, scheduled as `apply` runs it (SPEC §6):
/// one statement at a time, earliest phase then lowest id among the runnable steps, cleanup only
/// once everything else is done, at most `max_parallel_hydrations` waits per cluster.
///
/// Estimates come from the plan (``Step/estimatedMs``): a pre-hydration shares its cluster with the
/// others hydrating there at the same time (as in the simulator) and is confirmed after
/// `(stable_polls − 1) × poll_interval`; a blocking statement (a cutover waiting for its view, a
/// graceful resize) holds the apply for its estimate; every other statement takes no time.
package struct ApplySchedule: Sendable {
    package struct Entry: Hashable, Sendable {
        package var step: Int
        package var startMs: UInt64
        package var endMs: UInt64
    }

    /// One entry per step, in step order.
    package private(set) var entries: [Entry] = []

    /// When the last step ends.
    package var totalMs: UInt64 { entries.map(\.endMs).max() ?? 0 }

    package init(plan: Plan) {
        let options = plan.execution?.options ?? ApplyOptions()
        let confirmMs = Double(UInt64(options.stablePolls - 1) * options.pollIntervalMs)
        var start: [Int: Double] = [:]
        var end: [Int: Double] = [:]
        /// Hydration work left per waiting step, and its cluster.
        var hydrating: [Int: (cluster: String, left: Double)] = [:]
        /// Waiting steps whose hydration is done, with when they are confirmed.
        var confirming: [Int: Double] = [:]
        var now = 0.0

        /// Moves time forward by `duration`, hydrations sharing their cluster.
        func advance(by duration: Double) {
            var remaining = duration
            while remaining > 0, !hydrating.isEmpty {
                let shares = Dictionary(grouping: hydrating.keys) { hydrating[$0]!.cluster }.mapValues(\.count)
                let soonest = hydrating.values.map { $0.left * Double(shares[$0.cluster]!) }.min()!
                let step = min(remaining, soonest)
                for id in Array(hydrating.keys) {
                    let entry = hydrating[id]!
                    let left = entry.left - step / Double(shares[entry.cluster]!)
                    if left <= 0.001 {
                        hydrating[id] = nil
                        confirming[id] = now + step + confirmMs
                    } else {
                        hydrating[id] = (entry.cluster, left)
                    }
                }
                now += step
                remaining -= step
            }
            now += remaining
            for (id, at) in confirming where at <= now {
                end[id] = at
                confirming[id] = nil
            }
        }

        while end.count < plan.steps.count {
            let open = plan.steps.filter { end[$0.id] == nil }
            let othersOpen = open.contains { $0.phase != .cleanup }
            var waiting: [String: Int] = [:]
            for step in open where start[step.id] != nil && step.phase == .hydrate {
                waiting[step.cluster ?? "", default: 0] += 1
            }
            let runnable = open.filter { step in
                guard start[step.id] == nil, step.after.allSatisfy({ end[$0] != nil }) else { return false }
                if step.phase == .cleanup && othersOpen { return false }
                if step.phase == .hydrate, step.wait != nil, waiting[step.cluster ?? "", default: 0] >= options.maxParallelHydrations { return false }
                return true
            }
            if let step = runnable.min(by: { ($0.phase, $0.id) < ($1.phase, $1.id) }) {
                start[step.id] = now
                if step.wait != nil {
                    hydrating[step.id] = (step.cluster ?? "", Double(max(1, step.estimatedMs)))
                } else {
                    advance(by: Double(step.estimatedMs))
                    end[step.id] = now
                }
                continue
            }
            let nextHydration = hydrating.isEmpty ? Double.infinity : {
                let shares = Dictionary(grouping: hydrating.keys) { hydrating[$0]!.cluster }.mapValues(\.count)
                return hydrating.values.map { $0.left * Double(shares[$0.cluster]!) }.min()!
            }()
            let nextConfirmation = (confirming.values.min() ?? .infinity) - now
            let wait = min(nextHydration, nextConfirmation)
            guard wait.isFinite else { break }   // nothing can ever run: the plan's DAG is broken
            advance(by: max(wait, 0.001))
        }
        entries = plan.steps.map { step in
            let begin = start[step.id] ?? now
            return Entry(step: step.id, startMs: UInt64(begin.rounded()), endMs: UInt64((end[step.id] ?? begin).rounded()))
        }
    }
}
