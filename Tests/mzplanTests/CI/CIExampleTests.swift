import Foundation
import MZPlanTestSupport
import Testing
import Yams

/// The CI examples run as written: the workflow's `mzplan` steps and `check.sh`, in a scratch
/// checkout holding the shop example as `mzplan.yaml` and its snapshot as `catalog.json` (which
/// stands in for the workflow's `mzplan catalog dump` step, the one step that needs a live server).
@Suite struct CIExampleTests {
    let root = repositoryRoot()

    /// A scratch directory with `mzplan.yaml` and `catalog.json` from `examples/shop`.
    func checkout(manifest: String = "examples/shop/mzplan.yaml") throws -> URL {
        let directory = FileManager.default.temporaryDirectory.appendingPathComponent("mzplan-ci-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: directory, withIntermediateDirectories: true)
        try FileManager.default.copyItem(at: root.appendingPathComponent(manifest), to: directory.appendingPathComponent("mzplan.yaml"))
        try FileManager.default.copyItem(at: root.appendingPathComponent("examples/shop/catalog.json"), to: directory.appendingPathComponent("catalog.json"))
        return directory
    }

    /// The folder holding the built `mzplan`, put first on PATH.
    func binaryDirectory() throws -> String {
        var candidates: [URL] = []
        if let explicit = ProcessInfo.processInfo.environment["MZPLAN_BINARY"], !explicit.isEmpty {
            candidates.append(URL(fileURLWithPath: explicit))
        }
        if let executable = Bundle.main.executableURL {
            candidates.append(executable.deletingLastPathComponent().appendingPathComponent("mzplan"))
        }
        candidates.append(contentsOf: Bundle.allBundles.map { $0.bundleURL.deletingLastPathComponent().appendingPathComponent("mzplan") })
        candidates.append(root.appendingPathComponent(".build/debug/mzplan"))
        let found = try #require(candidates.first { FileManager.default.isExecutableFile(atPath: $0.path) })
        return found.deletingLastPathComponent().path
    }

    /// Runs `script` with `bash -e -c`, as a GitHub Actions `run:` step does.
    func shell(_ script: String, in directory: URL, environment: [String: String] = [:], arguments: [String] = []) throws -> CommandResult {
        let process = Process()
        process.executableURL = URL(fileURLWithPath: "/bin/bash")
        process.arguments = ["-e", "-c", script, "ci"] + arguments
        process.currentDirectoryURL = directory
        process.environment = ["PATH": try binaryDirectory() + ":/usr/bin:/bin", "HOME": directory.path].merging(environment) { $1 }
        let out = Pipe(), err = Pipe()
        process.standardOutput = out
        process.standardError = err
        process.standardInput = FileHandle.nullDevice
        try process.run()
        let stdout = out.fileHandleForReading.readDataToEndOfFile()
        let stderr = err.fileHandleForReading.readDataToEndOfFile()
        process.waitUntilExit()
        return CommandResult(stdout: String(decoding: stdout, as: UTF8.self), stderr: String(decoding: stderr, as: UTF8.self), exitCode: process.terminationStatus)
    }

    /// The `run:` scripts of the workflow's steps that call mzplan, in order, with their step names.
    func workflowSteps() throws -> [(name: String, run: String, condition: String?)] {
        let text = try String(contentsOf: root.appendingPathComponent("examples/ci/github-actions.yml"), encoding: .utf8)
        let workflow = try #require(try Yams.load(yaml: text) as? [String: Any])
        let jobs = try #require(workflow["jobs"] as? [String: Any])
        let plan = try #require(jobs["plan"] as? [String: Any])
        let steps = try #require(plan["steps"] as? [[String: Any]])
        return steps.compactMap { step in
            guard let run = step["run"] as? String, run.hasPrefix("mzplan ") else { return nil }
            return (step["name"] as? String ?? "", run, step["if"] as? String)
        }
    }

    @Test("the GitHub workflow: offline check passes, the plan check annotates the blocked move, the summary gets the markdown plan")
    func githubWorkflow() throws {
        let directory = try checkout()
        defer { try? FileManager.default.removeItem(at: directory) }
        let summary = directory.appendingPathComponent("summary.md")
        try Data().write(to: summary)
        let steps = try workflowSteps()
        #expect(steps.map(\.run) == [
            "mzplan check -f mzplan.yaml --format github",
            "mzplan catalog dump --url \"$MZPLAN_URL\" -o catalog.json",
            "mzplan check -f mzplan.yaml --catalog catalog.json --format github",
            "mzplan diff -f mzplan.yaml --catalog catalog.json --format markdown >> \"$GITHUB_STEP_SUMMARY\"",
        ])
        #expect(steps.last?.condition == "success() || failure()", "the plan is posted even when the check fails")
        var results: [CommandResult] = []
        for step in steps where !step.run.hasPrefix("mzplan catalog dump") {
            results.append(try shell(step.run, in: directory, environment: ["GITHUB_STEP_SUMMARY": summary.path]))
        }
        #expect(results.map(\.exitCode) == [0, 3, 3], "\(results.map(\.stderr))")
        #expect(results[0].stdout == "OK: 1 manifest is valid (offline: names were not resolved; pass --catalog to plan).\n")
        #expect(results[1].stdout.contains("::error file=mzplan.yaml,line=18,col=15,title=mzplan hazard.source-recreate::"))
        #expect(results[1].stdout.contains("::warning file=mzplan.yaml,line=29,col=9,title=mzplan hazard.index-locality::"))
        let markdown = try String(contentsOf: summary, encoding: .utf8)
        #expect(markdown.hasPrefix("## mzplan plan\n"))
        #expect(markdown.contains("**Blocked:**"))
        #expect(results[2].stdout.isEmpty, "the plan went to the summary file")
    }

    @Test("the workflow's offline check annotates a broken manifest on its line")
    func githubWorkflowAnnotatesErrors() throws {
        let directory = try checkout(manifest: "Tests/mzplanTests/Fixtures/bad/many-problems.yaml")
        defer { try? FileManager.default.removeItem(at: directory) }
        let result = try shell(try #require(try workflowSteps().first).run, in: directory)
        #expect(result.exitCode == 1)
        #expect(result.stdout.hasPrefix("::error file=mzplan.yaml,line=6,col=5,title=mzplan manifest.unknown-key::"))
        #expect(result.stdout.split(separator: "\n").filter { $0.hasPrefix("::error ") }.count == 6)
    }

    @Test("check.sh: 0 offline, 3 when blocked, 0 with the plan printed when changes are allowed, 1 when invalid")
    func shellScript() throws {
        let script = root.appendingPathComponent("examples/ci/check.sh").path
        let directory = try checkout()
        defer { try? FileManager.default.removeItem(at: directory) }
        let offline = try shell(script, in: directory)
        #expect(offline.exitCode == 0, "\(offline.stdout)\(offline.stderr)")
        let blocked = try shell("\(script) catalog.json", in: directory)
        #expect(blocked.exitCode == 3)
        #expect(blocked.stdout.hasSuffix("mzplan: a move is blocked; see the findings above\n"))
        let allowed = root.appendingPathComponent("Tests/mzplanTests/Fixtures/allowed.yaml").path
        let pending = try shell("\(script) catalog.json", in: directory, environment: ["MZPLAN_MANIFEST": allowed])
        #expect(pending.exitCode == 0, "\(pending.stdout)\(pending.stderr)")
        #expect(pending.stdout.contains("mzplan: changes pending:\nClusters:"))
        let unchanged = root.appendingPathComponent("Tests/mzplanTests/Fixtures/unchanged.yaml").path
        let none = try shell("\(script) catalog.json", in: directory, environment: ["MZPLAN_MANIFEST": unchanged])
        #expect(none.exitCode == 0)
        #expect(none.stdout.hasSuffix("mzplan: the catalog already matches \(unchanged)\n"))
        let invalid = root.appendingPathComponent("Tests/mzplanTests/Fixtures/bad/version-2.yaml").path
        #expect(try shell("\(script) catalog.json", in: directory, environment: ["MZPLAN_MANIFEST": invalid]).exitCode == 1)
    }
}
