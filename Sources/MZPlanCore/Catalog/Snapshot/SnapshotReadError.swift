/// A failure while reading snapshot JSON: the byte where it happened, a stable code, and the JSON
/// path to the offending value.
///
/// The path is assembled while the error unwinds (each level prepends its key or index), so reading
/// a well-formed file never builds a path string.
struct SnapshotReadError: Error {
    /// Byte offset of the offending byte in the input.
    var offset: Int
    /// A `catalog.*` diagnostic code.
    var code: String
    var message: String
    /// The JSON path below `$`, such as `.objects[3].kind`.
    var path = ""

    init(at offset: Int, _ code: String, _ message: String) {
        self.offset = offset
        self.code = code
        self.message = message
    }

    /// The same error one level further out: `component` is `.key` or `[index]`.
    func under(_ component: String) -> SnapshotReadError {
        var copy = self
        copy.path = component + path
        return copy
    }

    /// The error as a diagnostic located at `file:line:col` of the offending byte.
    func diagnostic(in bytes: [UInt8], file: String) -> Diagnostic {
        var line = 1
        var column = 1
        for byte in bytes[..<min(offset, bytes.count)] {
            if byte == UInt8(ascii: "\n") {
                line += 1
                column = 1
            } else if byte & 0xC0 != 0x80 {
                column += 1
            }
        }
        let location = SourceLocation(file: file, line: line, column: column)
        return Diagnostic(.error, code: code, "$" + path + ": " + message, at: location)
    }
}

extension SnapshotReadError {
    static func syntax(at offset: Int, _ message: String) -> SnapshotReadError {
        SnapshotReadError(at: offset, "catalog.syntax", message)
    }

    static func type(at offset: Int, expected: String, found: String) -> SnapshotReadError {
        SnapshotReadError(at: offset, "catalog.type", "expected \(expected); found \(found)")
    }
}
