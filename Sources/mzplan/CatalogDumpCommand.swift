import ArgumentParser
import Foundation
import MZPlanCore

/// `mzplan catalog dump`: save the live catalog as a snapshot for `--catalog`.
struct CatalogDumpCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "dump",
        abstract: "Write the live catalog as a snapshot (format mzplan.catalog.v1).",
        discussion: """
            Reads user clusters and objects with their frontiers, hydration, lag and health, with a \
            fixed number of queries. Without --url the connection comes from MZPLAN_URL, else from \
            PGHOST, PGPORT, PGUSER, PGPASSWORD, PGDATABASE and PGSSLMODE. Exit codes: 0 success, 1 error.

            Examples:
              PGPASSWORD=mzp_… mzplan catalog dump --url 'postgres://me%40example.com@abc.us-east-1.aws.materialize.cloud:6875/materialize?sslmode=require' -o snapshot.json
              mzplan catalog dump --url postgres://materialize@localhost:6875/materialize > snapshot.json
            """
    )

    @OptionGroup var connection: ConnectionOptions

    @Option(name: .shortAndLong, help: ArgumentHelp("Write the snapshot to this file instead of stdout.", valueName: "snapshot.json"))
    var output: String?

    func run() async throws {
        let console = Console()
        let snapshot: CatalogSnapshot
        do throws(DiagnosticsError) {
            snapshot = try await LiveCatalog.read(connection, console: console)
        } catch {
            console.report(error.diagnostics)
            throw ExitCode(ExitStatus.failure)
        }
        let json = snapshot.encodedBytes()
        guard let output else {
            console.output(json)
            return
        }
        do {
            try OutputFile.write(json, to: output)
        } catch {
            console.report([Diagnostic(.error, code: "io.write", "cannot write the snapshot to '\(output)': \(error.localizedDescription)")])
            throw ExitCode(ExitStatus.failure)
        }
    }
}
