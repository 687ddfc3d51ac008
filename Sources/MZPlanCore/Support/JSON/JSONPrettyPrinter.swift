/// Re-indents JSON that mzplan's own writers produced (strings escaped by
/// ``JSONValue/writeString(_:to:)``, integers in plain digits) the way ``JSONValue`` pretty-prints:
/// the same bytes as parsing it and serializing the value with `pretty: true`, without building
/// the value (a saved simulator state holds a whole snapshot).
package enum JSONPrettyPrinter {
    /// `json` pretty-printed; what follows a top-level value is dropped.
    package static func reindent(_ json: [UInt8]) -> [UInt8] {
        var output: [UInt8] = []
        output.reserveCapacity(json.count + json.count / 2)
        var indent = 0
        var index = 0
        while index < json.count {
            let byte = json[index]
            switch byte {
            case UInt8(ascii: "\""):
                let end = stringEnd(json, from: index)
                output.append(contentsOf: json[index..<end])
                index = end
                continue
            case UInt8(ascii: "{"), UInt8(ascii: "["):
                let next = nextSignificant(json, after: index)
                if next < json.count, json[next] == byte + 2 {
                    // `{}` and `[]` stay on one line (`}` and `]` are two past `{` and `[`).
                    output.append(byte)
                    output.append(byte + 2)
                    index = next + 1
                    continue
                }
                output.append(byte)
                indent += 2
                newline(indent, to: &output)
            case UInt8(ascii: "}"), UInt8(ascii: "]"):
                indent -= 2
                newline(indent, to: &output)
                output.append(byte)
            case UInt8(ascii: ","):
                output.append(byte)
                newline(indent, to: &output)
            case UInt8(ascii: ":"):
                output.append(contentsOf: ": ".utf8)
            case _ where isWhitespace(byte):
                break
            default:
                output.append(byte)
            }
            index += 1
        }
        return output
    }

    /// The index just past the string literal that starts at `start`.
    private static func stringEnd(_ json: [UInt8], from start: Int) -> Int {
        var index = start + 1
        while index < json.count {
            switch json[index] {
            case UInt8(ascii: "\\"): index += 2
            case UInt8(ascii: "\""): return index + 1
            default: index += 1
            }
        }
        return json.count
    }

    private static func nextSignificant(_ json: [UInt8], after index: Int) -> Int {
        var next = index + 1
        while next < json.count, isWhitespace(json[next]) { next += 1 }
        return next
    }

    private static func isWhitespace(_ byte: UInt8) -> Bool {
        byte == UInt8(ascii: " ") || byte == UInt8(ascii: "\n") || byte == UInt8(ascii: "\r") || byte == UInt8(ascii: "\t")
    }

    private static func newline(_ indent: Int, to output: inout [UInt8]) {
        output.append(UInt8(ascii: "\n"))
        output.append(contentsOf: repeatElement(UInt8(ascii: " "), count: indent))
    }
}
