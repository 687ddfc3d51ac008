import Foundation
import MZPlanTestSupport
import Testing

/// SIGINT outside an apply (SPEC §10.4): `diff`, `check` and `init` on a large catalog exit 130 at
/// once, and leave no output file, whole or partial, behind.
@Suite(.serialized) struct InterruptTests {
    let root = repositoryRoot()

    static let diff = ["diff", "-f", "mzplan.yaml", "--catalog", "catalog.json", "-o", "out.json"]

    /// A command and when SIGINT reaches it: early, and for `diff -o` also late, while it may be
    /// writing its output.
    static let cases: [([String], Double)] = [
        (diff, 0.3), (diff, 2.5), (diff, 4), (diff, 4.6),
        (["check", "-f", "mzplan.yaml", "--catalog", "catalog.json"], 0.3),
        (["init", "--catalog", "catalog.json", "-o", "out.yaml"], 0.3),
    ]

    @Test("SIGINT during a 30 000-object diff -o, check or init -o: exit 130 promptly, no output file (or, finished first, a whole one)", arguments: cases)
    func interruptedCommand(_ arguments: [String], after delay: Double) async throws {
        let directory = FileManager.default.temporaryDirectory.appendingPathComponent("mzplan-interrupt-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: directory, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: directory) }
        try generate(objects: 30_000, into: directory)
        let started = Date()
        let result = try runMzplan(arguments, currentDirectory: directory, signals: [(delay, SIGINT)])
        let elapsed = Date().timeIntervalSince(started)
        let left = try FileManager.default.contentsOfDirectory(atPath: directory.path).sorted()
        guard result.exitCode == 130 else {
            // It finished before the signal: its output is whole.
            #expect([0, 2, 3].contains(result.exitCode), "\(arguments[0]): \(result.stderr.suffix(300))")
            if arguments[0] == "diff" {
                let plan = try Data(contentsOf: directory.appendingPathComponent("out.json"))
                #expect((try? JSONSerialization.jsonObject(with: plan)) != nil, "a finished diff wrote a broken plan")
            }
            return
        }
        #expect(elapsed < delay + 1.5, "\(arguments[0]) took \(elapsed - delay)s to stop")
        #expect(left == ["catalog.json", "mzplan.yaml"], "\(arguments[0]) left \(left)")
    }

    private func generate(objects: Int, into directory: URL) throws {
        let process = Process()
        process.executableURL = URL(fileURLWithPath: "/usr/bin/env")
        process.arguments = [
            "python3", root.appendingPathComponent("scripts/gen-catalog.py").path, "--objects", String(objects), "--seed", "7",
            "-o", directory.appendingPathComponent("catalog.json").path, "--manifest-out", directory.appendingPathComponent("mzplan.yaml").path,
        ]
        try process.run()
        process.waitUntilExit()
        #expect(process.terminationStatus == 0, "scripts/gen-catalog.py failed")
    }
}
