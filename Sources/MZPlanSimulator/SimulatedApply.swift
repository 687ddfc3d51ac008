package import MZPlanCore

/// `mzplan apply --simulate` (SPEC §8, §10.4): the apply engine against a ``SimulatedServer`` over
/// the environment, then what only a simulation can tell — the invariants, the bounds the benchmark
/// compares with, each resized cluster's downtime — with the state saved before and after. The
/// CLI parses, confirms and renders; the live counterpart is the CLI's `LiveApply`.
package struct SimulatedApply {
    /// What to run.
    package enum Run {
        case apply(Plan)
        case resume(expecting: Plan?)
        case abort(expecting: Plan?)
    }

    /// How one run ended: the report, and its `summary` event with the simulation's members.
    package struct Outcome {
        package var report: ApplyReport
        package var summary: ApplyEvent
    }

    package let environment: SimulatedEnvironment
    package let store: SimulationStore?
    package let settings: ApplyDriver.Settings
    package let pace: Double?
    package let afterStatement: SimulatedServer.StatementHook

    /// - Parameters:
    ///   - store: `--simulate-state`: saved before the run (its log extends that) and after.
    ///   - settings: the driver's; its interruption also ends paced waits.
    ///   - pace: virtual seconds per real second; nil: no waiting.
    ///   - afterStatement: called after each statement ran and was logged (`--simulate-fault`).
    package init(
        environment: SimulatedEnvironment,
        store: SimulationStore?,
        settings: ApplyDriver.Settings,
        pace: Double? = nil,
        afterStatement: @escaping SimulatedServer.StatementHook = { _ in }
    ) {
        self.environment = environment
        self.store = store
        self.settings = settings
        self.pace = pace
        self.afterStatement = afterStatement
    }

    /// Runs `run`, emitting progress (and a `violation` event per broken invariant); each poll's
    /// events go to `emitAll` together when it is given.
    package func callAsFunction(_ run: Run, emit: @escaping (ApplyEvent) -> Void, emitAll: (([ApplyEvent]) -> Void)? = nil) async throws(FileWriteError) -> Outcome {
        let before = environment.snapshot()
        try store?.save(environment)
        let server = try SimulatedServer(environment, store: store, pace: pace, interruption: settings.interruption, afterStatement: afterStatement)
        let driver = ApplyDriver(target: server, clock: server, settings: settings, emit: emit, emitAll: emitAll)
        let report: ApplyReport
        switch run {
        case .apply(let plan): report = await driver.apply(plan)
        case .resume(let expected): report = await driver.resume(expecting: expected)
        case .abort(let expected): report = await driver.abort(expecting: expected)
        }
        let measured = measure(report, before: before, emit: emit)
        try store?.save(environment)
        return Outcome(report: report, summary: report.summaryEvent(staleness: environment.stalenessMs, simulation: measured?.simulation, clusters: measured?.clusters))
    }

    /// The invariants (after a run that went to its end), the bounds and each resized cluster's
    /// downtime, for the plan the journal holds.
    private func measure(_ report: ApplyReport, before: CatalogSnapshot, emit: (ApplyEvent) -> Void) -> (simulation: ApplyEvent.Simulation, clusters: [ApplyEvent.ClusterDowntime])? {
        guard let row = environment.journalEntries.last(where: { $0.status == .planned }),
              let plan = try? Plan.decode(Array(row.detail.utf8), file: "journal")
        else { return nil }
        if report.outcome == .completed || report.outcome == .notCutOver {
            // A restart's downtime runs on after the last statement: measure all of it.
            environment.settle()
            let notCutOver = Set(report.moves.filter { $0.state != .done }.map(\.move.object))
            for violation in environment.checkInvariants(plan: plan, notCutOver: notCutOver) {
                emit(ApplyEvent(.violation(message: violation.message), tsMs: environment.timeMs, object: violation.object?.description))
            }
        }
        let bounds = ApplyBounds(plan: plan, snapshot: before)
        let simulation = ApplyEvent.Simulation(
            lowerBoundMs: bounds.lowerBoundMs,
            criticalPathMs: bounds.criticalPathMs,
            clusterWorkMs: bounds.clusterWorkMs,
            sequentialMs: bounds.sequentialMs,
            recreateStalenessMs: bounds.recreateStalenessMs.values.reduce(0, +),
            violations: environment.violations.count
        )
        let clusters = environment.resizeOutcomes(plan: plan).map { outcome in
            ApplyEvent.ClusterDowntime(name: outcome.name, strategy: outcome.strategy.rawValue, downtimeMs: outcome.downtimeMs)
        }
        return (simulation, clusters)
    }
}
