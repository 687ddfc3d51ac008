import ArgumentParser
import MZPlanCore

/// Where the catalog comes from: `--catalog snapshot.json`, or the live catalog at `--url`
/// (`MZPLAN_URL` counts as `--url` when no `--catalog` is given). At most one of them;
/// `check` plans only when one is given, so it never connects otherwise.
struct CatalogSourceOptions: ParsableArguments {
    @Option(help: ArgumentHelp("A catalog snapshot (from `mzplan catalog dump`).", valueName: "snapshot.json"))
    var catalog: String?

    @OptionGroup var connection: ConnectionOptions

    /// Whether a catalog source was given, `MZPLAN_URL` included.
    var isGiven: Bool { catalog != nil || connection.isGiven }

    func validate() throws {
        if catalog != nil, connection.url != nil {
            throw ValidationError("Pass either --catalog or --url, not both.")
        }
    }

    /// Reads the catalog the options name: the snapshot file, else the live catalog.
    func load(console: Console) async throws(DiagnosticsError) -> CatalogSnapshot {
        if let catalog {
            return try await BlockingWork.run { () throws(DiagnosticsError) in try CatalogSnapshotFile.read(path: catalog) }
        }
        return try await LiveCatalog.read(connection, console: console)
    }

    /// ``load(console:)``'s snapshot or error, for commands that read the catalog while the
    /// manifests load and report the manifests' errors first.
    func loadResult(console: Console) async -> Result<CatalogSnapshot, DiagnosticsError> {
        do throws(DiagnosticsError) {
            return .success(try await load(console: console))
        } catch {
            return .failure(error)
        }
    }
}
