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
    /// Every step's status; changed only through ``transition(_:to:)``, which keeps the
    /// bookkeeping below in step, so a decision costs what is open, not the whole plan.
    package private(set) var status: [Int: StepStatus]
    private var stablePolls: [Int: Int] = [:]
    private var checked: Set<Int> = []
    private var nextPollAtMs: UInt64?
    private var failure: (step: Int, message: String)?
    private let stepsByID: [Int: Step]
    private let gate: ReadinessGate
    /// Each step's position in the plan.
    private let positionByID: [Int: Int]
    /// The steps that list each step in their `after`.
    private let successors: [Int: [Int]]
    /// How many entries of each step's `after` are not done.
    private var unfinished: [Int: Int] = [:]
    /// Pending steps whose `after` are all done, in the order they run: phase, then id.
    private var ready: [ReadyStep] = []
    /// The waiting steps, in plan order: each one's position in the plan and id.
    private var waiting: [WaitingStep] = []
    /// Each step's readiness probe, by position in the plan; nil for a step without a wait.
    private let probes: [ReadinessProbe?]
    /// Each step's cluster as a number (its index in ``hydrating``).
    private let clusterSlots: [Int: Int]
    /// Waiting steps of the hydrate phase, by cluster slot (``ApplyOptions/maxParallelHydrations``).
    private var hydrating: [Int]
    /// Pending or waiting steps, and those of them not in the cleanup phase.
    private var openCount = 0
    private var openOutsideCleanup = 0
    /// A step was skipped since the last decision: pending steps after it are skipped too.
    private var skipsToPropagate = false

    /// - Parameters:
    ///   - done: steps already finished (on resume, verified in the catalog).
    ///   - waiting: steps whose statement ran but whose wait must be checked again.
    package init(plan: Plan, options: ApplyOptions, deadlineMs: UInt64, done: Set<Int> = [], waiting: Set<Int> = []) {
        self.plan = plan
        self.options = options
        self.deadlineMs = deadlineMs
        self.gate = ReadinessGate(lagThresholdMs: options.lagThresholdMs)
        var stepsByID: [Int: Step] = [:]
        var positionByID: [Int: Int] = [:]
        var successors: [Int: [Int]] = [:]
        var slotByCluster: [String: Int] = [:]
        var clusterSlots: [Int: Int] = [:]
        for (position, step) in plan.steps.enumerated() {
            stepsByID[step.id] = step
            positionByID[step.id] = position
            for predecessor in step.after { successors[predecessor, default: []].append(step.id) }
            let cluster = step.cluster ?? ""
            if slotByCluster[cluster] == nil { slotByCluster[cluster] = slotByCluster.count }
            clusterSlots[step.id] = slotByCluster[cluster]
        }
        self.stepsByID = stepsByID
        self.probes = plan.steps.map(Self.probe)
        self.clusterSlots = clusterSlots
        self.hydrating = [Int](repeating: 0, count: slotByCluster.count)
        self.positionByID = positionByID
        self.successors = successors
        var status: [Int: StepStatus] = [:]
        for step in plan.steps {
            status[step.id] = done.contains(step.id) ? .done : waiting.contains(step.id) && step.wait != nil ? .waiting : .pending
        }
        self.status = status
        // A step listed twice (a hand-edited plan) counts once, as its status does.
        for id in plan.steps.map(\.id) where unfinished[id] == nil {
            let step = stepsByID[id]!
            unfinished[id] = step.after.reduce(0) { $0 + (status[$1] == .done ? 0 : 1) }
            count(step, status[id]!, sign: 1)
        }
    }

    /// The next thing to do at `nowMs`.
    package mutating func next(nowMs: UInt64) -> Action {
        if let failure { return .finish(.failed(step: failure.step, message: failure.message)) }
        if skipsToPropagate { propagateSkips() }
        if openCount == 0 {
            let skipped = plan.steps.filter { if case .skipped = status[$0.id] { true } else { false } }.map(\.id)
            return .finish(.completed(skipped: skipped))
        }
        if nowMs >= deadlineMs { return .finish(.timedOut(pending: plan.steps.filter { isOpen(status[$0.id]) }.map(\.id))) }
        if let step = runnable() {
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
        guard !waiting.isEmpty else {
            // Only pending steps whose predecessors are not done: cannot happen in a DAG.
            let stuck = plan.steps.first { isOpen(status[$0.id]) }?.id ?? 0
            return .finish(.failed(step: stuck, message: "step \(stuck) can never run: its predecessors are neither done nor skipped"))
        }
        let pollAt = nextPollAtMs ?? nowMs
        if nowMs >= pollAt { return .poll(waiting.compactMap { probes[$0.position] }) }
        return .sleep(untilMs: min(pollAt, deadlineMs))
    }

    /// The cutover's re-check: nil when it may run, else why it would skip times.
    package mutating func cutoverChecked(_ stepID: Int, gap: String?) {
        if let gap {
            transition(stepID, to: .skipped(gap))
            skipsToPropagate = true
        } else {
            checked.insert(stepID)
        }
    }

    /// The step's statement ran at `nowMs`.
    package mutating func executed(_ stepID: Int, nowMs: UInt64) {
        guard let step = stepsByID[stepID] else { return }
        if step.wait != nil {
            transition(stepID, to: .waiting)
            stablePolls[stepID] = 0
            if nextPollAtMs == nil || nextPollAtMs! > nowMs + options.pollIntervalMs {
                nextPollAtMs = nowMs + options.pollIntervalMs
            }
        } else {
            transition(stepID, to: .done)
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
        // Each probe's own sample is at its position; looked up by object only when a target
        // answered in another order.
        lazy var sampleByObject = Dictionary(samples.map { ($0.object, $0) }, uniquingKeysWith: { first, _ in first })
        var index = 0
        for step in waiting {
            guard let probe = probes[step.position] else { continue }
            defer { index += 1 }
            let sample: ReadinessSample
            if index < samples.count, samples[index].object == probe.object {
                sample = samples[index]
            } else if let found = sampleByObject[probe.object] {
                sample = found
            } else {
                continue
            }
            let blocker = gate.blocker(sample, probe: probe)
            let count = blocker == nil ? (stablePolls[step.id] ?? 0) + 1 : 0
            stablePolls[step.id] = count
            let ready = count >= options.stablePolls
            if ready { transition(step.id, to: .done) }
            results.append(PollResult(step: step.id, sample: sample, blocker: blocker, ready: ready))
        }
        return results
    }

    // MARK: Scheduling

    private static func probe(_ step: Step) -> ReadinessProbe? {
        guard let wait = step.wait else { return nil }
        return ReadinessProbe(object: wait.object, standsInFor: wait.standsInFor, cluster: step.cluster, condition: wait.until, mirrorsOriginal: step.action == .createReplacement)
    }

    /// The first step that may run now: earliest phase, then lowest id. Cleanup runs once nothing
    /// else is open; a hydration with a wait only while its cluster has room for one more.
    private func runnable() -> Step? {
        for candidate in ready {
            if candidate.phase == .cleanup && openOutsideCleanup > 0 { break }
            if candidate.phase == .hydrate, candidate.waits, hydrating[candidate.clusterSlot] >= options.maxParallelHydrations { continue }
            return stepsByID[candidate.id]
        }
        return nil
    }

    /// A pending step after a skipped one is skipped too, through any number of steps, whatever
    /// their order in the plan.
    private mutating func propagateSkips() {
        skipsToPropagate = false
        var changed = true
        while changed {
            changed = false
            for step in plan.steps where status[step.id] == .pending {
                if let skipped = step.after.first(where: { if case .skipped = status[$0] { true } else { false } }) {
                    transition(step.id, to: .skipped("step \(skipped) was skipped"))
                    changed = true
                }
            }
        }
    }

    // MARK: Bookkeeping

    private func isOpen(_ status: StepStatus?) -> Bool {
        status == .pending || status == .waiting
    }

    /// Moves a step to `new`, keeping the counts, sets and ready steps in step with ``status``.
    private mutating func transition(_ id: Int, to new: StepStatus) {
        guard let step = stepsByID[id], let old = status[id], old != new else { return }
        count(step, old, sign: -1)
        status[id] = new
        count(step, new, sign: 1)
        guard new == .done else { return }
        for successor in successors[id] ?? [] {
            unfinished[successor, default: 0] -= 1
            if unfinished[successor] == 0, status[successor] == .pending { insertReady(successor) }
        }
    }

    /// Adds (`sign` 1) or takes away (-1) what a step in `status` counts for.
    private mutating func count(_ step: Step, _ status: StepStatus, sign: Int) {
        guard isOpen(status) else { return }
        openCount += sign
        if step.phase != .cleanup { openOutsideCleanup += sign }
        if status == .waiting {
            if sign > 0 { insertWaiting(step.id) } else { removeWaiting(step.id) }
            if step.phase == .hydrate { hydrating[clusterSlots[step.id]!] += sign }
        } else if sign < 0 {
            removeReady(step.id)
        } else if unfinished[step.id] == 0 {
            insertReady(step.id)
        }
    }

    /// What deciding which ready step runs next needs of it, without copying the step.
    private struct ReadyStep {
        var phase: Step.Phase
        var id: Int
        var waits: Bool
        var clusterSlot: Int

        func precedes(_ other: ReadyStep) -> Bool {
            (phase, id) < (other.phase, other.id)
        }
    }

    private mutating func insertReady(_ id: Int) {
        let step = stepsByID[id]!
        let entry = ReadyStep(phase: step.phase, id: id, waits: step.wait != nil, clusterSlot: clusterSlots[id]!)
        let index = ready.sortedIndex { $0.precedes(entry) }
        guard index == ready.count || ready[index].id != id else { return }
        ready.insert(entry, at: index)
    }

    private mutating func removeReady(_ id: Int) {
        guard let step = stepsByID[id] else { return }
        let entry = ReadyStep(phase: step.phase, id: id, waits: false, clusterSlot: 0)
        let index = ready.sortedIndex { $0.precedes(entry) }
        if index < ready.count, ready[index].id == id { ready.remove(at: index) }
    }

    /// A waiting step: where it is in the plan (what orders the waiting ones), and its id.
    private struct WaitingStep {
        var position: Int
        var id: Int
    }

    private mutating func insertWaiting(_ id: Int) {
        let position = positionByID[id]!
        let index = waiting.sortedIndex { $0.position < position }
        guard index == waiting.count || waiting[index].position != position else { return }
        waiting.insert(WaitingStep(position: position, id: id), at: index)
    }

    private mutating func removeWaiting(_ id: Int) {
        guard let position = positionByID[id] else { return }
        let index = waiting.sortedIndex { $0.position < position }
        if index < waiting.count, waiting[index].position == position { waiting.remove(at: index) }
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

private extension Array {
    /// Where an element belongs in this array, sorted so that `precedes` holds for a prefix: the
    /// first index where it does not (binary search).
    func sortedIndex(_ precedes: (Element) -> Bool) -> Int {
        var low = 0
        var high = count
        while low < high {
            let middle = (low + high) / 2
            if precedes(self[middle]) { low = middle + 1 } else { high = middle }
        }
        return low
    }
}
