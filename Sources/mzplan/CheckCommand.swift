import ArgumentParser
import Foundation
import MZPlanCore

/// `mzplan check`: the CI dry-run. Validates manifests offline; with a catalog, also plans and
/// reports hazards and blocked moves. Never connects unless a catalog source is given.
struct CheckCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "check",
        abstract: "Validate manifests (offline), and with a catalog report hazards and blocked moves.",
        discussion: """
            Reports every problem at once, each with file:line:col. The report goes to stdout. \
            Exit codes: 0 valid (with --detailed-exitcode: no changes), 1 invalid manifest or \
            unreadable catalog, 2 changes pending (with --detailed-exitcode and a catalog), \
            3 blocked, 64 usage.

            Examples:
              mzplan check -f mzplan.yaml
              mzplan check -f team-a.yaml -f team-b.yaml --format github
              mzplan check -f mzplan.yaml --catalog snapshot.json --format json
            """
    )

    @OptionGroup var manifest: ManifestOptions

    @OptionGroup var catalog: CatalogSourceOptions

    @Option(help: ArgumentHelp("Output format: \(DiagnosticFormat.allCases.map(\.rawValue).joined(separator: ", ")).", valueName: "format"))
    var format: DiagnosticFormat = .text

    @Flag(help: "With a catalog: exit 0 when there are no changes and 2 when there are (3 when blocked, either way).")
    var detailedExitcode = false

    func run() async throws {
        let console = Console()
        let allow = try HazardCodeArgument.parse(manifest.allow, console: console)
        let (report, status) = await check(allow: allow, console: console)
        console.output(CheckRenderer().render(report, format: format, color: format == .text && console.stdoutIsColorTerminal))
        throw ExitCode(status)
    }

    /// Reads, validates and (with a catalog) plans; returns the report and the exit status.
    private func check(allow: [HazardCode], console: Console) async -> (CheckReport, ExitStatus) {
        var diagnostics: [Diagnostic] = []
        var sources: [ManifestSource] = []
        for path in manifest.files {
            do throws(DiagnosticsError) {
                sources.append(try ManifestSource.read(path: path))
            } catch {
                diagnostics += error.diagnostics
            }
        }
        func report(_ plan: Plan? = nil) -> CheckReport {
            CheckReport(diagnostics: diagnostics, plan: plan, fileCount: manifest.files.count)
        }
        if sources.isEmpty, !diagnostics.isEmpty { return (report(), ExitStatus.failure) }
        let snippets = Dictionary(sources.map { ($0.path, SourceSnippet(text: String(decoding: $0.bytes, as: UTF8.self))) }) { first, _ in first }
        func placed(_ found: [Diagnostic]) -> [Diagnostic] {
            found.map { $0.location.flatMap { snippets[$0.file] }?.attach(to: $0) ?? $0 }
        }
        // With a catalog, it is read while the manifests load, as `diff` does; it is set aside
        // unread when the manifests hold errors.
        async let loadedResult = Result { () throws(DiagnosticsError) in try ManifestLoader.load(sources) }
        let catalogResult = catalog.isGiven ? await catalog.loadResult(console: console) : nil
        let loaded: LoadedManifest
        switch await loadedResult {
        case .success(let value):
            loaded = value
        case .failure(let error):
            diagnostics += error.diagnostics
            return (report(), ExitStatus.failure)
        }
        diagnostics += loaded.warnings
        guard diagnostics.allSatisfy({ $0.severity != .error }) else { return (report(), ExitStatus.failure) }
        guard let catalogResult else { return (report(), ExitStatus.success) }
        do throws(DiagnosticsError) {
            let snapshot = try catalogResult.get()
            let result = try Planner.plan(manifest: loaded.manifest, catalog: snapshot, allow: allow, createdAtMs: Clock.planTimestamp())
            // Freed at exit, not object by object (see ProcessLifetime).
            ProcessLifetime.keep(snapshot)
            ProcessLifetime.keep(loaded)
            ProcessLifetime.keep(result)
            diagnostics += placed(result.warnings + result.plan.findings(manifest: loaded.manifest))
            return (report(result.plan), ExitStatus.of(result.plan, detailed: detailedExitcode))
        } catch {
            diagnostics += placed(error.diagnostics)
            return (report(), ExitStatus.failure)
        }
    }
}
