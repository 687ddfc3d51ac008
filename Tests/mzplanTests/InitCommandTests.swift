import Foundation
import MZPlanTestSupport
import Testing

/// `mzplan init` end to end: the built binary, its output, files and exit codes.
@Suite struct InitCommandTests {
    let root = repositoryRoot()
    let shop = ["init", "--catalog", "examples/shop/catalog.json"]

    func temporary(_ name: String) -> String {
        FileManager.default.temporaryDirectory.appendingPathComponent("mzplan-init-\(name)-\(UUID().uuidString).yaml").path
    }

    @Test("stdout by default; the manifest checks offline and diffs to no changes")
    func roundTrip() throws {
        let result = try runMzplan(shop, currentDirectory: root)
        #expect(result.exitCode == 0, "\(result.stderr)")
        #expect(result.stdout.hasPrefix("# The placement of every source"))
        let path = temporary("stdout")
        defer { try? FileManager.default.removeItem(atPath: path) }
        try result.stdout.write(toFile: path, atomically: true, encoding: .utf8)
        let check = try runMzplan(["check", "-f", path], currentDirectory: root)
        #expect(check.exitCode == 0, "\(check.stdout)")
        let diff = try runMzplan(["diff", "-f", path, "--catalog", "examples/shop/catalog.json", "--detailed-exitcode"], currentDirectory: root)
        #expect(diff.exitCode == 0, "\(diff.stdout)")
        #expect(diff.stdout.contains("No changes."))
    }

    @Test("-o writes the file; an existing file is refused without --force and replaced with it")
    func output() throws {
        let path = temporary("output")
        defer { try? FileManager.default.removeItem(atPath: path) }
        let written = try runMzplan(shop + ["-o", path], currentDirectory: root)
        #expect(written.exitCode == 0 && written.stdout.isEmpty)
        let first = try String(contentsOfFile: path, encoding: .utf8)
        let refused = try runMzplan(shop + ["-o", path], currentDirectory: root)
        #expect(refused.exitCode == 1)
        #expect(refused.stderr.contains("already exists; pass --force"))
        try "edited\n".write(toFile: path, atomically: true, encoding: .utf8)
        let forced = try runMzplan(shop + ["-o", path, "--force"], currentDirectory: root)
        #expect(forced.exitCode == 0)
        #expect(try String(contentsOfFile: path, encoding: .utf8) == first)
    }

    @Test("without a catalog it is a usage error (64); a missing snapshot is exit 1 and no file")
    func errors() throws {
        let usage = try runMzplan(["init"], currentDirectory: root)
        #expect(usage.exitCode == 64)
        #expect(usage.stderr.contains("--catalog"))
        let path = temporary("missing")
        let missing = try runMzplan(["init", "--catalog", "no-such-snapshot.json", "-o", path], currentDirectory: root)
        #expect(missing.exitCode == 1)
        #expect(!FileManager.default.fileExists(atPath: path))
    }
}
