import ArgumentParser
import MZPlanCore

/// Where the catalog comes from: `--catalog snapshot.json`. Optional: `check` plans only when one is given.
struct CatalogSourceOptions: ParsableArguments {
    @Option(help: ArgumentHelp("A catalog snapshot (from `mzplan catalog dump`).", valueName: "snapshot.json"))
    var catalog: String?

    /// Whether a catalog source was given.
    var isGiven: Bool { catalog != nil }

    /// Reads the catalog the options name.
    func load() throws(DiagnosticsError) -> CatalogSnapshot {
        guard let catalog else {
            throw DiagnosticsError(Diagnostic(.error, code: "cli.catalog", "no catalog given: pass --catalog snapshot.json"))
        }
        return try CatalogSnapshotFile.read(path: catalog)
    }
}

/// ``CatalogSourceOptions`` for commands that need a catalog (`diff`): a missing one is a usage error.
struct CatalogOptions: ParsableArguments {
    @OptionGroup var source: CatalogSourceOptions

    func validate() throws {
        guard source.isGiven else {
            throw ValidationError("Missing a catalog: pass --catalog snapshot.json.")
        }
    }

    /// Reads the catalog the options name.
    func load() throws(DiagnosticsError) -> CatalogSnapshot {
        try source.load()
    }
}
