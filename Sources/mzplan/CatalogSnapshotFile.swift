import Foundation
import MZPlanCore

/// Reads a snapshot file from disk with errors that name the file.
enum CatalogSnapshotFile {
    static func read(path: String) throws(DiagnosticsError) -> CatalogSnapshot {
        guard let data = FileManager.default.contents(atPath: path) else {
            let reason = FileManager.default.fileExists(atPath: path) ? "it cannot be read" : "no such file"
            throw DiagnosticsError(Diagnostic(
                .error,
                code: "catalog.read",
                "cannot read catalog snapshot '\(path)': \(reason); write one with `mzplan catalog dump --url …`"
            ))
        }
        return try CatalogSnapshot.decode([UInt8](data), file: path)
    }
}
