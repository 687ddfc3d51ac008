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
        guard let data = FileManager.default.contents(atPath: path) else { return nil }
        let environment = try SimulatedEnvironment.restore([UInt8](data), file: path)
        if let log = FileManager.default.contents(atPath: logPath) {
            for record in SimulationLog.records([UInt8](log), generation: environment.generation) {
                environment.replay(record)
            }
        }
        return environment
    }

    /// Rewrites the state file from `environment` as a new generation (write, fsync, rename) and
    /// removes the log it folds in.
    package func save(_ environment: SimulatedEnvironment) throws(SimulationStoreError) {
        environment.generation += 1
        let temporary = path + ".tmp"
        let bytes = Array(environment.savedState().utf8)
        let descriptor = open(temporary, O_WRONLY | O_CREAT | O_TRUNC | O_CLOEXEC, 0o644)
        guard descriptor >= 0 else { throw SimulationStoreError(path: temporary, errno: errno) }
        defer { close(descriptor) }
        var offset = 0
        while offset < bytes.count {
            let written = bytes[offset...].withUnsafeBytes { write(descriptor, $0.baseAddress, $0.count) }
            guard written > 0 else { throw SimulationStoreError(path: temporary, errno: errno) }
            offset += written
        }
        guard fsync(descriptor) == 0 else { throw SimulationStoreError(path: temporary, errno: errno) }
        guard rename(temporary, path) == 0 else { throw SimulationStoreError(path: path, errno: errno) }
        // The log's header names the previous generation: from here on it is never replayed.
        unlink(logPath)
    }

    /// Starts the write-ahead log for the state file as last saved.
    func openLog(for environment: SimulatedEnvironment) throws(SimulationStoreError) -> SimulationLog {
        try SimulationLog(path: logPath, generation: environment.generation)
    }
}

/// The state file or its log could not be written.
package struct SimulationStoreError: Error, Sendable {
    package let path: String
    package let message: String

    init(path: String, errno code: Int32) {
        self.path = path
        message = String(cString: strerror(code))
    }
}
