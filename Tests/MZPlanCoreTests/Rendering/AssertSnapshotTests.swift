import Foundation
import Testing

@testable import MZPlanTestSupport

/// The golden-file helper itself, run against a throwaway `Tests/<Target>` tree in the temp folder.
@Suite struct AssertSnapshotTests {
    private static let fakeTestFile: StaticString = "/tmp/mzplan-assert-snapshot-tests/Tests/FakeTests/Stage/FakeTests.swift"
    private static let snapshots = URL(fileURLWithPath: "/tmp/mzplan-assert-snapshot-tests/Tests/FakeTests/Snapshots/Stage")

    @Test("a missing golden file is written and reported as a new baseline")
    func recordsMissingBaseline() throws {
        let url = Self.snapshots.appendingPathComponent("recorded.txt")
        try? FileManager.default.removeItem(at: url)
        withKnownIssue {
            assertSnapshot("hello\n", named: "recorded", file: Self.fakeTestFile)
        } matching: { issue in
            issue.comments.contains { $0.rawValue.contains("recorded new baseline") }
        }
        #expect(try String(contentsOf: url, encoding: .utf8) == "hello\n")
        assertSnapshot("hello\n", named: "recorded", file: Self.fakeTestFile)
    }

    @Test("a mismatch is reported with a line diff")
    func reportsMismatch() throws {
        try FileManager.default.createDirectory(at: Self.snapshots, withIntermediateDirectories: true)
        try "one\ntwo\nthree\n".write(to: Self.snapshots.appendingPathComponent("mismatch.md"), atomically: true, encoding: .utf8)
        withKnownIssue {
            assertSnapshot("one\n2\nthree\n", named: "mismatch", pathExtension: "md", file: Self.fakeTestFile)
        } matching: { issue in
            issue.comments.contains { $0.rawValue.contains("   2      - two\n        2 + 2") }
        }
    }

    @Test("fixtureURL resolves under Tests/<Target>/Fixtures")
    func fixtures() {
        #expect(fixtureURL("orders/catalog.json", file: Self.fakeTestFile).path
            == "/tmp/mzplan-assert-snapshot-tests/Tests/FakeTests/Fixtures/orders/catalog.json")
        #expect(fixtureURL("a.yaml").path.hasSuffix("/Tests/MZPlanCoreTests/Fixtures/a.yaml"))
    }

    @Test("the line diff is a shortest edit script")
    func lineDiff() {
        let edits = LineDiff().edits(["a", "b", "c", "d"], ["a", "c", "x", "d"])
        #expect(edits == [.same("a"), .removed("b"), .same("c"), .added("x"), .same("d")])
    }
}
