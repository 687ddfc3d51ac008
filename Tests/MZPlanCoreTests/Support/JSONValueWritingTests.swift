import Testing
@testable import MZPlanCore

/// Serialization: escapes, and large arrays written in two halves on two threads giving the same
/// bytes as one thread would.
@Suite struct JSONValueWritingTests {
    @Test("strings escape quotes, backslashes and control characters; the rest is copied as it is")
    func escapes() {
        let value = JSONValue.string("a\"b\\c\nd\re\tf\u{08}g\u{0C}h\u{01}i é 🙂")
        #expect(value.serialized(pretty: false) == #""a\"b\\c\nd\re\tf\bg\fh\u0001i é 🙂""#)
    }

    @Test("an array large enough to be written in halves reads back the same, with one element per line", arguments: [4095, 4096, 9999])
    func largeArrays(count: Int) throws {
        let elements = (0..<count).map { index in
            JSONValue.object([("n", .uint(UInt64(index))), ("s", .string("row \"\(index)\"\n")), ("a", .array([.uint(UInt64(index)), .null]))])
        }
        let value = JSONValue.object([("rows", .array(elements))])
        let pretty = value.serializedBytes(pretty: true)
        #expect(try JSONValue.parse(pretty, file: "test") == value)
        #expect(try JSONValue.parse(value.serializedBytes(pretty: false), file: "test") == value)
        let text = String(decoding: pretty, as: UTF8.self)
        // {, "rows": [, per element: {, n, s, a: [, index, null, ], }, then ], }.
        #expect(text.split(separator: "\n", omittingEmptySubsequences: false).count == 4 + count * 8)
        #expect(text.contains("\n      \"n\": \(count - 1),\n"))
        #expect(!text.contains(",,") && !text.contains("[,"))
    }
}
