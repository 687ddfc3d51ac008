import Foundation
public import Testing

/// Compares `actual` with the golden file `Tests/<Target>/Snapshots/<folder>/<name>.<ext>`,
/// where `<folder>` mirrors the calling test file's folder inside its target.
///
/// When the golden file is missing, or `MZPLAN_RECORD_SNAPSHOTS=1` is set, writes `actual` as
/// the new baseline and records an issue "recorded new baseline" (so a recording run never
/// passes silently). Otherwise records an issue with a line diff when the bytes differ.
public func assertSnapshot(
    _ actual: String,
    named name: String,
    pathExtension: String = "txt",
    file: StaticString = #filePath,
    sourceLocation: Testing.SourceLocation = #_sourceLocation
) {
    assertSnapshot(
        actual, named: name, pathExtension: pathExtension, testFilePath: "\(file)", sourceLocation: sourceLocation)
}

/// ``assertSnapshot(_:named:pathExtension:file:sourceLocation:)`` for a test file path known at run time.
func assertSnapshot(
    _ actual: String,
    named name: String,
    pathExtension: String,
    testFilePath: String,
    sourceLocation: Testing.SourceLocation
) {
    let url = TestPaths(testFile: testFilePath).snapshot(named: name, pathExtension: pathExtension)
    let recording = ProcessInfo.processInfo.environment["MZPLAN_RECORD_SNAPSHOTS"] == "1"
    guard let expected = try? String(contentsOf: url, encoding: .utf8), !recording else {
        do {
            try FileManager.default.createDirectory(
                at: url.deletingLastPathComponent(), withIntermediateDirectories: true)
            try actual.write(to: url, atomically: true, encoding: .utf8)
            Issue.record(
                Comment(rawValue: "recorded new baseline \(url.path); run again to compare"),
                sourceLocation: sourceLocation)
        } catch {
            Issue.record(
                Comment(rawValue: "could not write baseline \(url.path): \(error)"),
                sourceLocation: sourceLocation)
        }
        return
    }
    guard actual != expected else { return }
    let diff = LineDiff().render(expected: expected, actual: actual)
    Issue.record(
        Comment(rawValue: """
            snapshot \(url.lastPathComponent) differs (- expected, + actual); \
            rerun with MZPLAN_RECORD_SNAPSHOTS=1 to accept:
            \(diff)
            """),
        sourceLocation: sourceLocation
    )
}
