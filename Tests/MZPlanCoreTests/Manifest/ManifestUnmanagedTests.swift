import Testing
@testable import MZPlanCore

/// Interplay of placement rules and `unmanaged`.
@Suite struct ManifestUnmanagedTests {
    @Test("an exact rule that unmanaged also covers is a warning naming both positions")
    func unmanagedOverlap() throws {
        let yaml = ManifestTest.versioned("clusters:\n  a:\n    objects: [scratch.t, \"scratch_*\"]\nunmanaged: [\"scratch.*\"]\n")
        let warnings = try ManifestTest.load(yaml).warnings
        #expect(warnings.map(\.code) == ["manifest.unmanaged-overlap"])
        #expect(warnings.first?.location == FileLocation(file: "m.yaml", line: 4, column: 15))
        #expect(warnings.first?.message.contains("m.yaml:5:13") == true)
    }
}
