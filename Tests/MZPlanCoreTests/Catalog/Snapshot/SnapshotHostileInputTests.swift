import Testing
@testable import MZPlanCore

/// Malformed input of every kind is an error with a place, never a crash or a hang.
@Suite struct SnapshotHostileInputTests {
    static func decodeError(_ bytes: [UInt8]) -> Diagnostic? {
        do {
            _ = try CatalogSnapshot.decode(bytes, file: "c.json")
            return nil
        } catch {
            return error.diagnostics.first
        }
    }

    @Test("every truncation of a valid snapshot is a catalog.* error with a location")
    func truncations() {
        let bytes = Array(SnapshotRoundTripTests.everything.encode().utf8)
        for length in 0..<bytes.count - 2 {
            let diagnostic = Self.decodeError(Array(bytes[..<length]))
            #expect(diagnostic?.code.hasPrefix("catalog.") == true, "truncated at \(length)")
            #expect(diagnostic?.location != nil)
        }
    }

    @Test("invalid UTF-8 is rejected at the offending byte", arguments: [
        [0xC3, 0x28] as [UInt8], [0xE2, 0x82], [0xED, 0xA0, 0x80], [0xF4, 0x90, 0x80, 0x80], [0xC0, 0xAF], [0xFF],
    ])
    func invalidUTF8(_ sequence: [UInt8]) {
        let bytes = Array(#"{"format": "mzplan.catalog.v1", "version": "ab"#.utf8) + sequence + Array(#"cd"}"#.utf8)
        let diagnostic = Self.decodeError(bytes)
        #expect(diagnostic?.message == "$.version: invalid UTF-8 in string")
        #expect(diagnostic?.location?.description == "c.json:1:47")
        let escaped = Array(#"{"format": "mzplan.catalog.v1", "version": "\n"#.utf8) + sequence + Array(#"\n"}"#.utf8)
        #expect(Self.decodeError(escaped)?.message == "$.version: invalid UTF-8 in string")
    }

    @Test("nesting deeper than 512 levels is rejected, shallower is skipped", arguments: [(511, false), (100_000, true)])
    func deepNesting(_ depth: Int, _ fails: Bool) {
        let deep = String(repeating: "[", count: depth) + String(repeating: "]", count: depth)
        let diagnostic = Self.decodeError(Array(#"{"format": "mzplan.catalog.v1", "x": \#(deep)}"#.utf8))
        #expect((diagnostic != nil) == fails)
        if fails { #expect(diagnostic?.message == "$: nesting deeper than 512 levels") }
    }

    @Test("integers read in place where they are plain, checked where they are not", arguments: [
        ("0", UInt64(0) as UInt64?), ("7", 7), ("123456789012345678", 123_456_789_012_345_678),
        ("1234567890123456789", 1_234_567_890_123_456_789), ("18446744073709551615", UInt64.max),
        ("18446744073709551616", nil), ("01", nil), ("-1", nil), ("1e3", nil), ("1.0", nil), ("12x", nil),
    ])
    func integers(_ text: String, _ expected: UInt64?) throws {
        for spacing in ["", " ", "\n"] {
            let json = #"{"format": "mzplan.catalog.v1", "taken_at_ms": "# + text + spacing + "}"
            if let expected {
                #expect(try CatalogSnapshot.decode(Array(json.utf8), file: "c.json").takenAtMs == expected)
            } else {
                #expect(Self.decodeError(Array(json.utf8))?.code.hasPrefix("catalog.") == true, "\(text)")
            }
        }
    }

    @Test("hostile values are errors, not crashes", arguments: [
        #"{"format": "mzplan.catalog.v1", "taken_at_ms": 99999999999999999999999999999999999999999}"#,
        #"{"format": "mzplan.catalog.v1", "taken_at_ms": -}"#,
        #"{"format": "mzplan.catalog.v1", "taken_at_ms": 1.}"#,
        #"{"format": "mzplan.catalog.v1", "x": "unterminated}"#,
        "{\"format\": \"mzplan.catalog.v1\", \"x\": \"control\u{1}char\"}",
        #"{"format": "mzplan.catalog.v1", "x": "\"#,
        #"{"format": "mzplan.catalog.v1",}"#,
        #"{"format": "mzplan.catalog.v1" "x": 1}"#,
        #"{"format": "mzplan.catalog.v1", "objects": [1,]}"#,
        #"[]"#,
        #"{"format": 7}"#,
        #"{"format": "mzplan.catalog.v1", "objects": {}}"#,
    ])
    func hostile(_ json: String) {
        #expect(Self.decodeError(Array(json.utf8))?.code.hasPrefix("catalog.") == true)
    }
}
