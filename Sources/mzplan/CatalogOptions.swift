import ArgumentParser
import MZPlanCore

/// Where the catalog comes from: `--catalog snapshot.json`.
struct CatalogOptions: ParsableArguments {
    @Option(help: ArgumentHelp("A catalog snapshot (from `mzplan catalog dump`).", valueName: "snapshot.json"))
    var catalog: String?

    func validate() throws {
        guard catalog != nil else {
            throw ValidationError("Missing a catalog: pass --catalog snapshot.json.")
        }
    }

    /// Reads the catalog the options name.
    func load() throws(DiagnosticsError) -> CatalogSnapshot {
        guard let catalog else {
            throw DiagnosticsError(Diagnostic(.error, code: "cli.catalog", "no catalog given: pass --catalog snapshot.json"))
        }
        return try CatalogSnapshotFile.read(path: catalog)
    }
}
