import Foundation
package import Testing

/// Compares `actual` with the golden file `Tests/<Target>/Snapshots/<folder>/<name>.<ext>`,
/// where `<folder>` mirrors the calling test file's folder inside its target.
///
/// When the golden file is missing, or `MZPLAN_RECORD_SNAPSHOTS=1` is set, writes `actual` as
/// the new baseline and records an issue "recorded new baseline" (so a recording run never
/// passes silently). Otherwise records an issue with a line diff when the bytes differ.
package func assertSnapshot(
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
    if let failure = snapshotFailure(actual, named: name, pathExtension: pathExtension, testFilePath: testFilePath) {
        Issue.record(Comment(rawValue: failure), sourceLocation: sourceLocation)
    }
}

/// Compares (or records) a golden file and returns the failure to report, or nil when it matches.
func snapshotFailure(_ actual: String, named name: String, pathExtension: String, testFilePath: String) -> String? {
    let url = TestPaths(testFile: testFilePath).snapshot(named: name, pathExtension: pathExtension)
    let recording = ProcessInfo.processInfo.environment["MZPLAN_RECORD_SNAPSHOTS"] == "1"
    guard let expected = try? String(contentsOf: url, encoding: .utf8), !recording else {
        do {
            try FileManager.default.createDirectory(
                at: url.deletingLastPathComponent(), withIntermediateDirectories: true)
            try actual.write(to: url, atomically: true, encoding: .utf8)
            return "recorded new baseline \(url.path); run again to compare"
        } catch {
            return "could not write baseline \(url.path): \(error)"
        }
    }
    guard actual != expected else { return nil }
    let diff = LineDiff().render(expected: expected, actual: actual)
    return """
        snapshot \(url.lastPathComponent) differs (- expected, + actual); \
        rerun with MZPLAN_RECORD_SNAPSHOTS=1 to accept:
        \(diff)
        """
}
