import Foundation
package import MZPlanCore

/// `--simulate-state FILE` as the simulated server's disk (SPEC §10.4): the state file (a snapshot
/// with a `simulator` member, see ``SimulatedEnvironment/savedState()``) and its write-ahead log
/// `FILE.log`. The state file is only ever replaced whole (written, flushed, renamed over); between
/// two rewrites every change goes to the log first, so a process killed at any moment — SIGKILL
/// included — leaves exactly what a server would hold.
package struct SimulationStore: Sendable {
    /// The state file.
    package let path: String

    /// The write-ahead log beside it.
    package var logPath: String { path + ".log" }

    package init(path: String) {
        self.path = path
    }

    /// The saved environment with its log replayed, or nil when there is no state file yet.
    package func load() throws(DiagnosticsError) -> SimulatedEnvironment? {
        guard let bytes = FileReading.bytes(atPath: path) else { return nil }
        let environment = try SimulatedEnvironment.restore(bytes, file: path)
        if let log = FileReading.bytes(atPath: logPath) {
            for record in SimulationLog.records(log, generation: environment.generation) {
                environment.replay(record)
            }
        }
        return environment
    }

    /// Rewrites the state file from `environment` as a new generation (write, fsync, rename) and
    /// removes the log it folds in.
    package func save(_ environment: SimulatedEnvironment) throws(FileWriteError) {
        environment.generation += 1
        try FileWriting.replace(path, with: environment.savedState(), via: path + ".tmp")
        // The log's header names the previous generation: from here on it is never replayed.
        unlink(logPath)
    }

    /// Starts the write-ahead log for the state file as last saved.
    func openLog(for environment: SimulatedEnvironment) throws(FileWriteError) -> SimulationLog {
        try SimulationLog(path: logPath, generation: environment.generation)
    }
}
