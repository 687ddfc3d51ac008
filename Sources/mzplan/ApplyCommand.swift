import ArgumentParser
import Foundation
import MZPlanCore
import MZPlanSimulator

/// `mzplan apply`: run a plan, from a manifest or a saved plan, against a live Materialize
/// (`--url`, ``LiveApply``) or the simulator (`--simulate`) (SPEC §6, §8).
struct ApplyCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "apply",
        abstract: "Apply a plan: pre-hydrate, wait until ready, cut over, clean up.",
        discussion: """
            Without --simulate the target is the live Materialize at --url, else MZPLAN_URL (the PG* \
            variables fill in what the URL leaves out). Exit codes: 0 done, 1 error, 3 blocked or a \
            move not cut over, 4 stale plan, 5 lock held (see `mzplan unlock`), 6 readiness timeout \
            (resume with --resume), 64 usage.

            Examples:
              mzplan apply -f mzplan.yaml --url postgres://materialize@localhost:6875/materialize
              mzplan apply plan.json --url "$MZ_URL" --auto-approve --progress ndjson
              mzplan apply -f mzplan.yaml --simulate snapshot.json --auto-approve
              mzplan apply plan.json --simulate snapshot.json --auto-approve --progress ndjson
            """
    )

    @Argument(help: ArgumentHelp("A saved plan (from `mzplan diff -o`).", valueName: "plan.json"))
    var planFile: String?

    @OptionGroup var manifest: ApplyManifestOptions

    @OptionGroup var connection: ConnectionOptions

    @Option(help: ArgumentHelp("Run against the simulator loaded from this catalog snapshot.", valueName: "snapshot.json"))
    var simulate: String?

    @Option(help: ArgumentHelp("Load the simulated environment (journal and lock included) from this file when it exists, and save it there after the run.", valueName: "state.json"))
    var simulateState: String?

    @Option(help: ArgumentHelp("Live: the cluster the apply's journal session runs on (default: one with a healthy replica that the plan keeps, preferring one it touches).", valueName: "name"))
    var journalCluster: String?

    @Flag(help: "Do not ask for confirmation.")
    var autoApprove = false

    @Flag(help: "Print every statement the apply would run, and run none.")
    var dryRun = false

    @Option(help: ArgumentHelp("Give up waiting for readiness after this long (e.g. 30m); default: the manifest's hydration_timeout.", valueName: "duration"))
    var timeout: String?

    @Option(help: ArgumentHelp("Progress: auto, bar, ndjson (stdout) or none.", valueName: "mode"))
    var progress: ProgressMode = .auto

    @Flag(help: "Continue an interrupted apply from its journal.")
    var resume = false

    @Flag(help: "Drop what an interrupted apply created before its cutovers and release the lock.")
    var abort = false

    @Option(help: ArgumentHelp("Simulator fault: crash-after=N kills this process (SIGKILL, no cleanup) right after the simulated server ran the N-th statement of this run.", valueName: "fault"))
    var simulateFault: [SimulatedFault] = []

    @Option(help: ArgumentHelp("Simulator pace: X virtual seconds pass per real second (default: no waiting), to watch or interrupt a simulated apply.", valueName: "X"))
    var simulatePace: Double?

    @Option(help: .hidden) var simulateOom: [String] = []
    @Option(help: .hidden) var simulateStall: [String] = []
    @Flag(help: .hidden) var simulateLockHeld = false

    func validate() throws {
        if resume && abort { throw ValidationError("--resume and --abort exclude each other.") }
        if planFile != nil && !manifest.files.isEmpty { throw ValidationError("Pass either a saved plan or -f manifests, not both.") }
        if planFile == nil && manifest.files.isEmpty && !resume && !abort {
            throw ValidationError("Missing a plan: pass plan.json or -f mzplan.yaml.")
        }
        if connection.url != nil && (simulate != nil || simulateState != nil) {
            throw ValidationError("Pass either --url or --simulate, not both.")
        }
        if simulate == nil && simulateState == nil && !connection.isGiven {
            throw ValidationError("Missing a target: pass --url URL (or set MZPLAN_URL), or --simulate snapshot.json.")
        }
        if !isSimulated && (!simulateFault.isEmpty || simulatePace != nil) {
            throw ValidationError("--simulate-fault and --simulate-pace need --simulate or --simulate-state.")
        }
        if let simulatePace, !(simulatePace > 0 && simulatePace.isFinite) {
            throw ValidationError("Invalid --simulate-pace '\(simulatePace)': give virtual seconds per real second, a number above 0 (e.g. 60).")
        }
        if let timeout {
            do {
                _ = try DurationSyntax.milliseconds(timeout)
            } catch {
                throw ValidationError("Invalid --timeout '\(timeout)': \(error.message).")
            }
        }
    }

    /// Whether this run goes to the simulator rather than a live Materialize.
    var isSimulated: Bool { simulate != nil || simulateState != nil }

    func run() async throws {
        let console = Console()
        let allow = try HazardCodeArgument.parse(manifest.allow, console: console)
        guard isSimulated else {
            try await LiveApply(command: self, console: console, allow: allow).run()
            return
        }
        let store = simulateState.map(SimulationStore.init(path:))
        let environment = try loadEnvironment(store: store, console: console)
        if simulateLockHeld {
            environment.holdLock(LockHolder(planFingerprint: "sha256:other", host: "elsewhere", pid: 4242, startedAtMs: environment.timeMs))
        }
        try refuseHeldLock(environment.lockHolder, console: console)
        let snapshot = environment.snapshot()
        let savedPlan = planFile == nil ? nil : try await loadPlan(snapshot: snapshot, allow: allow, console: console)
        let run: SimulatedApply.Run
        if resume {
            run = .resume(expecting: savedPlan)
        } else if abort {
            run = .abort(expecting: savedPlan)
        } else {
            let plan = if let savedPlan { savedPlan } else { try await loadPlan(snapshot: snapshot, allow: allow, console: console) }
            if dryRun {
                try self.dryRun(plan, snapshot: snapshot, console: console)
                return
            }
            try showAndConfirm(plan, console: console)
            run = .apply(plan)
        }
        let interruption = ApplyInterruption()
        SignalTrap.shared.stopApplying(with: interruption)
        let crashAfter = Set(simulateFault.map(\.crashAfter))
        let simulation = SimulatedApply(
            environment: environment,
            store: store,
            settings: ProcessTable.settings(timeoutMs: timeout.flatMap(ApplyCommand.milliseconds), interruption: interruption),
            pace: simulatePace
        ) { statement in
            if crashAfter.contains(statement) { kill(getpid(), SIGKILL) }
        }
        let printer = ProgressPrinter(mode: progress, console: console, startMs: environment.timeMs)
        let outcome: SimulatedApply.Outcome
        do throws(FileWriteError) {
            outcome = try await simulation(run, emit: printer.print, emitAll: printer.printAll)
        } catch {
            console.report([Diagnostic(.error, code: "io.write", "cannot write the simulated state '\(error.path)': \(error.message)")])
            throw ExitCode(ExitStatus.failure)
        }
        printer.print(outcome.summary)
        throw ExitCode(outcome.report.exitStatus)
    }

    /// The saved environment (its log replayed) when `--simulate-state` names an existing file,
    /// else a fresh one from `--simulate`.
    private func loadEnvironment(store: SimulationStore?, console: Console) throws -> SimulatedEnvironment {
        var faults = SimulatorFaults()
        faults.oomClusters = Set(simulateOom)
        faults.stalledSources = Set(simulateStall.compactMap(QualifiedName.init(display:)))
        do throws(DiagnosticsError) {
            if let saved = try store?.load() { return saved }
            return SimulatedEnvironment(try CatalogSnapshotFile.read(path: simulate ?? ""), faults: faults)
        } catch {
            console.report(error.diagnostics)
            throw ExitCode(ExitStatus.failure)
        }
    }

    /// A new apply (not `--resume` or `--abort`) is refused before it plans when another holds
    /// the lock: planning against a catalog in the middle of someone else's apply means nothing.
    func refuseHeldLock(_ holder: LockHolder?, console: Console) throws {
        guard !resume, !abort, let holder else { return }
        console.report([Diagnostic(.error, code: "apply.lock", "another apply holds the lock (\(holder)); wait for it, or continue a dead one with `mzplan apply --resume` or undo it with `--abort`")])
        throw ExitCode(ExitStatus.lockHeld)
    }

    func loadPlan(snapshot: CatalogSnapshot, allow: [HazardCode], console: Console) async throws -> Plan {
        if let planFile {
            guard let data = FileManager.default.contents(atPath: planFile) else {
                console.report([Diagnostic(.error, code: "plan.read", "cannot read plan '\(planFile)'")])
                throw ExitCode(ExitStatus.failure)
            }
            do throws(DiagnosticsError) {
                return try Plan.decode([UInt8](data), file: planFile)
            } catch {
                console.report(error.diagnostics)
                throw ExitCode(ExitStatus.failure)
            }
        }
        let loaded = try PlanRequest.reported(console) { () throws(DiagnosticsError) in try ManifestLoader.load(paths: manifest.files) }
        return try await PlanRequest.plan(loaded, catalog: snapshot, allow: allow, console: console)
    }

    /// Prints the plan to stderr (not with `--progress ndjson`), then asks: `yes` on a TTY unless
    /// `--auto-approve`; without a TTY and without it, refuse (exit 1).
    func showAndConfirm(_ plan: Plan, console: Console) throws {
        if progress != .ndjson {
            FileHandle.standardError.write(Data(PlanRenderer().render(plan, format: .text, color: console.stderrIsColorTerminal).utf8))
        }
        guard !autoApprove else { return }
        guard isatty(STDIN_FILENO) == 1 else {
            console.report([Diagnostic(.error, code: "apply.approve", "refusing to apply without confirmation: stdin is not a terminal; pass --auto-approve")])
            throw ExitCode(ExitStatus.failure)
        }
        FileHandle.standardError.write(Data("Apply this plan? Type 'yes' to continue: ".utf8))
        guard readLine()?.trimmingCharacters(in: .whitespaces) == "yes" else {
            console.report([Diagnostic(.error, code: "apply.approve", "apply cancelled; nothing was changed")])
            throw ExitCode(ExitStatus.failure)
        }
    }

    /// `--dry-run`, live or simulated: prints the plan's statements; a saved plan must still match
    /// the catalog (else exit 4, as the apply itself would).
    func dryRun(_ plan: Plan, snapshot: CatalogSnapshot, console: Console) throws {
        if let expected = plan.execution?.catalogFingerprint, expected != CatalogFingerprint.compute(snapshot) {
            console.report([Diagnostic(.error, code: "apply.stale", "the catalog changed since the plan was made: run `mzplan diff` again and review the new plan; nothing was changed")])
            throw ExitCode(ExitStatus.stale)
        }
        console.output(PlanRenderer().render(plan, format: .sql))
    }

    /// `--timeout` in milliseconds, by the manifest's duration rules (checked in ``validate()``).
    static func milliseconds(_ text: String) -> UInt64? {
        try? DurationSyntax.milliseconds(text)
    }
}

/// `-f` and `--allow`, optional here because a saved plan or `--resume` needs no manifest.
struct ApplyManifestOptions: ParsableArguments {
    @Option(name: [.customShort("f"), .customLong("file")], help: ArgumentHelp("A manifest file; repeat to merge.", valueName: "mzplan.yaml"))
    var files: [String] = []

    @Option(name: .customLong("allow"), help: ArgumentHelp("Accept a hazard code for every object (repeatable).", valueName: "code"))
    var allow: [String] = []
}

/// `--simulate-fault`: `crash-after=N`.
struct SimulatedFault: ExpressibleByArgument {
    var crashAfter: Int

    init?(argument: String) {
        guard argument.hasPrefix("crash-after="), let count = Int(argument.dropFirst("crash-after=".count)), count >= 1 else { return nil }
        crashAfter = count
    }

    static var defaultValueDescription: String { "crash-after=N" }
}

enum ProgressMode: String, ExpressibleByArgument, CaseIterable {
    case auto, bar, ndjson, none
}
