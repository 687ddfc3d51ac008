/// A JSON document with object keys kept in the order they were written.
///
/// Used to write plans and snapshots byte-for-byte deterministically: the same value always
/// serializes to the same bytes.
package enum JSONValue: Hashable, Sendable {
    case null
    case bool(Bool)
    case int(Int64)
    case uint(UInt64)
    /// A number with a fraction, such as credits per hour; written in Swift's shortest
    /// round-tripping form (`1.0`, `0.25`), `null` when not finite.
    case double(Double)
    case string(String)
    case array([JSONValue])
    case object([(String, JSONValue)])

    package static func == (lhs: JSONValue, rhs: JSONValue) -> Bool {
        switch (lhs, rhs) {
        case (.null, .null): true
        case let (.bool(a), .bool(b)): a == b
        case let (.int(a), .int(b)): a == b
        case let (.uint(a), .uint(b)): a == b
        case let (.double(a), .double(b)): a == b
        case let (.string(a), .string(b)): a == b
        case let (.array(a), .array(b)): a == b
        case let (.object(a), .object(b)): a.count == b.count && zip(a, b).allSatisfy { $0.0 == $1.0 && $0.1 == $1.1 }
        default: false
        }
    }

    package func hash(into hasher: inout Hasher) {
        switch self {
        case .null: hasher.combine(0)
        case .bool(let value): hasher.combine(value)
        case .int(let value): hasher.combine(value)
        case .uint(let value): hasher.combine(value)
        case .double(let value): hasher.combine(value)
        case .string(let value): hasher.combine(value)
        case .array(let values): hasher.combine(values)
        case .object(let members):
            for (key, value) in members {
                hasher.combine(key)
                hasher.combine(value)
            }
        }
    }
}

extension JSONValue {
    /// `.string(value)` or `.null`.
    package static func string(_ value: String?) -> JSONValue { value.map(JSONValue.string) ?? .null }
    /// `.uint(value)` or `.null`.
    package static func uint(_ value: UInt64?) -> JSONValue { value.map(JSONValue.uint) ?? .null }
    /// `.int(value)` or `.null`.
    package static func int(_ value: Int?) -> JSONValue { value.map { .int(Int64($0)) } ?? .null }
    /// `.double(value)` or `.null`.
    package static func double(_ value: Double?) -> JSONValue { value.map(JSONValue.double) ?? .null }
    /// `.bool(value)` or `.null`.
    package static func bool(_ value: Bool?) -> JSONValue { value.map(JSONValue.bool) ?? .null }
    /// An array of strings.
    package static func strings(_ values: [String]) -> JSONValue { .array(values.map(JSONValue.string)) }
}

extension JSONValue {
    /// Serializes the value. `pretty` indents nested containers by two spaces and puts one
    /// member per line; empty containers stay on one line (`[]`, `{}`).
    package func serialized(pretty: Bool = true) -> String {
        String(decoding: serializedBytes(pretty: pretty), as: UTF8.self)
    }

    /// ``serialized(pretty:)`` as UTF-8 bytes, without building a `String`; pretty lines
    /// indented as for a value `indent` spaces deep in a document.
    package func serializedBytes(pretty: Bool = true, indent: Int = 0) -> [UInt8] {
        var output: [UInt8] = []
        // Small: events and log records are serialized one by one; a large document doubles its way up.
        output.reserveCapacity(512)
        write(to: &output, pretty: pretty, indent: indent)
        return output
    }

    /// From this many elements on, an array's two halves are written on two threads (a
    /// 100 000-object plan has 40 000 steps); the halves are joined in order, so the bytes are the same.
    private static let parallelArrayCount = 2048

    /// ``serializedBytes(pretty:indent:)`` appended to `output`.
    package func write(to output: inout [UInt8], pretty: Bool, indent: Int) {
        switch self {
        case .null: output.append(contentsOf: "null".utf8)
        case .bool(let value): output.append(contentsOf: (value ? "true" : "false").utf8)
        case .int(let value): JSONValue.writeInteger(value, to: &output)
        case .uint(let value): JSONValue.writeDigits(value, to: &output)
        case .double(let value): output.append(contentsOf: JSONValue.numberText(value).utf8)
        case .string(let value): JSONValue.writeString(value, to: &output)
        case .array(let values):
            guard !values.isEmpty else { output.append(contentsOf: "[]".utf8); return }
            output.append(UInt8(ascii: "["))
            if values.count >= Self.parallelArrayCount {
                let middle = values.count / 2
                let (_, tail) = ParallelPair.run({
                    JSONValue.writeElements(values[..<middle], first: true, to: &output, pretty: pretty, indent: indent)
                }, {
                    var part: [UInt8] = []
                    JSONValue.writeElements(values[middle...], first: false, to: &part, pretty: pretty, indent: indent)
                    return part
                })
                output.append(contentsOf: tail)
            } else {
                JSONValue.writeElements(values[...], first: true, to: &output, pretty: pretty, indent: indent)
            }
            if pretty { JSONValue.newline(indent, to: &output) }
            output.append(UInt8(ascii: "]"))
        case .object(let members):
            guard !members.isEmpty else { output.append(contentsOf: "{}".utf8); return }
            output.append(UInt8(ascii: "{"))
            for (index, (key, value)) in members.enumerated() {
                if index > 0 { output.append(UInt8(ascii: ",")) }
                if pretty { JSONValue.newline(indent + 2, to: &output) }
                JSONValue.writeString(key, to: &output)
                output.append(UInt8(ascii: ":"))
                if pretty { output.append(UInt8(ascii: " ")) }
                value.write(to: &output, pretty: pretty, indent: indent + 2)
            }
            if pretty { JSONValue.newline(indent, to: &output) }
            output.append(UInt8(ascii: "}"))
        }
    }

    /// Array elements, each after a comma unless it is the array's `first`.
    private static func writeElements(_ values: ArraySlice<JSONValue>, first: Bool, to output: inout [UInt8], pretty: Bool, indent: Int) {
        for (offset, value) in values.enumerated() {
            if offset > 0 || !first { output.append(UInt8(ascii: ",")) }
            if pretty { newline(indent + 2, to: &output) }
            value.write(to: &output, pretty: pretty, indent: indent + 2)
        }
    }

    /// A finite double as a JSON number in its shortest round-tripping form; `null` otherwise.
    static func numberText(_ value: Double) -> String {
        value.isFinite ? value.description : "null"
    }

    private static func newline(_ indent: Int, to output: inout [UInt8]) {
        guard indent < lineStarts.count else {
            output.append(UInt8(ascii: "\n"))
            output.append(contentsOf: repeatElement(UInt8(ascii: " "), count: indent))
            return
        }
        output.append(contentsOf: lineStarts[...indent])
    }

    /// A line feed and the spaces of an indentation up to 63 deep, copied whole.
    private static let lineStarts: [UInt8] = [UInt8(ascii: "\n")] + Array(repeating: UInt8(ascii: " "), count: 63)

    /// The decimal digits of `value`, written without making a string.
    static func writeDigits(_ value: UInt64, to output: inout [UInt8]) {
        // Room for the 20 digits of UInt64.max.
        var digits: (UInt64, UInt64, UInt64) = (0, 0, 0)
        withUnsafeMutableBytes(of: &digits) { buffer in
            var rest = value
            var start = buffer.count
            repeat {
                start -= 1
                buffer[start] = UInt8(ascii: "0") + UInt8(rest % 10)
                rest /= 10
            } while rest > 0
            output.append(contentsOf: UnsafeRawBufferPointer(rebasing: buffer[start...]))
        }
    }

    /// `value` in decimal, a minus sign first when it is negative.
    static func writeInteger(_ value: Int64, to output: inout [UInt8]) {
        if value < 0 { output.append(UInt8(ascii: "-")) }
        writeDigits(value.magnitude, to: &output)
    }

    /// Writes `value` as a JSON string literal, escaping quotes, backslashes and control characters.
    /// Runs of bytes that need no escape are found eight bytes at a time and copied whole.
    static func writeString(_ value: String, to output: inout [UInt8]) {
        output.append(UInt8(ascii: "\""))
        var value = value
        value.withUTF8 { bytes in
            var runStart = 0
            var bits: UInt8 = 0
            while true {
                let index = JSONStringBytes.plainRunEnd(bytes, from: runStart, bits: &bits)
                guard index < bytes.count else { break }
                let byte = bytes[index]
                output.append(contentsOf: UnsafeBufferPointer(rebasing: bytes[runStart..<index]))
                runStart = index + 1
                let letter: UInt8
                switch byte {
                case UInt8(ascii: "\""), UInt8(ascii: "\\"): letter = byte
                case UInt8(ascii: "\n"): letter = UInt8(ascii: "n")
                case UInt8(ascii: "\r"): letter = UInt8(ascii: "r")
                case UInt8(ascii: "\t"): letter = UInt8(ascii: "t")
                case 0x08: letter = UInt8(ascii: "b")
                case 0x0C: letter = UInt8(ascii: "f")
                default:
                    let hex = String(byte, radix: 16)
                    output.append(contentsOf: ("\\u" + String(repeating: "0", count: 4 - hex.count) + hex).utf8)
                    continue
                }
                output.append(UInt8(ascii: "\\"))
                output.append(letter)
            }
            output.append(contentsOf: UnsafeBufferPointer(rebasing: bytes[runStart...]))
        }
        output.append(UInt8(ascii: "\""))
    }
}
