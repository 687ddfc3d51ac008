// `--resume` and `--abort` (SPEC §6.7): both read the plan from the journal, take over the
// lock of the apply they continue (same plan fingerprint, and only when that apply is dead),
// and trust the catalog, never the journal alone.

extension ApplyDriver {
    /// Continues the last unfinished apply in the journal. `expected`, when given (a saved plan
    /// passed along), must be that apply's plan, else the outcome is `stale`.
    package func resume(expecting expected: Plan? = nil) async -> ApplyReport {
        startedAtMs = clock.nowMs()
        do throws(ApplyTargetError) {
            guard let (plan, entries) = try await openApply() else {
                return nothingOpen(expected, "nothing to resume: the journal has no unfinished apply")
            }
            emitPlan(plan)
            if let expected, expected.fingerprint != plan.fingerprint {
                return report(plan, .stale, "the unfinished apply in the journal is of another plan (\(plan.fingerprint)); resume without a plan, or `--abort` it first", status: [:])
            }
            if let holder = try await takeLock(plan) {
                return report(plan, .lockHeld(holder), "another apply holds the lock (\(holder))", status: [:])
            }
            let catalog = try await retrying { () async throws(ApplyTargetError) in try await self.target.readCatalog() }
            let ran = Set(entries.filter { $0.status == .started || $0.status == .finished }.map(\.stepID))
            var done: Set<Int> = []
            var waiting: Set<Int> = []
            // Verified latest first: a step whose successor is verified is done as well, even when
            // its own post-condition was consumed (a replacement applied, a temporary renamed) —
            // except a wait whose object still exists: it goes through the readiness gate again,
            // so that no old object is dropped before its stand-in is ready now (unless a blue-green
            // swap, which waited for them all, ran after it).
            let existing = Set(catalog.objects.map(\.qualifiedName))
            for step in plan.steps.reversed() where ran.contains(step.id) {
                if done.contains(step.id) { continue }
                guard PostCondition.holds(step, in: plan, catalog: catalog) else { continue }
                if step.wait != nil {
                    waiting.insert(step.id)
                    continue
                }
                done.insert(step.id)
                for id in Self.predecessors(of: step, in: plan) {
                    guard let predecessor = plan.step(id) else { continue }
                    if let wait = predecessor.wait, existing.contains(wait.object) {
                        waiting.insert(id)
                    } else {
                        done.insert(id)
                    }
                }
            }
            // A blue-green swap waited for everything before it, on clusters that have since exchanged names.
            for step in plan.steps where step.action == .swapCluster && done.contains(step.id) {
                done.formUnion(Self.predecessors(of: step, in: plan))
            }
            waiting.subtract(done)
            emit(ApplyEvent(.warning(code: "resume", message: "resuming: \(done.count + waiting.count) of \(ran.count) journaled steps verified in the catalog; \(waiting.count) waits re-checked"), tsMs: clock.nowMs()))
            return try await run(plan, done: done, waiting: waiting)
        } catch {
            if holdsLock, error.kind != .crashed { try? await target.releaseLock() }
            return failure(expected ?? Plan(fingerprint: "", summary: PlanSummary()), error)
        }
    }

    /// Drops what the last unfinished apply created for moves not yet cut over, and the
    /// clusters it created that are empty again; then closes the journal and releases the lock.
    package func abort(expecting expected: Plan? = nil) async -> ApplyReport {
        startedAtMs = clock.nowMs()
        do throws(ApplyTargetError) {
            guard let (plan, entries) = try await openApply() else {
                return nothingOpen(expected, "nothing to abort: the journal has no unfinished apply")
            }
            emitPlan(plan)
            if let holder = try await takeLock(plan) {
                return report(plan, .lockHeld(holder), "another apply holds the lock (\(holder))", status: [:])
            }
            let catalog = try await retrying { () async throws(ApplyTargetError) in try await self.target.readCatalog() }
            let drops: [String]
            switch AbortPlan.undo(plan, entries: entries, catalog: catalog) {
            case .failure(let refusal):
                try await releaseLock()
                holdsLock = false
                return report(plan, .failed, refusal.message, status: [:])
            case .success(let statements):
                drops = statements.map { Statement.drop($0).sql }
            }
            for sql in drops {
                statements += 1
                emit(ApplyEvent(.stepStarted(action: "abort", cluster: nil, sql: sql), tsMs: clock.nowMs()))
                try await retrying { () async throws(ApplyTargetError) in try await self.target.execute(sql, timeoutMs: nil) }
            }
            try await journal(plan, 0, "abort", .aborted, detail: drops.joined(separator: ";\n"))
            try await releaseLock()
            var report = report(plan, .aborted, "aborted: dropped \(drops.count) object\(drops.count == 1 ? "" : "s") the apply had created; the lock is released", status: [:])
            report.moves = report.moves.map { var result = $0; result.state = .pending; return result }
            return report
        } catch {
            if holdsLock, error.kind != .crashed { try? await target.releaseLock() }
            return failure(expected ?? Plan(fingerprint: "", summary: PlanSummary()), error)
        }
    }

    /// The plan of the last apply in the journal that is neither completed nor aborted, with its entries.
    func openApply() async throws(ApplyTargetError) -> (Plan, [JournalEntry])? {
        let entries = try await retrying { () async throws(ApplyTargetError) in try await self.target.readJournal() }
        guard let start = entries.lastIndex(where: { $0.status == .planned }) else { return nil }
        let fingerprint = entries[start].planFingerprint
        let own = entries[start...].filter { $0.planFingerprint == fingerprint }
        guard !own.contains(where: { $0.status == .completed || $0.status == .aborted }) else { return nil }
        guard let plan = try? Plan.decode(Array(entries[start].detail.utf8), file: "_mzplan.journal") else {
            throw ApplyTargetError(.sql, message: "the journal's plan cannot be read back")
        }
        return (plan, Array(own))
    }

    /// Takes the lock, taking it over from a dead apply of the same plan. Nil when taken.
    private func takeLock(_ plan: Plan) async throws(ApplyTargetError) -> LockHolder? {
        if let holder = try await acquireLock(for: plan) {
            guard holder.planFingerprint == plan.fingerprint, settings.isDead(holder) else { return holder }
            try await releaseLock()
            if let other = try await acquireLock(for: plan) { return other }
        }
        holdsLock = true
        return nil
    }

    private func nothingOpen(_ expected: Plan?, _ message: String) -> ApplyReport {
        var report = report(expected ?? Plan(fingerprint: "", summary: PlanSummary()), .failed, message, status: [:])
        report.moves = []
        return report
    }

    /// Every step `step` transitively runs after.
    static func predecessors(of step: Step, in plan: Plan) -> [Int] {
        var seen: Set<Int> = []
        var pending = step.after
        while let id = pending.popLast() {
            guard seen.insert(id).inserted, let predecessor = plan.step(id) else { continue }
            pending.append(contentsOf: predecessor.after)
        }
        return Array(seen)
    }
}
