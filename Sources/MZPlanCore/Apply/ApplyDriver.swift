/// Runs a plan against an ``ApplyTarget``: lock, staleness check, journal, the
/// ``ApplyStateMachine``'s actions, progress events, and the report (SPEC §6).
///
/// Failures by kind: SQLSTATE 40001 is retried with backoff; a dropped connection is followed
/// by a catalog read that decides, by the step's ``PostCondition``, whether the statement ran
/// (then it is not run again); a simulated crash stops everything at once, leaving lock and
/// journal as they are for `--resume` or `--abort`.
package final class ApplyDriver {
    /// How the apply identifies itself and how long it may wait.
    package struct Settings: Sendable {
        /// `--timeout`; nil: the plan's `hydration_timeout`.
        package var timeoutMs: UInt64?
        package var host: String
        package var pid: Int
        /// Whether a process on this host with this pid is running; `--resume` and `--abort`
        /// take a lock over only from an apply that is provably dead.
        package var processIsRunning: @Sendable (Int) -> Bool
        /// How serialization failures and dropped connections are retried.
        package var retry: RetryPolicy
        /// Raised by SIGINT/SIGTERM: no new statement starts once it is.
        package var interruption: ApplyInterruption

        package init(
            timeoutMs: UInt64? = nil,
            host: String = "localhost",
            pid: Int = 0,
            processIsRunning: @escaping @Sendable (Int) -> Bool = { _ in false },
            retry: RetryPolicy = .default,
            interruption: ApplyInterruption = ApplyInterruption()
        ) {
            self.timeoutMs = timeoutMs
            self.host = host
            self.pid = pid
            self.processIsRunning = processIsRunning
            self.retry = retry
            self.interruption = interruption
        }

        /// A holder that is this process (its earlier, crashed run) or a process of this host
        /// that no longer runs. A holder on another host cannot be checked: it counts as alive.
        func isDead(_ holder: LockHolder) -> Bool {
            guard holder.host == host else { return false }
            return holder.pid == pid || !processIsRunning(holder.pid)
        }
    }

    let target: any ApplyTarget
    let clock: any ApplyClock
    let settings: Settings
    let emit: (ApplyEvent) -> Void
    /// A poll's events, all at once (one write for all of them).
    let emitAll: ([ApplyEvent]) -> Void
    var statements = 0
    var polls = 0
    var startedAtMs: UInt64 = 0
    /// Per step: when its wait or blocking statement began and ended.
    var waitStartMs: [Int: UInt64] = [:]
    var waitedMs: [Int: UInt64] = [:]
    var skipReasons: [Int: String] = [:]
    /// Per waiting step, why its last poll did not pass.
    var blockers: [Int: String] = [:]
    /// Per waiting step, its object's name as events show it: a wait is reported at every poll.
    var objectNames: [Int: String] = [:]
    /// This apply took the lock: only then does a failure release it.
    var holdsLock = false

    /// - Parameters:
    ///   - emit: receives each event.
    ///   - emitAll: receives each poll's events together; by default they go to `emit` one by one.
    package init(
        target: any ApplyTarget,
        clock: any ApplyClock,
        settings: Settings = Settings(),
        emit: @escaping (ApplyEvent) -> Void = { _ in },
        emitAll: (([ApplyEvent]) -> Void)? = nil
    ) {
        self.target = target
        self.clock = clock
        self.settings = settings
        self.emit = emit
        self.emitAll = emitAll ?? { events in events.forEach(emit) }
    }

    /// Applies `plan` from the start: refuses blocked and stale plans and a held lock.
    package func apply(_ plan: Plan) async -> ApplyReport {
        startedAtMs = clock.nowMs()
        emitPlan(plan)
        if plan.isBlocked {
            return report(plan, .blocked, "the plan is blocked: resolve or allow the hazards it shows (`--allow CODE`); nothing was changed", status: [:])
        }
        do throws(ApplyTargetError) {
            if let holder = try await acquireLock(for: plan) {
                return report(plan, .lockHeld(holder), "another apply holds the lock (\(holder)); wait for it, or run `mzplan unlock` if it is dead", status: [:])
            }
            holdsLock = true
            let catalog = try await retrying { () async throws(ApplyTargetError) in try await self.target.readCatalog() }
            if let expected = plan.execution?.catalogFingerprint, expected != CatalogFingerprint.compute(catalog) {
                try await releaseLock()
                return report(plan, .stale, "the catalog changed since the plan was made: run `mzplan diff` again and review the new plan; nothing was changed", status: [:])
            }
            try await journal(plan, 0, "plan", .planned, detail: plan.json())
            return try await run(plan, done: [], waiting: [])
        } catch {
            if holdsLock, error.kind != .crashed { try? await target.releaseLock() }
            return failure(plan, error)
        }
    }

    // MARK: The loop

    func run(_ plan: Plan, done: Set<Int>, waiting: Set<Int>) async throws(ApplyTargetError) -> ApplyReport {
        let options = plan.execution?.options ?? ApplyOptions()
        let timeout = settings.timeoutMs ?? options.hydrationTimeoutMs
        var machine = ApplyStateMachine(plan: plan, options: options, deadlineMs: clock.nowMs().addingReportingOverflow(timeout).overflow ? .max : clock.nowMs() + timeout, done: done, waiting: waiting)
        for id in waiting { waitStartMs[id] = clock.nowMs() }
        while true {
            let action = machine.next(nowMs: clock.nowMs())
            if let signal = settings.interruption.requested, !action.isFinish {
                return try await interrupted(plan, by: signal, machine: machine)
            }
            switch action {
            case .execute(let step, let timeoutMs):
                if let timedOut = try await execute(step, timeoutMs: timeoutMs, plan: plan, machine: &machine) { return timedOut }
            case .checkCutover(let step):
                let gap = try await cutoverGap(before: step, in: plan)
                if let gap {
                    skipReasons[step.id] = gap
                    try await journal(plan, step.id, step.action.rawValue, .skipped, detail: gap)
                    let code = step.action == .dropRetired ? "retired-in-use" : "frontier-gap"
                    emit(ApplyEvent(.warning(code: code, message: gap), tsMs: clock.nowMs(), step: step.id, object: step.object?.description))
                }
                machine.cutoverChecked(step.id, gap: gap)
            case .poll(let probes):
                try await poll(probes, plan: plan, machine: &machine)
            case .sleep(let until):
                await clock.sleep(untilMs: until)
            case .finish(let outcome):
                return try await finish(plan, outcome, machine: machine)
            }
        }
    }

    /// Journals, runs and reports one step; returns a report only when its statement timed out.
    private func execute(_ step: Step, timeoutMs: UInt64?, plan: Plan, machine: inout ApplyStateMachine) async throws(ApplyTargetError) -> ApplyReport? {
        emit(ApplyEvent(.stepStarted(action: step.action.rawValue, cluster: step.cluster, sql: step.sql), tsMs: clock.nowMs(), step: step.id, object: step.object?.description))
        try await journal(plan, step.id, step.action.rawValue, .started)
        let started = clock.nowMs()
        switch try await runStatement(step, plan: plan, timeoutMs: timeoutMs) {
        case nil:
            let finished = clock.nowMs()
            if step.phase == .cutover { waitedMs[step.id, default: 0] += finished - started }
            if step.gracefulWait != nil { machine.waitedUnderOwnTimeout(finished - started) }
            try await journal(plan, step.id, step.action.rawValue, .finished)
            machine.executed(step.id, nowMs: finished)
            if step.wait != nil { waitStartMs[step.id] = finished }
            emit(ApplyEvent(.stepFinished(action: step.action.rawValue), tsMs: finished, step: step.id, object: step.object?.description))
            if [.applyReplacement, .setCluster, .recreateObject, .swapCluster, .renameObjects].contains(step.action) {
                emit(ApplyEvent(.cutover(cluster: step.cluster), tsMs: finished, step: step.id, object: step.object?.description))
            }
        case .some(let error) where error.isTimeout && settings.interruption.requested != nil:
            try await journal(plan, step.id, step.action.rawValue, .failed, detail: "cancelled by \(settings.interruption.requested?.name ?? "a signal"): \(error.message)")
            return try await interrupted(plan, by: settings.interruption.requested ?? .interrupt, machine: machine)
        case .some(let error) where error.isTimeout:
            try await journal(plan, step.id, step.action.rawValue, .failed, detail: error.message)
            try await releaseLock()
            let limit = step.gracefulWait == nil ? "--timeout" : "its WAIT UNTIL READY timeout and a minute's grace"
            return report(plan, .timedOut, "step \(step.id) did not finish within \(limit) (\(error.message)); the originals are untouched where not cut over: run `mzplan apply --resume` to continue, or `--abort`", status: machine.status)
        case .some(let error):
            try await journal(plan, step.id, step.action.rawValue, .failed, detail: error.message)
            machine.failed(step.id, message: error.message)
        }
        return nil
    }

    /// One consolidated readiness read for every waiting object, and its events.
    private func poll(_ probes: [ReadinessProbe], plan: Plan, machine: inout ApplyStateMachine) async throws(ApplyTargetError) {
        polls += 1
        let samples = try await retrying { () async throws(ApplyTargetError) in try await self.target.readiness(probes) }
        let polledAt = clock.nowMs()
        var events: [ApplyEvent] = []
        for result in machine.polled(samples, nowMs: polledAt) {
            events.append(statusEvent(result, at: polledAt))
            blockers[result.step] = result.blocker
            guard result.ready else { continue }
            waitedMs[result.step, default: 0] += polledAt - (waitStartMs[result.step] ?? polledAt)
            let step = plan.step(result.step)
            events.append(ApplyEvent(.ready(standsInFor: step?.wait?.standsInFor), tsMs: polledAt, step: result.step, object: step?.wait?.object.description))
        }
        emitAll(events)
    }

    private func finish(_ plan: Plan, _ outcome: ApplyStateMachine.Outcome, machine: ApplyStateMachine) async throws(ApplyTargetError) -> ApplyReport {
        try await releaseLock()
        switch outcome {
        case .completed(let skipped) where skipped.isEmpty:
            try await journal(plan, 0, "apply", .completed)
            return report(plan, .completed, "all \(plan.moves.count) moves applied", status: machine.status)
        case .completed:
            let reasons = skipReasons.sorted { $0.key < $1.key }.map(\.value).joined(separator: "; ")
            return report(plan, .notCutOver, "some moves were not cut over: \(reasons)", status: machine.status)
        case .timedOut(let pending):
            let waiting = pending.compactMap { id in
                plan.step(id)?.wait.map { wait in "\(wait.object)" + (blockers[id].map { " (\($0))" } ?? "") }
            }
            let names = waiting.isEmpty ? "" : ": waiting for \(waiting.joined(separator: ", "))"
            return report(plan, .timedOut, "objects did not become ready within --timeout\(names); nothing was cut over that was not ready; run `mzplan apply --resume` to continue, or `--abort`", status: machine.status)
        case .failed(let step, let message):
            return report(plan, .failed, "step \(step) failed: \(message); run `mzplan apply --resume` after fixing the cause, or `--abort`", status: machine.status)
        }
    }

    /// Stops between statements at a signal's request: the lock released, the journal as it is
    /// (every finished step recorded), so `--resume` continues where this stopped.
    private func interrupted(_ plan: Plan, by signal: ApplyInterruption.Signal, machine: ApplyStateMachine) async throws(ApplyTargetError) -> ApplyReport {
        try await releaseLock()
        holdsLock = false
        return report(plan, .interrupted(signal), "interrupted by \(signal.name): no new statement was started and the lock is released; run `mzplan apply --resume` to continue, or `--abort` to undo what ran before the cutovers", status: machine.status)
    }

    /// Runs one statement with the retries of ``RetryPolicy``; nil on success, else the error that ends it.
    private func runStatement(_ step: Step, plan: Plan, timeoutMs: UInt64?) async throws(ApplyTargetError) -> ApplyTargetError? {
        let policy = settings.retry
        var attempts = 1
        var drops = 0
        while true {
            do throws(ApplyTargetError) {
                statements += 1
                if step.action == .renameObjects {
                    try await target.executeTransaction(step.statements, timeoutMs: timeoutMs)
                } else {
                    try await target.execute(step.sql, timeoutMs: timeoutMs)
                }
                return nil
            } catch {
                switch error.kind {
                case .crashed:
                    throw error
                case .timedOut:
                    // Cancelled at its deadline: applied or not, the catalog says; never sent again.
                    let catalog = try await retrying { () async throws(ApplyTargetError) in try await self.target.readCatalog() }
                    return PostCondition.holds(step, in: plan, catalog: catalog) ? nil : error
                case .connectionLost:
                    drops += 1
                    guard drops <= policy.reconnects else { return error }
                    emit(ApplyEvent(.warning(code: "connection-lost", message: "connection lost; reconnecting and checking whether step \(step.id) ran"), tsMs: clock.nowMs(), step: step.id, object: step.object?.description))
                    let catalog = try await retrying { () async throws(ApplyTargetError) in try await self.target.readCatalog() }
                    if PostCondition.holds(step, in: plan, catalog: catalog) { return nil }
                case .sql where error.isSerializationFailure && attempts < policy.serializationAttempts:
                    await clock.sleep(untilMs: clock.nowMs() + policy.delayMs(afterAttempt: attempts))
                    attempts += 1
                case .sql where error.isSerializationFailure:
                    return ApplyTargetError(.sql, sqlState: error.sqlState, message: "\(error.message) (SQLSTATE 40001 on each of \(attempts) attempts: another session keeps changing the catalog)")
                case .sql:
                    return error
                }
            }
        }
    }

    /// ``CutoverCheck/gap(before:in:catalog:)``, reading the catalog only when the step's probe
    /// (if it has one) does not rule a gap out.
    private func cutoverGap(before step: Step, in plan: Plan) async throws(ApplyTargetError) -> String? {
        if let probe = CutoverCheck.probe(before: step, in: plan) {
            let samples = try await retrying { () async throws(ApplyTargetError) in try await self.target.readiness([probe]) }
            guard let sample = samples.first, CutoverCheck.mayGap(sample) else { return nil }
        }
        let catalog = try await retrying { () async throws(ApplyTargetError) in try await self.target.readCatalog() }
        return CutoverCheck.gap(before: step, in: plan, catalog: catalog)
    }

    /// Makes a call that is safe to repeat (a read, a journal row) with the retries of
    /// ``RetryPolicy``: after a serialization failure, and, when `reconnecting`, after a dropped
    /// connection.
    func retrying<T>(reconnecting: Bool = true, _ call: () async throws(ApplyTargetError) -> T) async throws(ApplyTargetError) -> T {
        let policy = settings.retry
        var drops = 0
        var attempts = 1
        while true {
            do throws(ApplyTargetError) {
                return try await call()
            } catch where reconnecting && error.kind == .connectionLost && drops < policy.reconnects {
                drops += 1
            } catch where error.isSerializationFailure && attempts < policy.serializationAttempts {
                await clock.sleep(untilMs: clock.nowMs() + policy.delayMs(afterAttempt: attempts))
                attempts += 1
            }
        }
    }

    /// Takes the lock for `plan`, retrying serialization failures and dropped connections; the
    /// holder when another has it. A connection dropped while the lock was being taken may have
    /// left it taken by this very apply: asking again then shows this apply as the holder.
    func acquireLock(for plan: Plan) async throws(ApplyTargetError) -> LockHolder? {
        let mine = holder(for: plan)
        let holder = try await retrying { () async throws(ApplyTargetError) in try await self.target.acquireLock(mine) }
        return holder == mine ? nil : holder
    }

    /// Releases the lock, retrying serialization failures and dropped connections (releasing
    /// twice is harmless).
    func releaseLock() async throws(ApplyTargetError) {
        try await retrying { () async throws(ApplyTargetError) in try await self.target.releaseLock() }
    }

    func journal(_ plan: Plan, _ step: Int, _ action: String, _ status: JournalEntry.Status, detail: String = "") async throws(ApplyTargetError) {
        let entry = JournalEntry(planFingerprint: plan.fingerprint, stepID: step, action: action, status: status, atMs: clock.nowMs(), detail: detail)
        try await retrying { () async throws(ApplyTargetError) in try await self.target.appendJournal(entry) }
    }

    func holder(for plan: Plan) -> LockHolder {
        LockHolder(planFingerprint: plan.fingerprint, host: settings.host, pid: settings.pid, startedAtMs: startedAtMs)
    }

    // MARK: Events and reports

    func emitPlan(_ plan: Plan) {
        emit(ApplyEvent(.plan(fingerprint: plan.fingerprint, moves: plan.moves.count, steps: plan.steps.count, blocked: plan.summary.blocked), tsMs: clock.nowMs()))
    }

    private func statusEvent(_ result: ApplyStateMachine.PollResult, at now: UInt64) -> ApplyEvent {
        let sample = result.sample
        return ApplyEvent(.objectStatus(ApplyEvent.ObjectStatus(
            hydrated: sample.hydratedOnHealthyReplica,
            upperMs: sample.upperMs,
            lagMs: sample.lagMs,
            status: sample.status,
            ready: result.blocker == nil,
            waitingFor: result.blocker
        )), tsMs: now, step: result.step, object: objectName(sample.object, step: result.step))
    }

    /// `object`'s name as events show it, rendered once per waiting `step`.
    private func objectName(_ object: QualifiedName, step: Int) -> String {
        if let name = objectNames[step] { return name }
        let name = object.description
        objectNames[step] = name
        return name
    }

    func failure(_ plan: Plan, _ error: ApplyTargetError) -> ApplyReport {
        if error.kind == .crashed {
            return report(plan, .crashed, "the apply process died (\(error.message)); lock and journal are left as they were: run `mzplan apply --resume` or `--abort`", status: [:])
        }
        return report(plan, .failed, "\(error.message); run `mzplan apply --resume` after fixing the cause, or `--abort`", status: [:])
    }

    func report(_ plan: Plan, _ outcome: ApplyReport.Outcome, _ message: String, status: [Int: ApplyStateMachine.StepStatus]) -> ApplyReport {
        let moves = plan.moves.map { move -> ApplyReport.MoveResult in
            let states = move.steps.map { status[$0] ?? .pending }
            var state = ApplyReport.MoveResult.State.done
            var reason: String?
            if let skipped = states.first(where: { if case .skipped = $0 { true } else { false } }), case .skipped(let why) = skipped {
                state = .notCutOver
                reason = move.steps.compactMap { skipReasons[$0] }.first ?? why
            } else if states.contains(where: { $0 != .done }) || states.isEmpty && outcome != .completed {
                state = .pending
            }
            let waited = move.steps.reduce(UInt64(0)) { $0 + (waitedMs[$1] ?? 0) }
            return ApplyReport.MoveResult(move: move, state: state, waitMs: waited, reason: reason)
        }
        return ApplyReport(outcome: outcome, message: message, moves: moves, startedAtMs: startedAtMs, finishedAtMs: max(clock.nowMs(), startedAtMs), statements: statements, polls: polls)
    }
}
