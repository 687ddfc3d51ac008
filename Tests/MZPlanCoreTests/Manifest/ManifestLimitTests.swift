import Testing
@testable import MZPlanCore

/// Budgets and encodings beyond the basic cases.
@Suite struct ManifestLimitTests {
    @Test("more YAML nodes than the budget is refused, even under the size limit")
    func nodeBudget() {
        let yaml = "version: 1\nunmanaged: [" + Array(repeating: "a", count: 250_000).joined(separator: ",") + "]\n"
        #expect(yaml.utf8.count < ManifestSource.maximumSize)
        let diagnostics = ManifestTest.diagnostics(yaml)
        #expect(diagnostics.map(\.code) == ["manifest.too-large"])
        #expect(diagnostics.first?.message.contains("YAML nodes") == true)
    }

    @Test("a UTF-16 file is told to be saved as UTF-8")
    func utf16() {
        let bytes: [UInt8] = [0xFF, 0xFE] + Array("version: 1\n".utf8).flatMap { [$0, 0] }
        let diagnostics = ManifestTest.diagnostics([ManifestSource(path: "m.yaml", bytes: bytes)])
        #expect(diagnostics.map(\.code) == ["manifest.encoding"])
        #expect(diagnostics.first?.message.contains("UTF-16") == true)
    }

    @Test("an integer too large for Int is a range error")
    func hugeInteger() {
        let diagnostics = ManifestTest.diagnostics("version: 1\noptions:\n  stable_polls: 99999999999999999999999\n")
        #expect(diagnostics.map(\.code) == ["manifest.range"])
    }
}
