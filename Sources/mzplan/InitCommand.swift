import ArgumentParser
import Foundation
import MZPlanCore

/// `mzplan init`: write the manifest that reproduces the catalog's current placement.
struct InitCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "init",
        abstract: "Write a manifest that reproduces the current placement.",
        discussion: """
            Lists every user cluster that holds a source, sink, index or materialized view, with its \
            size and replication factor and its objects: a glob where a whole schema (or all of a \
            schema's objects of one kind) sits on one cluster, exact names elsewhere. `mzplan diff` \
            on the result reports no changes. Exit codes: 0 success, 1 error, 64 usage.

            Examples:
              mzplan init --catalog snapshot.json -o mzplan.yaml
              mzplan init --url postgres://materialize@localhost:6875/materialize > mzplan.yaml
            """
    )

    @OptionGroup var source: CatalogSourceOptions

    @Option(name: .shortAndLong, help: ArgumentHelp("Write the manifest to this file instead of stdout.", valueName: "mzplan.yaml"))
    var output: String?

    @Flag(help: "Overwrite the --output file when it exists.")
    var force = false

    func validate() throws {
        guard source.isGiven else {
            throw ValidationError("Missing a catalog: pass --catalog snapshot.json or --url URL (or set MZPLAN_URL).")
        }
    }

    func run() async throws {
        let console = Console()
        if let output, !force, FileManager.default.fileExists(atPath: output) {
            console.report([Diagnostic(.error, code: "io.exists", "'\(output)' already exists; pass --force to overwrite it, or choose another -o")])
            throw ExitCode(ExitStatus.failure)
        }
        let catalog: CatalogSnapshot
        do throws(DiagnosticsError) {
            catalog = try await source.load(console: console)
        } catch {
            console.report(error.diagnostics)
            throw ExitCode(ExitStatus.failure)
        }
        let manifest = ManifestGenerator.manifest(for: catalog)
        guard let output else {
            console.output(manifest)
            return
        }
        do {
            try OutputFile.write(manifest, to: output)
        } catch {
            console.report([Diagnostic(.error, code: "io.write", "cannot write the manifest to '\(output)': \(error.localizedDescription)")])
            throw ExitCode(ExitStatus.failure)
        }
    }
}
