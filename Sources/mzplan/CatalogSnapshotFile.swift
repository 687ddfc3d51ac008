import Foundation
import MZPlanCore
import MZPlanSimulator

/// Reads a snapshot file from disk with errors that name the file. A simulator state with a
/// write-ahead log beside it (an apply killed before it folded the log in) is read with the log
/// replayed: what the simulated server holds.
enum CatalogSnapshotFile {
    static func read(path: String) throws(DiagnosticsError) -> CatalogSnapshot {
        let store = SimulationStore(path: path)
        if FileManager.default.fileExists(atPath: store.logPath), let environment = try store.load() {
            return environment.snapshot()
        }
        guard let document = JSONDocument.contents(ofFile: path) else {
            let reason = FileManager.default.fileExists(atPath: path) ? "it cannot be read" : "no such file"
            throw DiagnosticsError(Diagnostic(
                .error,
                code: "catalog.read",
                "cannot read catalog snapshot '\(path)': \(reason); write one with `mzplan catalog dump --url …`"
            ))
        }
        return try CatalogSnapshot.decode(document, file: path)
    }
}
