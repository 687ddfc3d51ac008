import ArgumentParser
import Foundation
import MZPlanCore
import MZPlanPostgres

/// `mzplan unlock`: remove the apply lock (`_mzplan_lock`) a dead apply left behind (SPEC §6.1).
struct UnlockCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "unlock",
        abstract: "Remove the apply lock left by an apply that died.",
        discussion: """
            Shows who holds the lock and asks for `yes` on a terminal unless --force; without a \
            terminal and without --force it refuses. Only remove the lock of an apply that is no \
            longer running; to continue or undo that apply, prefer `mzplan apply --resume` or \
            `--abort`. Without --url the connection comes from MZPLAN_URL, else from the PG* \
            variables. Exit codes: 0 removed or not held, 1 error or refused, 64 usage.

            Examples:
              mzplan unlock --url postgres://materialize@localhost:6875/materialize
              mzplan unlock --force
            """
    )

    @OptionGroup var connection: ConnectionOptions

    @Flag(help: "Do not ask for confirmation.")
    var force = false

    func run() async throws {
        let console = Console()
        let environment = ProcessInfo.processInfo.environment
        let configuration: ConnectionConfiguration
        do throws(ConnectionError) {
            configuration = try connection.configuration(environment: environment)
        } catch {
            console.report([Diagnostic(.error, code: "catalog.connect", error.message)])
            throw ExitCode(ExitStatus.failure)
        }
        let target = LiveApplyTarget(configuration: configuration, logger: LiveCatalog.makeLogger(environment: environment))
        do {
            try await unlock(target, database: configuration.database, console: console)
        } catch {
            await target.close()
            throw error
        }
        await target.close()
    }

    private func unlock(_ target: LiveApplyTarget, database: String, console: Console) async throws {
        let state: LockState?
        do throws(ApplyTargetError) {
            state = try await target.lockState()
        } catch {
            console.report([Diagnostic(.error, code: "unlock.failed", error.message)])
            throw ExitCode(ExitStatus.failure)
        }
        guard let state else {
            console.output("no apply holds the lock in database \(database)\n")
            return
        }
        let holder = state.holder.map { "\($0)" } ?? "an unknown holder (comment: \(state.comment ?? "none"))"
        FileHandle.standardError.write(Data("The apply lock in database \(database) is held by \(holder).\n".utf8))
        try confirm(console: console)
        do throws(ApplyTargetError) {
            try await target.releaseLock()
        } catch {
            console.report([Diagnostic(.error, code: "unlock.failed", error.message)])
            throw ExitCode(ExitStatus.failure)
        }
        console.output("removed the apply lock held by \(holder)\n")
    }

    /// `yes` on a TTY unless `--force`; without a TTY and without it, refuse (exit 1).
    private func confirm(console: Console) throws {
        guard !force else { return }
        guard isatty(STDIN_FILENO) == 1 else {
            console.report([Diagnostic(.error, code: "unlock.approve", "refusing to remove the lock without confirmation: stdin is not a terminal; pass --force")])
            throw ExitCode(ExitStatus.failure)
        }
        FileHandle.standardError.write(Data("Remove it? Only do this when that apply is no longer running. Type 'yes' to continue: ".utf8))
        guard readLine()?.trimmingCharacters(in: .whitespaces) == "yes" else {
            console.report([Diagnostic(.error, code: "unlock.approve", "unlock cancelled; the lock is still held")])
            throw ExitCode(ExitStatus.failure)
        }
    }
}
