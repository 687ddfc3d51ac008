import Foundation
import MZPlanCore
import MZPlanTestSupport
import Testing

@Suite struct JSONPrettyPrinterTests {
    static let values: [JSONValue] = [
        .object([]),
        .array([]),
        .object([("a", .array([])), ("b", .object([])), ("c", .null), ("d", .bool(true)), ("e", .int(-3)), ("f", .uint(18_446_744_073_709_551_615))]),
        .array([.string("quote \" backslash \\ newline \n tab \t bell \u{7}"), .string("Zürich 東京 naïve"), .string("{[,:]}"), .double(0.25)]),
        .object([("nested", .object([("deeper", .array([.object([("x", .array([.int(1), .array([])]))])]))]))]),
        .object([("key with \"quotes\" and : , { }", .string("value"))]),
    ]

    @Test("re-indenting compact JSON gives what pretty serialization gives", arguments: values.indices)
    func matchesPrettySerialization(_ index: Int) {
        let value = Self.values[index]
        #expect(JSONPrettyPrinter.reindent(value.serializedBytes(pretty: false)) == value.serializedBytes(pretty: true))
        #expect(JSONPrettyPrinter.reindent(value.serializedBytes(pretty: true)) == value.serializedBytes(pretty: true))
    }

    @Test("a snapshot's bytes re-indent to its parsed value pretty-printed", arguments: ["examples/shop/catalog.json", "examples/replication/catalog.json"])
    func snapshot(_ path: String) throws {
        let bytes = try [UInt8](Data(contentsOf: repositoryRoot().appendingPathComponent(path)))
        let encoded = try CatalogSnapshot.decode(bytes, file: path).encodedBytes()
        #expect(JSONPrettyPrinter.reindent(encoded) == (try JSONValue.parse(encoded, file: path)).serializedBytes(pretty: true))
    }
}
