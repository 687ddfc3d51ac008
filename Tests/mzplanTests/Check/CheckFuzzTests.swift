import Foundation
import MZPlanTestSupport
import Testing

/// A few hundred damaged copies of the shop manifest through the `mzplan check` binary: it never
/// crashes or hangs, and a rejected file always gets exit 1 and errors with positions.
@Suite struct CheckFuzzTests {
    static let cases = 300
    static let boundPerCase: Duration = .seconds(10)

    @Test("mutated manifests: exit 0 or 1, never a crash; every error has a position", .timeLimit(.minutes(5)))
    func mutations() throws {
        let root = repositoryRoot()
        let mutator = ManifestMutator(Array(try Data(contentsOf: root.appendingPathComponent("examples/shop/mzplan.yaml"))))
        let directory = FileManager.default.temporaryDirectory.appendingPathComponent("mzplan-fuzz-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: directory, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: directory) }
        var rejected = 0
        for seed in 0..<UInt64(Self.cases) {
            var generator = SeededGenerator(seed: 1_000 + seed)
            let (mutation, bytes) = mutator.mutate(using: &generator)
            let path = directory.appendingPathComponent("case-\(seed).yaml").path
            try Data(bytes).write(to: URL(fileURLWithPath: path))
            let start = ContinuousClock.now
            let result = try runMzplan(["check", "-f", path, "--format", "json"])
            let elapsed = ContinuousClock.now - start
            let context = "seed \(1_000 + seed) (\(mutation))"
            #expect(elapsed < Self.boundPerCase, "\(context) took \(elapsed)")
            #expect(result.exitCode == 0 || result.exitCode == 1, "\(context): exit \(result.exitCode), stderr: \(result.stderr)")
            guard result.exitCode == 1 else { continue }
            rejected += 1
            let object = try #require(try JSONSerialization.jsonObject(with: Data(result.stdout.utf8)) as? [String: Any], "\(context)")
            let errors = (object["diagnostics"] as? [[String: Any]] ?? []).filter { $0["severity"] as? String == "error" }
            #expect(!errors.isEmpty, "\(context)")
            for error in errors {
                #expect(error["file"] as? String == path && (error["line"] as? Int ?? 0) >= 1, "\(context): \(error)")
            }
        }
        #expect(rejected > Self.cases / 4)
    }
}
