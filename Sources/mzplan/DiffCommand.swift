import ArgumentParser
import Foundation
import MZPlanCore

/// `mzplan diff`: plan the moves that bring the catalog to the manifest's placement. Changes nothing.
struct DiffCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "diff",
        abstract: "Show the plan that would bring the catalog to the manifest's placement.",
        discussion: """
            Never changes anything. Exit codes: 0 success (with --detailed-exitcode: no changes), \
            1 error, 2 changes pending (with --detailed-exitcode), 3 blocked (always), 64 usage.

            Examples:
              mzplan diff -f mzplan.yaml --catalog snapshot.json
              mzplan diff -f mzplan.yaml --catalog snapshot.json --format sql
              mzplan diff -f mzplan.yaml --catalog snapshot.json -o plan.json --detailed-exitcode
            """
    )

    @OptionGroup var manifest: ManifestOptions

    @OptionGroup var catalog: CatalogOptions

    @Option(help: ArgumentHelp("Output format: \(PlanFormat.allCases.map(\.rawValue).joined(separator: ", ")).", valueName: "format"))
    var format: PlanFormat = .text

    @Option(name: .shortAndLong, help: ArgumentHelp("Also save the plan as JSON, for a later `mzplan apply PLAN.json`.", valueName: "plan.json"))
    var output: String?

    @Flag(help: "Exit 0 when there are no changes and 2 when there are (3 when blocked, either way).")
    var detailedExitcode = false

    func run() async throws {
        let console = Console()
        let allow = try HazardCodeArgument.parse(manifest.allow, console: console)
        let plan = try await PlanRequest(manifest: manifest, catalog: catalog, console: console).plan(allow: allow)
        let rendered = PlanRenderer().renderBytes(plan, format: format, color: format == .text && console.stdoutIsColorTerminal)
        console.output(rendered)
        if let output {
            do {
                try OutputFile.write(format == .json ? rendered : plan.jsonBytes(), to: output)
            } catch {
                console.report([Diagnostic(.error, code: "io.write", "cannot write the plan to '\(output)': \(error.localizedDescription)")])
                throw ExitCode(ExitStatus.failure)
            }
        }
        throw ExitCode(ExitStatus.of(plan, detailed: detailedExitcode))
    }
}
