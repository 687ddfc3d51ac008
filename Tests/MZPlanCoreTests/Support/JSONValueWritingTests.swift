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

    @Test("integers are written in decimal as Swift prints them, at every width and both ends of the ranges", arguments: [
        0, 1, -1, 9, 10, -10, 99, 100, 123_456_789, Int64.max, Int64.min, Int64.max - 1, Int64.min + 1,
    ] as [Int64])
    func integers(value: Int64) {
        #expect(JSONValue.int(value).serialized(pretty: false) == String(value))
        if value >= 0 { #expect(JSONValue.uint(UInt64(value)).serialized(pretty: false) == String(value)) }
    }

    @Test("the largest unsigned integer keeps all twenty digits")
    func largestUnsigned() {
        #expect(JSONValue.uint(.max).serialized(pretty: false) == "18446744073709551615")
    }

    @Test("indentation deeper than the prepared line starts is written in full")
    func deepIndentation() throws {
        var value = JSONValue.array([.uint(1)])
        for _ in 0..<40 { value = .array([value]) }
        let text = value.serialized(pretty: true)
        #expect(text.contains("\n" + String(repeating: " ", count: 82) + "1\n"))
        #expect(try JSONValue.parse(Array(text.utf8), file: "test") == value)
    }

    @Test("an array large enough to be written in halves reads back the same, with one element per line", arguments: [2047, 2048, 2049, 4095, 4096, 9999])
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
