import Foundation
import Testing

@testable import MZPlanTestSupport

/// The golden-file helper itself, run against a throwaway `Tests/<Target>` tree in the temp folder.
@Suite struct AssertSnapshotTests {
    private let root = FileManager.default.temporaryDirectory
        .appendingPathComponent("mzplan-snapshot-tests-\(UUID().uuidString)", isDirectory: true)
    private var testFile: String { root.path + "/Tests/FakeTests/Stage/FakeTests.swift" }
    private var snapshots: URL { root.appendingPathComponent("Tests/FakeTests/Snapshots/Stage", isDirectory: true) }

    private func check(_ actual: String, named name: String, pathExtension: String = "txt") -> String? {
        snapshotFailure(actual, named: name, pathExtension: pathExtension, testFilePath: testFile)
    }

    @Test("a missing golden file is written and reported as a new baseline")
    func recordsMissingBaseline() throws {
        defer { try? FileManager.default.removeItem(at: root) }
        let url = snapshots.appendingPathComponent("recorded.txt")
        #expect(check("hello\n", named: "recorded")?.contains("recorded new baseline") == true)
        #expect(try String(contentsOf: url, encoding: .utf8) == "hello\n")
        #expect(check("hello\n", named: "recorded") == nil)
    }

    @Test("a mismatch is reported with a line diff")
    func reportsMismatch() throws {
        defer { try? FileManager.default.removeItem(at: root) }
        try FileManager.default.createDirectory(at: snapshots, withIntermediateDirectories: true)
        try "one\ntwo\nthree\n".write(to: snapshots.appendingPathComponent("mismatch.md"), atomically: true, encoding: .utf8)
        let failure = check("one\n2\nthree\n", named: "mismatch", pathExtension: "md")
        #expect(failure?.contains("   2      - two\n        2 + 2") == true)
    }

    @Test("fixtureURL resolves under Tests/<Target>/Fixtures")
    func fixtures() {
        #expect(TestPaths(testFile: testFile).fixture("orders/catalog.json").path
            == root.path + "/Tests/FakeTests/Fixtures/orders/catalog.json")
        #expect(fixtureURL("a.yaml").path.hasSuffix("/Tests/MZPlanCoreTests/Fixtures/a.yaml"))
    }

    @Test("the line diff is a shortest edit script")
    func lineDiff() {
        let edits = LineDiff().edits(["a", "b", "c", "d"], ["a", "c", "x", "d"])
        #expect(edits == [.same("a"), .removed("b"), .same("c"), .added("x"), .same("d")])
    }
}
