/// The apply engine's decisions, with no I/O: events in, actions out (SPEC §6; STYLE "Apply
/// engine"). ``ApplyDriver`` runs the actions against an ``ApplyTarget``.
///
/// Rules: a step runs when every step in its `after` is done; pre-hydrations with a wait run at
/// most `max_parallel_hydrations` at a time per target cluster; statements run one at a time, so
/// cutovers never overlap; each cutover of a view is preceded by a feasibility re-check; cleanup
/// runs last, once nothing else is pending; a step after a skipped step is skipped too. Waiting
/// steps are polled together, one consolidated read per poll, every `poll_interval`.
package struct ApplyStateMachine: Sendable {
    package enum StepStatus: Hashable, Sendable {
        case pending
        /// Its wait condition must hold for `stable_polls` polls.
        case waiting
        case done
        case skipped(String)
    }

    package enum Action: Hashable, Sendable {
        case execute(Step, timeoutMs: UInt64?)
        /// Re-check feasibility in the catalog right before this cutover.
        case checkCutover(Step)
        case poll([ReadinessProbe])
        case sleep(untilMs: UInt64)
        case finish(Outcome)

        /// Whether this ends the apply (nothing is left to stop).
        package var isFinish: Bool {
            if case .finish = self { true } else { false }
        }
    }

    package enum Outcome: Hashable, Sendable {
        /// Nothing left to do; `skipped` lists steps not run because a cutover became infeasible.
        case completed(skipped: [Int])
        /// The deadline passed with these steps waiting or pending.
        case timedOut(pending: [Int])
        case failed(step: Int, message: String)
    }

    /// What a poll changed for one waiting step.
    package struct PollResult: Hashable, Sendable {
        package var step: Int
        package var sample: ReadinessSample
        /// Why it is not ready, nil when this poll passed.
        package var blocker: String?
        /// Ready for `stable_polls` polls: the step is done.
        package var ready: Bool
    }

    package let plan: Plan
    package let options: ApplyOptions
    /// When waiting for readiness gives up (`--timeout` after the start), pushed back by the time
    /// graceful resizes spent waiting under their own timeout.
    package private(set) var deadlineMs: UInt64
    package private(set) var status: [Int: StepStatus]
    private var stablePolls: [Int: Int] = [:]
    private var checked: Set<Int> = []
    private var nextPollAtMs: UInt64?
    private var failure: (step: Int, message: String)?
    private let stepsByID: [Int: Step]
    private let gate: ReadinessGate

    /// - Parameters:
    ///   - done: steps already finished (on resume, verified in the catalog).
    ///   - waiting: steps whose statement ran but whose wait must be checked again.
    package init(plan: Plan, options: ApplyOptions, deadlineMs: UInt64, done: Set<Int> = [], waiting: Set<Int> = []) {
        self.plan = plan
        self.options = options
        self.deadlineMs = deadlineMs
        self.gate = ReadinessGate(lagThresholdMs: options.lagThresholdMs)
        var stepsByID: [Int: Step] = [:]
        var status: [Int: StepStatus] = [:]
        for step in plan.steps {
            stepsByID[step.id] = step
            status[step.id] = done.contains(step.id) ? .done : waiting.contains(step.id) && step.wait != nil ? .waiting : .pending
        }
        self.stepsByID = stepsByID
        self.status = status
    }

    /// The next thing to do at `nowMs`.
    package mutating func next(nowMs: UInt64) -> Action {
        if let failure { return .finish(.failed(step: failure.step, message: failure.message)) }
        propagateSkips()
        let open = plan.steps.filter { status[$0.id] == .pending || status[$0.id] == .waiting }
        if open.isEmpty {
            let skipped = plan.steps.filter { if case .skipped = status[$0.id] { true } else { false } }.map(\.id)
            return .finish(.completed(skipped: skipped))
        }
        if nowMs >= deadlineMs { return .finish(.timedOut(pending: open.map(\.id))) }
        if let step = runnable(open) {
            let needsCheck = step.action == .applyReplacement || step.action == .setCluster || step.action == .dropRetired
            if needsCheck && !checked.contains(step.id) { return .checkCutover(step) }
            // A rename transaction waits for Materialize's catalog lock: bounded like a cutover.
            let blocking = step.action == .applyReplacement || step.action == .setCluster || step.action == .renameObjects
            if step.action == .alterCluster, let wait = step.gracefulWait {
                // Materialize ends the wait itself at its TIMEOUT; the grace lets it say so.
                return .execute(step, timeoutMs: wait.timeoutMs + Self.gracefulResizeGraceMs)
            }
            return .execute(step, timeoutMs: blocking ? deadlineMs - nowMs : nil)
        }
        let waiting = open.filter { status[$0.id] == .waiting }
        guard !waiting.isEmpty else {
            // Only pending steps whose predecessors are not done: cannot happen in a DAG.
            return .finish(.failed(step: open[0].id, message: "step \(open[0].id) can never run: its predecessors are neither done nor skipped"))
        }
        let pollAt = nextPollAtMs ?? nowMs
        if nowMs >= pollAt { return .poll(waiting.compactMap(probe)) }
        return .sleep(untilMs: min(pollAt, deadlineMs))
    }

    /// The cutover's re-check: nil when it may run, else why it would skip times.
    package mutating func cutoverChecked(_ stepID: Int, gap: String?) {
        if let gap {
            status[stepID] = .skipped(gap)
        } else {
            checked.insert(stepID)
        }
    }

    /// The step's statement ran at `nowMs`.
    package mutating func executed(_ stepID: Int, nowMs: UInt64) {
        guard let step = stepsByID[stepID] else { return }
        if step.wait != nil {
            status[stepID] = .waiting
            stablePolls[stepID] = 0
            if nextPollAtMs == nil || nextPollAtMs! > nowMs + options.pollIntervalMs {
                nextPollAtMs = nowMs + options.pollIntervalMs
            }
        } else {
            status[stepID] = .done
        }
    }

    /// A graceful resize blocked for `elapsedMs` under its own timeout: readiness waits get that time back.
    package mutating func waitedUnderOwnTimeout(_ elapsedMs: UInt64) {
        deadlineMs = deadlineMs.addingReportingOverflow(elapsedMs).overflow ? .max : deadlineMs + elapsedMs
    }

    /// The step's statement failed for good: the apply stops.
    package mutating func failed(_ stepID: Int, message: String) {
        failure = (stepID, message)
    }

    /// One consolidated poll's samples, in the order of the probes of the `.poll` action.
    package mutating func polled(_ samples: [ReadinessSample], nowMs: UInt64) -> [PollResult] {
        nextPollAtMs = nowMs + options.pollIntervalMs
        var results: [PollResult] = []
        let waiting = plan.steps.filter { status[$0.id] == .waiting }
        for step in waiting {
            guard let probe = probe(step), let sample = samples.first(where: { $0.object == probe.object }) else { continue }
            let blocker = gate.blocker(sample, probe: probe)
            let count = blocker == nil ? (stablePolls[step.id] ?? 0) + 1 : 0
            stablePolls[step.id] = count
            let ready = count >= options.stablePolls
            if ready { status[step.id] = .done }
            results.append(PollResult(step: step.id, sample: sample, blocker: blocker, ready: ready))
        }
        return results
    }

    // MARK: Scheduling

    private func probe(_ step: Step) -> ReadinessProbe? {
        guard let wait = step.wait else { return nil }
        return ReadinessProbe(object: wait.object, standsInFor: wait.standsInFor, cluster: step.cluster, condition: wait.until, mirrorsOriginal: step.action == .createReplacement)
    }

    /// The first step that may run now: earliest phase, then lowest id.
    private func runnable(_ open: [Step]) -> Step? {
        let othersOpen = open.contains { $0.phase != .cleanup }
        var hydrating: [String: Int] = [:]
        for step in open where status[step.id] == .waiting && step.phase == .hydrate {
            hydrating[step.cluster ?? "", default: 0] += 1
        }
        let candidates = open.filter { step in
            guard status[step.id] == .pending, step.after.allSatisfy({ status[$0] == .done }) else { return false }
            if step.phase == .cleanup && othersOpen { return false }
            if step.phase == .hydrate, step.wait != nil, hydrating[step.cluster ?? "", default: 0] >= options.maxParallelHydrations {
                return false
            }
            return true
        }
        return candidates.min { ($0.phase, $0.id) < ($1.phase, $1.id) }
    }

    /// A pending step after a skipped one is skipped too.
    private mutating func propagateSkips() {
        for step in plan.steps where status[step.id] == .pending {
            if let skipped = step.after.first(where: { if case .skipped = status[$0] { true } else { false } }) {
                status[step.id] = .skipped("step \(skipped) was skipped")
            }
        }
    }
}

extension ApplyStateMachine {
    /// How much longer than its own `TIMEOUT` a graceful resize may take before it is cancelled.
    package static let gracefulResizeGraceMs: UInt64 = 60_000
}

extension Step {
    /// The `WAIT UNTIL READY` of a graceful resize's statement.
    var gracefulWait: GracefulWait? {
        (try? Statement(parsing: sql)).flatMap(GracefulWait.init)
    }
}
