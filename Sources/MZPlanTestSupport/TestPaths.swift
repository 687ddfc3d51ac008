package import Foundation

/// Where a test file's target folder, fixtures and golden files live on disk.
///
/// Paths are derived from the calling test file (`#filePath`), so tests find their files from
/// any working directory: `Tests/<Target>/Fixtures/…` and `Tests/<Target>/Snapshots/…`.
struct TestPaths {
    /// `Tests/<Target>`, the test target's root folder.
    var targetDirectory: URL
    /// The test file's folder relative to the target root (`Rendering`), empty at the root.
    var subdirectory: [String]

    init(testFile: String) {
        let fileURL = URL(fileURLWithPath: testFile)
        let folders = Array(fileURL.deletingLastPathComponent().pathComponents)
        if let testsIndex = folders.lastIndex(of: "Tests"), testsIndex + 1 < folders.count {
            targetDirectory = Self.url(folders[...(testsIndex + 1)])
            subdirectory = Array(folders[(testsIndex + 2)...])
        } else {
            targetDirectory = fileURL.deletingLastPathComponent()
            subdirectory = []
        }
    }

    /// `Tests/<Target>/Snapshots/<subdirectory>/<name>.<ext>`, mirroring the test file's folder
    /// (the target's `Snapshots` folder is excluded from the build in Package.swift).
    func snapshot(named name: String, pathExtension: String) -> URL {
        var url = targetDirectory.appendingPathComponent("Snapshots", isDirectory: true)
        for folder in subdirectory { url.appendPathComponent(folder, isDirectory: true) }
        return url.appendingPathComponent(name).appendingPathExtension(pathExtension)
    }

    /// `Tests/<Target>/Fixtures/<relativePath>`.
    func fixture(_ relativePath: String) -> URL {
        targetDirectory.appendingPathComponent("Fixtures", isDirectory: true).appendingPathComponent(relativePath)
    }

    private static func url(_ components: ArraySlice<String>) -> URL {
        let path = components.first == "/" ? "/" + components.dropFirst().joined(separator: "/") : components.joined(separator: "/")
        return URL(fileURLWithPath: path, isDirectory: true)
    }
}

/// The URL of `Tests/<Target>/Fixtures/<relativePath>` for the test file calling it.
///
/// `fixtureURL("orders/mzplan.yaml")` from `Tests/MZPlanCoreTests/Planning/PlannerTests.swift`
/// is `Tests/MZPlanCoreTests/Fixtures/orders/mzplan.yaml`.
package func fixtureURL(_ relativePath: String, file: StaticString = #filePath) -> URL {
    TestPaths(testFile: "\(file)").fixture(relativePath)
}
