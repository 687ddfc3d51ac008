import Foundation
@testable import MZPlanCore

/// Helpers shared by the manifest test suites.
enum ManifestTest {
    /// Loads one in-memory manifest named `path`.
    static func load(_ yaml: String, path: String = "m.yaml") throws(DiagnosticsError) -> LoadedManifest {
        try ManifestLoader.load([ManifestSource(path: path, text: yaml)])
    }

    /// The diagnostics loading `sources` throws, or an empty list when it succeeds.
    static func diagnostics(_ sources: [ManifestSource]) -> [Diagnostic] {
        do {
            _ = try ManifestLoader.load(sources)
            return []
        } catch {
            return error.diagnostics
        }
    }

    /// The diagnostics loading one in-memory manifest throws.
    static func diagnostics(_ yaml: String, path: String = "m.yaml") -> [Diagnostic] {
        diagnostics([ManifestSource(path: path, text: yaml)])
    }

    /// `version: 1` followed by `body`.
    static func versioned(_ body: String) -> String { "version: 1\n" + body }

    /// The absolute path of a file under `Tests/MZPlanCoreTests/Fixtures/manifests/`.
    static func fixturePath(_ name: String) -> String {
        URL(fileURLWithPath: #filePath)
            .deletingLastPathComponent()
            .deletingLastPathComponent()
            .appendingPathComponent("Fixtures/manifests/\(name)")
            .path
    }

    /// A qualified exact pattern.
    static func exact(_ database: String, _ schema: String, _ name: String) -> NamePattern {
        NamePattern(database: .init(database), schema: .init(schema), name: .init(name))
    }
}

/// `MZPlanCore.SourceLocation` (Swift Testing has a `SourceLocation` of its own).
typealias FileLocation = MZPlanCore.SourceLocation
