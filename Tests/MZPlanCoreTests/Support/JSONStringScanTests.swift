import Foundation
import Testing
@testable import MZPlanCore

/// Strings are scanned eight bytes at a time while nothing needs decoding (or, written, escaping):
/// a quote, a backslash, a control character or a non-ASCII byte at any offset, in strings of any
/// length, must read and write the same as byte by byte.
@Suite struct JSONStringScanTests {
    /// Every offset of strings up to 40 bytes long holding one special character.
    static let specials: [(text: String, json: String)] = [
        ("\"", "\\\""), ("\\", "\\\\"), ("\n", "\\n"), ("\u{01}", "\\u0001"), ("é", "é"), ("🙂", "🙂"), ("/", "\\/"),
    ]

    @Test("one special character at every offset", arguments: 0..<40)
    func everyOffset(length: Int) throws {
        for (text, json) in Self.specials {
            for offset in 0...length {
                let plain = String(repeating: "a", count: length)
                let expected = String(plain.prefix(offset)) + text + String(plain.dropFirst(offset))
                let document = "\"" + String(plain.prefix(offset)) + json + String(plain.dropFirst(offset)) + "\""
                #expect(try JSONValue.parse(Array(document.utf8), file: "t") == .string(expected), "\(document)")
                // Written back (also eight bytes at a time), it reads the same.
                #expect(try JSONValue.parse(JSONValue.string(expected).serializedBytes(pretty: false), file: "t") == .string(expected))
            }
        }
    }

    @Test("a control character or invalid UTF-8 after a long plain run is still refused", arguments: [
        Array("\"abcdefghijklmnop\u{01}\"".utf8),
        Array("\"abcdefghijklmnop".utf8) + [0xFF] + Array("qrstuvwx\"".utf8),
        Array("\"abcdefghijklmnopqrstuvwxyz".utf8),
        // Invalid UTF-8 in the same eight bytes as the escape that ends the run.
        Array("\"ab".utf8) + [0xFF] + Array("\\n\"".utf8),
        Array("\"abcdefghij".utf8) + [0xC3] + Array("\\\"\"".utf8),
    ])
    func refused(bytes: [UInt8]) {
        #expect(throws: DiagnosticsError.self) { try JSONValue.parse(bytes, file: "t") }
    }

    @Test("long strings dense with escapes, spelled plainly or all as \\u, decode to what was written", arguments: 0..<8)
    func denseEscapes(seed: Int) throws {
        var generator = SplitMix(seed: UInt64(seed))
        let alphabet: [Character] = ["a", "b", "\"", "\\", "/", "\n", "\t", "\u{01}", "é", "東", "🙂", " ", "x", "y", "z", "'"]
        for length in [7, 8, 9, 15, 16, 17, 63, 200, 1000] {
            let text = String((0..<length).map { _ in alphabet[Int(generator.next() % UInt64(alphabet.count))] })
            var plain: [UInt8] = []
            JSONValue.writeString(text, to: &plain)
            let escaped = "\"" + text.utf16.map { String(format: "\\u%04x", $0) }.joined() + "\""
            for document in [plain, Array(escaped.utf8)] {
                #expect(try JSONValue.parse(document, file: "t") == .string(text))
            }
        }
    }

    @Test("where a plain run ends, and whether it held a byte of 0x80 or more, match a byte-by-byte scan", arguments: 0..<4)
    func plainRunEnds(seed: Int) {
        var generator = SplitMix(seed: UInt64(seed) + 100)
        let rare: [UInt8] = [0x22, 0x5C, 0x01, 0x1F, 0x20, 0x7F, 0x80, 0xC3, 0xA9, 0xFF]
        for _ in 0..<300 {
            let bytes = (0..<Int(generator.next() % 40)).map { _ -> UInt8 in
                let roll = generator.next()
                return roll % 6 == 0 ? rare[Int(roll / 6 % UInt64(rare.count))] : UInt8(ascii: "a")
            }
            for start in 0...bytes.count {
                var bits: UInt8 = 0
                let end = bytes.withUnsafeBufferPointer { JSONStringBytes.plainRunEnd($0, from: start, bits: &bits) }
                var expectedEnd = start
                var sawHigh = false
                while expectedEnd < bytes.count, bytes[expectedEnd] != 0x22, bytes[expectedEnd] != 0x5C, bytes[expectedEnd] >= 0x20 {
                    sawHigh = sawHigh || bytes[expectedEnd] >= 0x80
                    expectedEnd += 1
                }
                #expect(end == expectedEnd, "\(bytes) from \(start)")
                #expect((bits >= 0x80) == sawHigh, "\(bytes) from \(start)")
            }
        }
    }

    /// A small seeded generator, so that a failure repeats.
    struct SplitMix {
        var state: UInt64
        init(seed: UInt64) { state = seed }
        mutating func next() -> UInt64 {
            state &+= 0x9E37_79B9_7F4A_7C15
            var z = state
            z = (z ^ (z >> 30)) &* 0xBF58_476D_1CE4_E5B9
            z = (z ^ (z >> 27)) &* 0x94D0_49BB_1331_11EB
            return z ^ (z >> 31)
        }
    }
}
