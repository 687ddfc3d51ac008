import ArgumentParser
import Foundation
import MZPlanCore
import MZPlanPostgres

/// `mzplan apply` against a live Materialize: connect (flag > `MZPLAN_URL` > libpq variables),
/// read the catalog, plan or load the saved plan, then run the ``ApplyDriver`` on a
/// ``LiveApplyTarget`` with wall time. `--dry-run` reads the catalog and nothing else: it prints
/// the statements (exit 4 for a saved plan the catalog no longer matches) and runs none.
struct LiveApply {
    let command: ApplyCommand
    let console: Console
    let allow: [HazardCode]
    var environment = ProcessInfo.processInfo.environment

    func run() async throws {
        let logger = LiveCatalog.makeLogger(environment: environment)
        let configuration: ConnectionConfiguration
        do throws(ConnectionError) {
            configuration = try command.connection.configuration(environment: environment)
        } catch {
            console.report([Diagnostic(.error, code: "catalog.connect", error.message)])
            throw ExitCode(ExitStatus.failure)
        }
        let interruption = ApplyInterruption()
        let target = LiveApplyTarget(configuration: configuration, logger: logger, interruption: interruption)
        do {
            try await run(on: target, interruption: interruption)
        } catch {
            await target.close()
            throw error
        }
        await target.close()
    }

    /// The catalog the plan is made from, read again after a dropped connection as the apply
    /// engine's ``RetryPolicy`` allows (nothing has changed yet: a read is safe to repeat).
    private func readCatalog(from target: LiveApplyTarget) async throws(ConnectionError) -> CatalogReadResult {
        var drops = 0
        while true {
            do throws(ConnectionError) {
                return try await target.readCatalogResult(takenAtMs: Clock.planTimestamp(environment: environment))
            } catch where error.kind == .connectionLost && drops < RetryPolicy.default.reconnects {
                drops += 1
            }
        }
    }

    private func run(on target: LiveApplyTarget, interruption: ApplyInterruption) async throws {
        let snapshot: CatalogSnapshot
        do throws(ConnectionError) {
            let result = try await readCatalog(from: target)
            console.report(result.warnings.map { Diagnostic(.warning, code: "catalog.degraded", $0) })
            snapshot = result.snapshot
        } catch {
            console.report([Diagnostic(.error, code: "catalog.connect", error.message)])
            throw ExitCode(ExitStatus.failure)
        }
        let holder: LockHolder?
        do throws(ApplyTargetError) {
            holder = try await target.lockState()?.heldBy
        } catch {
            console.report([Diagnostic(.error, code: "catalog.connect", error.message)])
            throw ExitCode(ExitStatus.failure)
        }
        try command.refuseHeldLock(holder, console: console)
        let savedPlan = command.planFile == nil ? nil : try await command.loadPlan(snapshot: snapshot, allow: allow, console: console)
        let manifestPlan = savedPlan == nil && !command.resume && !command.abort ? try await command.loadPlan(snapshot: snapshot, allow: allow, console: console) : nil
        if !command.dryRun {
            switch JournalCluster.choose(catalog: snapshot, plan: savedPlan ?? manifestPlan, requested: command.journalCluster) {
            case .success(let cluster): await target.setJournalCluster(cluster)
            case .failure(let diagnostic):
                console.report([diagnostic])
                throw ExitCode(ExitStatus.failure)
            }
        }
        let clock = WallClock(interruption: interruption)
        let printer = ProgressPrinter(mode: command.progress, console: console, startMs: clock.nowMs())
        let driver = ApplyDriver(
            target: target,
            clock: clock,
            settings: ProcessTable.settings(timeoutMs: command.timeout.flatMap(ApplyCommand.milliseconds), interruption: interruption),
            emit: printer.print,
            emitAll: printer.printAll
        )
        let report: ApplyReport
        if command.resume {
            SignalTrap.shared.stopApplying(with: interruption)
            report = await driver.resume(expecting: savedPlan)
        } else if command.abort {
            SignalTrap.shared.stopApplying(with: interruption)
            report = await driver.abort(expecting: savedPlan)
        } else {
            guard let plan = savedPlan ?? manifestPlan else { throw ExitCode(ExitStatus.failure) }
            if command.dryRun {
                try command.dryRun(plan, snapshot: snapshot, console: console)
                return
            }
            try command.showAndConfirm(plan, console: console)
            SignalTrap.shared.stopApplying(with: interruption)
            report = await driver.apply(plan)
        }
        printer.print(report.summaryEvent())
        throw ExitCode(report.exitStatus)
    }
}
