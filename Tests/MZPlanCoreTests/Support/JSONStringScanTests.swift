import Foundation
import Testing
@testable import MZPlanCore

/// Strings are scanned eight bytes at a time while nothing needs decoding: a quote, a backslash,
/// a control character or a non-ASCII byte at any offset, in strings of any length, must read the
/// same as byte by byte.
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
            }
        }
    }

    @Test("a control character or invalid UTF-8 after a long plain run is still refused", arguments: [
        Array("\"abcdefghijklmnop\u{01}\"".utf8),
        Array("\"abcdefghijklmnop".utf8) + [0xFF] + Array("qrstuvwx\"".utf8),
        Array("\"abcdefghijklmnopqrstuvwxyz".utf8),
    ])
    func refused(bytes: [UInt8]) {
        #expect(throws: DiagnosticsError.self) { try JSONValue.parse(bytes, file: "t") }
    }
}
