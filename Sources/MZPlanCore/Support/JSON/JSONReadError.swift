/// A failure while reading JSON (a snapshot, a plan, a journal row, a simulator state): the byte where it happened, a stable code, and the JSON
/// path to the offending value.
///
/// The path is assembled while the error unwinds (each level prepends its key or index), so reading
/// a well-formed file never builds a path string.
struct JSONReadError: Error {
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
    func under(_ component: String) -> JSONReadError {
        var copy = self
        copy.path = component + path
        return copy
    }

    /// The error as a diagnostic located at `file:line:col` of the offending byte, with a snippet of the
    /// offending line (at most about 80 characters around the column) and a caret under it.
    func diagnostic(in bytes: [UInt8], file: String) -> Diagnostic {
        let offset = min(self.offset, bytes.count)
        var line = 1
        var lineStart = 0
        for index in 0..<offset where bytes[index] == UInt8(ascii: "\n") {
            line += 1
            lineStart = index + 1
        }
        let column = 1 + bytes[lineStart..<offset].count(where: { $0 & 0xC0 != 0x80 })
        let location = SourceLocation(file: file, line: line, column: column)
        return Diagnostic(.error, code: code, "$" + path + ": " + message, at: location,
                          snippet: Self.snippet(bytes, lineStart: lineStart, offset: offset))
    }

    /// The line around `offset`, cut to a window, and a caret line pointing at `offset`.
    private static func snippet(_ bytes: [UInt8], lineStart: Int, offset: Int) -> String {
        var lineEnd = offset
        while lineEnd < bytes.count, bytes[lineEnd] != UInt8(ascii: "\n"), bytes[lineEnd] != UInt8(ascii: "\r") { lineEnd += 1 }
        var start = max(lineStart, offset - 40)
        while start > lineStart, bytes[start] & 0xC0 == 0x80 { start -= 1 }
        var end = min(lineEnd, offset + 40)
        while end < lineEnd, bytes[end] & 0xC0 == 0x80 { end += 1 }
        let before = String(decoding: bytes[start..<offset], as: UTF8.self)
        let after = String(decoding: bytes[offset..<end], as: UTF8.self)
        let prefix = start > lineStart ? "…" : ""
        let suffix = end < lineEnd ? "…" : ""
        let caretColumn = prefix.unicodeScalars.count + before.unicodeScalars.count
        return prefix + before + after + suffix + "\n" + String(repeating: " ", count: caretColumn) + "^"
    }
}

extension JSONReadError {
    static func syntax(at offset: Int, _ message: String) -> JSONReadError {
        JSONReadError(at: offset, "catalog.syntax", message)
    }

    static func type(at offset: Int, expected: String, found: String) -> JSONReadError {
        JSONReadError(at: offset, "catalog.type", "expected \(expected); found \(found)")
    }
}
