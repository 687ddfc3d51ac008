import ArgumentParser
import Foundation
import MZPlanCore

/// `mzplan explain`: one object's account: where it is, where the manifest wants it and why, and
/// what the plan does to it.
struct ExplainCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "explain",
        abstract: "Explain where one object is, where the manifest wants it and what the plan does to it.",
        discussion: """
            NAME is in manifest name syntax ('name', 'schema.name' or 'database.schema.name', with the \
            first manifest's database and schema as defaults; quote parts with capitals or spaces). \
            Shows the rule that decided (file:line:col) or why none did, the strategy and why the others \
            were not chosen, frontier feasibility with every import's since and the view's upper, \
            hazards with remedies, the steps that touch it, and what it depends on or feeds that the plan \
            also moves. Exit codes: 0 success, 1 error (an unknown NAME, with the closest names), 64 usage.

            Examples:
              mzplan explain -f mzplan.yaml --catalog snapshot.json customer_ltv
              mzplan explain -f mzplan.yaml --catalog snapshot.json '"Mixed Case".orders_idx' --format json
            """
    )

    @OptionGroup var manifest: ManifestOptions

    @OptionGroup var catalog: CatalogOptions

    @Argument(help: ArgumentHelp("The object, in manifest name syntax.", valueName: "NAME"))
    var name: String

    @Option(help: ArgumentHelp("Output format: text or json.", valueName: "format"))
    var format: ExplainFormat = .text

    func run() async throws {
        let console = Console()
        let allow = try HazardCodeArgument.parse(manifest.allow, console: console)
        do throws(DiagnosticsError) {
            let loaded = try ManifestLoader.load(paths: manifest.files)
            let snapshot = try await catalog.load(console: console)
            let explanation = try Explanation.explain(name, manifest: loaded.manifest, catalog: snapshot, allow: allow)
            console.output(format == .json ? explanation.json() : explanation.text())
        } catch {
            console.report(error.diagnostics)
            throw ExitCode(ExitStatus.failure)
        }
    }
}

/// `--format text|json` of `explain`.
enum ExplainFormat: String, ExpressibleByArgument, CaseIterable {
    case text, json
}
