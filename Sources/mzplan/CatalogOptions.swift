import ArgumentParser
import MZPlanCore

/// ``CatalogSourceOptions`` for commands that need a catalog (`diff`): a missing one is a usage error.
struct CatalogOptions: ParsableArguments {
    @OptionGroup var source: CatalogSourceOptions

    func validate() throws {
        guard source.isGiven else {
            throw ValidationError("Missing a catalog: pass --catalog snapshot.json or --url postgres://… (or set MZPLAN_URL).")
        }
    }

    /// Reads the catalog the options name.
    func load(console: Console) async throws(DiagnosticsError) -> CatalogSnapshot {
        try await source.load(console: console)
    }
}
