import Foundation
import MZPlanTestSupport
import Testing

/// `mzplan diff` end to end: the built binary, its stdout, stderr and exit code.
@Suite struct DiffCommandTests {
    let shopManifest = "examples/shop/mzplan.yaml"
    let shopCatalog = "examples/shop/catalog.json"
    let root = repositoryRoot()

    func diff(_ arguments: [String], manifest: String? = nil, environment: [String: String] = ["SOURCE_DATE_EPOCH": "0"]) throws -> CommandResult {
        try runMzplan(["diff", "-f", manifest ?? shopManifest, "--catalog", shopCatalog] + arguments, environment: environment, currentDirectory: root)
    }

    func fixture(_ name: String) -> String {
        "Tests/mzplanTests/Fixtures/\(name)"
    }

    @Test("the shop example plans in every format; blocked by its source move, so exit 3", arguments: ["text", "json", "sql", "markdown", "dot", "mermaid", "gantt"])
    func shopPlan(format: String) throws {
        let result = try diff(["--format", format])
        #expect(result.exitCode == 3, "stderr: \(result.stderr)")
        #expect(result.stderr.isEmpty)
        assertSnapshot(result.stdout, named: "shop", pathExtension: format == "markdown" ? "md" : format == "text" ? "txt" : format)
    }

    @Test("the same inputs give the same bytes")
    func deterministic() throws {
        let first = try diff(["--format", "json"])
        let second = try diff(["--format", "json"])
        #expect(first.stdout == second.stdout)
        #expect(!first.stdout.isEmpty)
    }

    @Test("-o writes the JSON plan next to the rendered output")
    func savesPlan() throws {
        let path = FileManager.default.temporaryDirectory.appendingPathComponent("mzplan-plan-\(UUID().uuidString).json").path
        defer { try? FileManager.default.removeItem(atPath: path) }
        let saved = try diff(["-o", path])
        let json = try diff(["--format", "json"])
        #expect(saved.exitCode == 3)
        #expect(try String(contentsOfFile: path, encoding: .utf8) == json.stdout)
        #expect(saved.stdout.hasPrefix("Clusters:"))
    }

    @Test("exit codes: 3 beats 2; allowing the hazards unblocks; --detailed-exitcode gives 0 or 2")
    func exitCodes() throws {
        #expect(try diff(["--detailed-exitcode"]).exitCode == 3)
        #expect(try diff(["--allow", "source-recreate", "--allow", "cascade-drop"]).exitCode == 0)
        #expect(try diff(["--allow", "source-recreate", "--allow", "cascade-drop", "--detailed-exitcode"]).exitCode == 2)
        #expect(try diff([], manifest: fixture("allowed.yaml")).exitCode == 0)
        #expect(try diff(["--detailed-exitcode"], manifest: fixture("allowed.yaml")).exitCode == 2)
        let unchanged = try diff(["--detailed-exitcode"], manifest: fixture("unchanged.yaml"))
        #expect(unchanged.exitCode == 0, "stderr: \(unchanged.stderr)")
        #expect(unchanged.stdout.hasPrefix("No changes."))
    }

    @Test("--allow frontier-gap is refused with exit 1")
    func frontierGapRefused() throws {
        let result = try diff(["--allow", "frontier-gap"])
        #expect(result.exitCode == 1)
        #expect(result.stderr.contains("--allow frontier-gap is refused"))
        #expect(result.stdout.isEmpty)
    }

    @Test("usage errors exit 64", arguments: [["--allow", "sink-recreat"], ["--no-such-flag"], ["--format", "yaml"]])
    func usage(arguments: [String]) throws {
        let result = try diff(arguments)
        #expect(result.exitCode == 64, "stderr: \(result.stderr)")
        #expect(result.stdout.isEmpty)
    }

    @Test("an unknown hazard code gets a did-you-mean")
    func unknownHazard() throws {
        #expect(try diff(["--allow", "sink-recreat"]).stderr.contains("did you mean 'sink-recreate'?"))
    }

    @Test("a manifest error names file:line:col, shows the line with a caret, and exits 1")
    func manifestError() throws {
        let result = try diff([], manifest: fixture("bad.yaml"))
        #expect(result.exitCode == 1)
        #expect(result.stdout.isEmpty)
        #expect(result.stderr.contains("Tests/mzplanTests/Fixtures/bad.yaml:5:5: error: unknown key 'replication_factr'"))
        #expect(result.stderr.contains("did you mean 'replication_factor'?"))
        #expect(result.stderr.contains("    replication_factr: 1\n    ^"))
    }

    @Test("a name that matches no object names its position and the closest names")
    func unknownName() throws {
        let result = try diff([], manifest: fixture("unknown-name.yaml"))
        #expect(result.exitCode == 1)
        #expect(result.stderr.contains("unknown-name.yaml:6:9: error: no object named 'materialize.public.orders_enrichd'"))
        #expect(result.stderr.contains("did you mean 'materialize.public.orders_enriched'"))
    }

    @Test("a bad snapshot names the JSON path and exits 1; a missing file says so")
    func catalogErrors() throws {
        let bad = try runMzplan(["diff", "-f", shopManifest, "--catalog", fixture("bad-catalog.json")], currentDirectory: root)
        #expect(bad.exitCode == 1)
        #expect(bad.stderr.contains("$.objects[0].kind"))
        let missing = try runMzplan(["diff", "-f", shopManifest, "--catalog", "nope.json"], currentDirectory: root)
        #expect(missing.exitCode == 1)
        #expect(missing.stderr.contains("cannot read catalog snapshot 'nope.json'"))
        let noManifest = try runMzplan(["diff", "--catalog", shopCatalog], currentDirectory: root)
        #expect(noManifest.exitCode == 64)
    }

    @Test("--help shows an example; --version answers")
    func help() throws {
        let help = try runMzplan(["diff", "--help"])
        #expect(help.exitCode == 0)
        #expect(help.stdout.contains("mzplan diff -f mzplan.yaml --catalog snapshot.json"))
        let top = try runMzplan(["--help"])
        #expect(top.stdout.contains("diff"))
        #expect(try runMzplan(["--version"]).exitCode == 0)
    }

    @Test("no colors without a terminal, even when asked for nothing")
    func noColors() throws {
        #expect(!(try diff([])).stdout.contains("\u{1B}["))
    }
}
