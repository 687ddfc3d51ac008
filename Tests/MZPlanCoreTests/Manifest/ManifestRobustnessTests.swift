import Foundation
import Testing
@testable import MZPlanCore

/// Inputs that must be refused cleanly: no crash, no hang, one clear diagnostic.
@Suite struct ManifestRobustnessTests {
    private func only(_ diagnostics: [Diagnostic]) -> Diagnostic? {
        #expect(diagnostics.count == 1, "\(diagnostics)")
        return diagnostics.first
    }

    @Test("an empty or comment-only file is manifest.empty", arguments: ["", "\n\n", "# nothing here\n  # still nothing\n", "---\n", "~\n"])
    func empty(yaml: String) {
        let diagnostic = only(ManifestTest.diagnostics(yaml))
        #expect(diagnostic?.code == "manifest.empty")
        #expect(diagnostic?.location == FileLocation(file: "m.yaml", line: 1, column: 1))
    }

    @Test("binary garbage and invalid UTF-8 are manifest.encoding at the offending byte", arguments: [
        ([0x76, 0x3A, 0x20, 0x31, 0x0A, 0x61, 0x00, 0x62], 2, 2),
        ([0x61, 0x3A, 0x20, 0xC3, 0x28], 1, 4),
        ([0x7F, 0x45, 0x4C, 0x46, 0x02, 0x01, 0x01, 0x00], 1, 8),
        ([0x61, 0x3A, 0x20, 0x01], 1, 4),
    ] as [([UInt8], Int, Int)])
    func encoding(bytes: [UInt8], line: Int, column: Int) {
        let diagnostic = only(ManifestTest.diagnostics([ManifestSource(path: "m.yaml", bytes: bytes)]))
        #expect(diagnostic?.code == "manifest.encoding")
        #expect(diagnostic?.location == FileLocation(file: "m.yaml", line: line, column: column))
    }

    @Test("a 10 MB input is refused without being parsed")
    func tooLargeInMemory() {
        let bytes = [UInt8](repeating: UInt8(ascii: "["), count: 10 << 20)
        let diagnostic = only(ManifestTest.diagnostics([ManifestSource(path: "big.yaml", bytes: bytes)]))
        #expect(diagnostic?.code == "manifest.too-large")
    }

    @Test("reading a file over the size limit is refused before it is read whole")
    func tooLargeOnDisk() throws {
        let path = FileManager.default.temporaryDirectory.appendingPathComponent("mzplan-big-\(UUID().uuidString).yaml").path
        defer { try? FileManager.default.removeItem(atPath: path) }
        #expect(FileManager.default.createFile(atPath: path, contents: Data(repeating: 0x20, count: 10 << 20)))
        #expect {
            try ManifestSource.read(path: path)
        } throws: { error in
            (error as? DiagnosticsError)?.diagnostics.map(\.code) == ["manifest.too-large"]
        }
    }

    /// `l0: &l0 lol`, then `lN: &lN [*l(N-1) ×10]`: 10^10 leaves once expanded.
    static func aliasBomb(levels: Int) -> String {
        var yaml = "version: 1\nl0: &l0 lol\n"
        for level in 1...levels {
            yaml += "l\(level): &l\(level) [" + Array(repeating: "*l\(level - 1)", count: 10).joined(separator: ", ") + "]\n"
        }
        return yaml
    }

    @Test("an alias bomb is refused at its first alias, fast")
    func aliasBomb() {
        let started = ContinuousClock.now
        let diagnostic = only(ManifestTest.diagnostics(Self.aliasBomb(levels: 10)))
        #expect(ContinuousClock.now - started < .seconds(2))
        #expect(diagnostic?.code == "manifest.alias")
        #expect(diagnostic?.location == FileLocation(file: "m.yaml", line: 3, column: 10))
        #expect(diagnostic?.message.contains("'*l0'") == true)
    }

    @Test("an alias bomb used as mapping keys is refused before composing")
    func aliasKeyBomb() {
        let yaml = Self.aliasBomb(levels: 9) + "k: { ? *l9 : 1, ? *l8 : 2 }\n"
        let started = ContinuousClock.now
        let diagnostics = ManifestTest.diagnostics(yaml)
        #expect(ContinuousClock.now - started < .seconds(2))
        #expect(diagnostics.map(\.code) == ["manifest.alias"])
    }

    @Test("a lone anchor is refused too")
    func anchor() {
        let diagnostic = only(ManifestTest.diagnostics("version: 1\nclusters: &c {}\n"))
        #expect(diagnostic?.code == "manifest.alias")
        #expect(diagnostic?.location == FileLocation(file: "m.yaml", line: 2, column: 11))
    }

    static let deepInputs: [String: String] = [
        "10 000 [": String(repeating: "[", count: 10_000),
        "10 000 {a:": String(repeating: "{a: ", count: 10_000),
        "100 flow levels": String(repeating: "[", count: 100) + String(repeating: "]", count: 100),
        "200 block levels": (0..<200).map { String(repeating: " ", count: $0) + "k\($0):\n" }.joined(),
    ]

    @Test("deep nesting is refused without overflowing the stack", arguments: deepInputs.keys.sorted())
    func deepNesting(name: String) {
        let yaml = Self.deepInputs[name] ?? ""
        let diagnostic = only(ManifestTest.diagnostics(yaml))
        #expect(diagnostic?.code == "manifest.too-deep")
        #expect(diagnostic?.location?.line == (name == "200 block levels" ? 65 : 1))
    }

    @Test("a second YAML document is refused at its start")
    func multipleDocuments() {
        let diagnostic = only(ManifestTest.diagnostics("version: 1\n---\nversion: 1\n"))
        #expect(diagnostic?.code == "manifest.multiple-documents")
        #expect(diagnostic?.location == FileLocation(file: "m.yaml", line: 2, column: 1))
    }

    @Test("a top-level scalar or list is a type error", arguments: ["just text\n", "- version: 1\n", "42\n"])
    func topLevelType(yaml: String) {
        let diagnostic = only(ManifestTest.diagnostics(yaml))
        #expect(diagnostic?.code == "manifest.type")
        #expect(diagnostic?.message.contains("expected the manifest to be a mapping") == true)
    }

    @Test("a mapping or list used as a key is a type error")
    func complexKey() {
        let diagnostic = only(ManifestTest.diagnostics("version: 1\n? [a, b]\n: 1\n"))
        #expect(diagnostic?.code == "manifest.type")
        #expect(diagnostic?.location == FileLocation(file: "m.yaml", line: 2, column: 3))
    }

    @Test("a UTF-8 byte order mark is accepted")
    func byteOrderMark() throws {
        let loaded = try ManifestTest.load("\u{FEFF}version: 1\n")
        #expect(loaded.manifest == Manifest())
    }
}
