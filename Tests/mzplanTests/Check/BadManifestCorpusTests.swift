import Foundation
import MZPlanTestSupport
import Testing

/// The bad-manifest corpus (`Fixtures/bad/*.yaml`) through `mzplan check` in every format, against
/// golden files (`Snapshots/Check/<name>.{txt,json,github}`): positions, messages and exit 1.
@Suite struct BadManifestCorpusTests {
    static let folder = "Tests/mzplanTests/Fixtures/bad"

    /// Every corpus file name, sorted.
    static let names: [String] = {
        let directory = repositoryRoot().appendingPathComponent(folder)
        let files = (try? FileManager.default.contentsOfDirectory(atPath: directory.path)) ?? []
        return files.filter { $0.hasSuffix(".yaml") }.map { String($0.dropLast(5)) }.sorted()
    }()

    func check(_ name: String, format: String) throws -> CommandResult {
        try runMzplan(["check", "-f", "\(Self.folder)/\(name).yaml", "--format", format], currentDirectory: repositoryRoot())
    }

    @Test("the corpus has at least 30 bad manifests")
    func size() {
        #expect(Self.names.count >= 30)
    }

    @Test("text: every problem with file:line:col, the line and a caret", arguments: names)
    func text(name: String) throws {
        let result = try check(name, format: "text")
        #expect(result.exitCode == 1, "stderr: \(result.stderr)")
        #expect(result.stderr.isEmpty)
        #expect(result.stdout.contains("\(Self.folder)/\(name).yaml:"))
        #expect(result.stdout.contains(": error: "))
        #expect(result.stdout.hasSuffix("manifest.\n"))
        assertSnapshot(result.stdout, named: name, pathExtension: "txt")
    }

    @Test("json: not ok, and every diagnostic has a file, a line and a column", arguments: names)
    func json(name: String) throws {
        let result = try check(name, format: "json")
        #expect(result.exitCode == 1)
        let object = try #require(try JSONSerialization.jsonObject(with: Data(result.stdout.utf8)) as? [String: Any])
        #expect(object["ok"] as? Bool == false)
        #expect(object["plan"] is NSNull)
        let diagnostics = try #require(object["diagnostics"] as? [[String: Any]])
        #expect(diagnostics.contains { $0["severity"] as? String == "error" })
        for diagnostic in diagnostics {
            #expect(diagnostic["file"] as? String == "\(Self.folder)/\(name).yaml")
            #expect((diagnostic["line"] as? Int ?? 0) >= 1)
            #expect((diagnostic["column"] as? Int ?? 0) >= 1)
        }
        assertSnapshot(result.stdout, named: name, pathExtension: "json")
    }

    @Test("github: one ::error annotation per problem, on the right file and line", arguments: names)
    func github(name: String) throws {
        let result = try check(name, format: "github")
        #expect(result.exitCode == 1)
        let annotations = result.stdout.split(separator: "\n").filter { $0.hasPrefix("::") }
        #expect(!annotations.isEmpty)
        for annotation in annotations {
            #expect(annotation.hasPrefix("::error file=\(Self.folder)/\(name).yaml,line=") || annotation.hasPrefix("::warning file="))
        }
        assertSnapshot(result.stdout, named: name, pathExtension: "github")
    }
}
