package import MZPlanCore

extension SimulatedEnvironment: ApplyTarget, ApplyClock {
    package func readCatalog() async throws(ApplyTargetError) -> CatalogSnapshot {
        snapshot()
    }

    package func execute(_ sql: String, timeoutMs: UInt64?) async throws(ApplyTargetError) {
        statementsExecuted += 1
        let number = statementsExecuted
        if faults.dropConnectionBeforeStatement == number {
            throw ApplyTargetError(.connectionLost, message: "simulated connection drop before statement \(number)")
        }
        if faults.conflictOnStatement == number || pendingConflicts > 0 {
            if faults.conflictOnStatement == number { pendingConflicts = faults.conflicts }
            pendingConflicts -= 1
            if pendingConflicts >= 0 {
                throw ApplyTargetError(.sql, sqlState: "40001", message: "simulated concurrent DDL conflict")
            }
            pendingConflicts = 0
        }
        try perform(sql, timeoutMs: timeoutMs)
        if faults.crashAfterStatement == number {
            throw ApplyTargetError(.crashed, message: "simulated crash after statement \(number)")
        }
        if faults.dropConnectionAfterStatement == number {
            throw ApplyTargetError(.connectionLost, message: "simulated connection drop after statement \(number)")
        }
    }

    /// Renames take effect at once here: `timeoutMs` never bounds anything.
    package func executeTransaction(_ statements: [String], timeoutMs: UInt64?) async throws(ApplyTargetError) {
        statementsExecuted += 1
        let number = statementsExecuted
        if faults.dropConnectionBeforeStatement == number {
            throw ApplyTargetError(.connectionLost, message: "simulated connection drop before statement \(number)")
        }
        try performTransaction(statements)
        if faults.crashAfterStatement == number {
            throw ApplyTargetError(.crashed, message: "simulated crash after statement \(number)")
        }
        if faults.dropConnectionAfterStatement == number {
            throw ApplyTargetError(.connectionLost, message: "simulated connection drop after statement \(number)")
        }
    }

    /// Reads the table as stored and computes only the frontiers it reports (``currentUppers()``):
    /// a poll does not run the frontier pass over the whole catalog.
    package func readiness(_ probes: [ReadinessProbe]) async throws(ApplyTargetError) -> [ReadinessSample] {
        var uppers = currentUppers()
        // Read once: each read of the stored table copies it (retains every column), per probe.
        let table = self.table
        let starts = asOfPositions()
        // A cluster's replica problem, once per poll (many waiting objects share a few clusters:
        // found by comparing names, which costs less than hashing one).
        var problems: [(cluster: String, problem: String?)] = []
        return probes.map { probe in
            guard let position = table.position(named: probe.object), let object = table.slots[position] else {
                return ReadinessSample(object: probe.object, exists: false)
            }
            let originalPosition = probe.standsInFor.flatMap { table.position(named: $0) }
            let original = originalPosition.flatMap { table.slots[$0] }
            let problem: String?
            if let cluster = object.cluster {
                if let known = problems.first(where: { $0.cluster == cluster }) {
                    problem = known.problem
                } else {
                    problem = replicaProblem(cluster)
                    problems.append((cluster, problem))
                }
            } else {
                problem = nil
            }
            // A table or subsource of a source has its data once its source has taken its snapshot.
            let hydrated = object.hydrated ?? object.dependsOn.lazy.compactMap { table[$0] }.first { $0.kind == .source }?.hydrated
            let upper = uppers.upper(at: position)
            // A replacement's global frontier mirrors its target's; its dataflow's is its own.
            let reported = object.replacementFor.flatMap { table.position(of: $0) }.map { uppers.upper(at: $0) } ?? upper
            let originalUpper = originalPosition.flatMap { uppers.upper(at: $0) }
            return ReadinessSample(
                object: probe.object,
                exists: true,
                cluster: object.cluster,
                hydratedOnHealthyReplica: hydrated == true && problem == nil,
                upperMs: reported,
                lagMs: reported.map { timeMs - min($0, timeMs) },
                sinceMs: uppers.since(at: position, in: table, start: starts[position]),
                dataflowUpperMs: problem == nil ? upper : nil,
                status: object.status,
                originalUpperMs: originalUpper,
                originalLagMs: originalUpper.map { timeMs - min($0, timeMs) },
                originalSealed: original?.sealed ?? false,
                replicaProblem: problem
            )
        }
    }

    package func acquireLock(_ holder: LockHolder) async throws(ApplyTargetError) -> LockHolder? {
        if let lock { return lock }
        lock = holder
        return nil
    }

    package func releaseLock() async throws(ApplyTargetError) {
        lock = nil
    }

    package func appendJournal(_ entry: JournalEntry) async throws(ApplyTargetError) {
        journal.append(entry)
    }

    package func readJournal() async throws(ApplyTargetError) -> [JournalEntry] {
        journal
    }

    package func nowMs() -> UInt64 { timeMs }

    package func sleep(untilMs deadlineMs: UInt64) async {
        advance(to: deadlineMs)
    }

    /// Pretends another apply holds the lock.
    package func holdLock(_ holder: LockHolder) {
        lock = holder
    }

    /// The lock's holder, if any.
    package var lockHolder: LockHolder? { lock }
    /// The journal rows, oldest first.
    package var journalEntries: [JournalEntry] { journal }
}

extension SimulatedEnvironment {
    /// Applies a change the write-ahead log recorded (``SimulationStore/load()``), the way the
    /// call that made it did, without faults: a statement that failed then fails again.
    func replay(_ record: SimulationLog.Record) {
        switch record {
        case .execute(let sql, let timeoutMs):
            statementsExecuted += 1
            try? perform(sql, timeoutMs: timeoutMs)
        case .transaction(let statements):
            statementsExecuted += 1
            try? performTransaction(statements)
        case .advance(let toMs): advance(to: toMs)
        case .acquireLock(let holder): if lock == nil { lock = holder }
        case .releaseLock: lock = nil
        case .appendJournal(let entry): journal.append(entry)
        }
    }

    /// What the server does with a statement that reached it: run it, then see whether its
    /// clusters still fit in memory.
    private func perform(_ sql: String, timeoutMs: UInt64?) throws(ApplyTargetError) {
        try run(sql, timeoutMs: timeoutMs)
        updateMemoryPressure()
    }

    /// A DDL-only transaction: its statements take effect together, or none of them does (the
    /// first error rolls back what ran before it). Materialize allows only `ALTER … RENAME`,
    /// `ALTER … SWAP`, `CREATE SOURCE` and `CREATE TABLE … FROM SOURCE` in one; the simulator
    /// models the renames and swaps.
    private func performTransaction(_ statements: [String]) throws(ApplyTargetError) {
        for sql in statements {
            guard case .alter(let alter)? = try? Statement(parsing: sql), alter.isRenameOrSwap else {
                throw ApplyTargetError(.sql, sqlState: "25000", message: "transactions which modify objects are restricted to just modifying objects: the simulator runs only ALTER … RENAME and ALTER … SWAP in one (\(sql.prefix(120)))")
            }
        }
        let saved = objects
        let savedClusters = clusters
        for sql in statements {
            do throws(ApplyTargetError) {
                try run(sql, timeoutMs: nil)
            } catch {
                objects = saved
                clusters = savedClusters
                // The restored table's name changes are not a continuation of the ones read.
                originals = nil
                throw error
            }
        }
    }
}

private extension AlterStatement {
    var isRenameOrSwap: Bool {
        switch action {
        case .rename, .swap: true
        default: false
        }
    }
}
