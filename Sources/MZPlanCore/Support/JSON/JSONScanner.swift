/// A single-pass JSON reader over raw bytes that hands out typed values one at a time.
///
/// It builds no tree: callers ask for the value they expect (`string()`, `uint64()`, …) and the scanner
/// checks the JSON grammar as it goes. Strings without escapes become a `String` straight from their bytes;
/// only strings with escapes are decoded through a buffer. Every failure carries the byte offset.
struct JSONScanner {
    /// Containers nested deeper than this are rejected rather than recursed into.
    static let maximumDepth = 512

    let bytes: UnsafeBufferPointer<UInt8>
    /// The cursor: the offset of the next unread byte.
    var index = 0

    /// Starts at the first byte, or after a UTF-8 byte order mark.
    init(_ bytes: UnsafeBufferPointer<UInt8>) {
        self.bytes = bytes
        if bytes.count >= 3, bytes[0] == 0xEF, bytes[1] == 0xBB, bytes[2] == 0xBF { index = 3 }
    }

    // MARK: Structure

    /// Skips JSON whitespace and returns the next byte, or nil at the end of input.
    @inline(__always)
    mutating func peek() -> UInt8? {
        while index < bytes.count {
            let byte = bytes[index]
            if byte == 0x20 || byte == 0x0A || byte == 0x0D || byte == 0x09 {
                index += 1
            } else {
                return byte
            }
        }
        return nil
    }

    /// The offset of the next value, after whitespace.
    mutating func valueStart() -> Int {
        _ = peek()
        return index
    }

    /// Consumes `byte` (after whitespace) or fails naming `what` was expected.
    @inline(__always)
    mutating func expect(_ byte: UInt8, _ what: String) throws(JSONReadError) {
        guard peek() == byte else { throw unexpected(expected: what) }
        index += 1
    }

    /// Consumes `byte` when it is next (after whitespace).
    @inline(__always)
    mutating func consume(_ byte: UInt8) -> Bool {
        guard peek() == byte else { return false }
        index += 1
        return true
    }

    /// After a member or element: true when a `,` follows, false when `closing` does.
    mutating func next(closing: UInt8) throws(JSONReadError) -> Bool {
        switch peek() {
        case UInt8(ascii: ","): index += 1; return true
        case closing: index += 1; return false
        default: throw unexpected(expected: closing == UInt8(ascii: "}") ? "',' or '}'" : "',' or ']'")
        }
    }

    /// Checks that nothing but whitespace follows the document.
    mutating func expectEnd() throws(JSONReadError) {
        if peek() != nil { throw .syntax(at: index, "unexpected \(describeByte(at: index)) after the end of the document") }
    }

    /// Reads an object key and the `:` after it; returns the key's raw bytes (escapes decoded when present).
    mutating func key() throws(JSONReadError) -> KeyBytes {
        guard peek() == UInt8(ascii: "\"") else { throw unexpected(expected: "a string key") }
        let start = index + 1
        // Plain ASCII up to the closing quote (a key of 17 bytes is two words), else decoded.
        var bits: UInt8 = 0
        let end = JSONStringBytes.plainRunEnd(bytes, from: start, bits: &bits)
        if end < bytes.count, bytes[end] == UInt8(ascii: "\""), bits < 0x80 {
            index = end + 1
            try expect(UInt8(ascii: ":"), "':'")
            return KeyBytes(range: start..<end, decoded: nil)
        }
        let decoded = Array(try string().utf8)
        try expect(UInt8(ascii: ":"), "':'")
        return KeyBytes(range: start..<start, decoded: decoded)
    }

    /// Whether the key equals `name` (ASCII). Inlined: readers test a key against each field name in turn.
    @inline(__always)
    func matches(_ key: KeyBytes, _ name: StaticString) -> Bool {
        let count = name.utf8CodeUnitCount
        let pointer = name.utf8Start
        if let decoded = key.decoded {
            return decoded.count == count && decoded.indices.allSatisfy { decoded[$0] == pointer[$0] }
        }
        guard key.range.count == count else { return false }
        var offset = 0
        let base = key.range.lowerBound
        while offset < count {
            if bytes[base + offset] != pointer[offset] { return false }
            offset += 1
        }
        return true
    }

    // MARK: Values

    /// True (and consumed) when the next value is `null`.
    mutating func null() throws(JSONReadError) -> Bool {
        guard peek() == UInt8(ascii: "n") else { return false }
        try literal("null")
        return true
    }

    mutating func bool() throws(JSONReadError) -> Bool {
        switch peek() {
        case UInt8(ascii: "t"): try literal("true"); return true
        case UInt8(ascii: "f"): try literal("false"); return false
        default: throw .type(at: index, expected: "true or false", found: describeValue())
        }
    }

    /// A non-negative integer that fits in UInt64.
    mutating func uint64() throws(JSONReadError) -> UInt64 {
        let start = valueStart()
        // The common case, digits up to a delimiter, read in place; anything else (a sign, a
        // fraction, an exponent, a leading zero, an overflow) takes the checked path below.
        var cursor = start
        var value: UInt64 = 0
        while cursor < bytes.count, cursor - start < 19, bytes[cursor] &- UInt8(ascii: "0") < 10 {
            value = value &* 10 &+ UInt64(bytes[cursor] &- UInt8(ascii: "0"))
            cursor += 1
        }
        if cursor > start, cursor < bytes.count, cursor - start < 19, bytes[start] != UInt8(ascii: "0") || cursor - start == 1 {
            let next = bytes[cursor]
            if next == UInt8(ascii: ",") || next == UInt8(ascii: "}") || next == UInt8(ascii: "]") || next == 0x20 || next == 0x0A || next == 0x0D || next == 0x09 {
                index = cursor
                return value
            }
        }
        return try checkedUInt64(from: start)
    }

    /// ``uint64()`` with every number form checked, for a precise error.
    private mutating func checkedUInt64(from start: Int) throws(JSONReadError) -> UInt64 {
        guard let first = peek(), first == UInt8(ascii: "-") || (UInt8(ascii: "0")...UInt8(ascii: "9")).contains(first) else {
            throw .type(at: index, expected: "a non-negative integer", found: describeValue())
        }
        let text = try numberText()
        if first == UInt8(ascii: "-") {
            throw JSONReadError(at: start, "catalog.number", "expected a non-negative integer; found \(text)")
        }
        var value: UInt64 = 0
        for byte in text.utf8 {
            guard (UInt8(ascii: "0")...UInt8(ascii: "9")).contains(byte) else {
                throw JSONReadError(at: start, "catalog.number", "expected an integer without fraction or exponent; found \(text)")
            }
            let (times10, overflow1) = value.multipliedReportingOverflow(by: 10)
            let (sum, overflow2) = times10.addingReportingOverflow(UInt64(byte - UInt8(ascii: "0")))
            if overflow1 || overflow2 {
                throw JSONReadError(at: start, "catalog.number", "integer \(text) is too large (at most \(UInt64.max))")
            }
            value = sum
        }
        return value
    }

    /// A non-negative integer that fits in Int.
    mutating func int() throws(JSONReadError) -> Int {
        let start = valueStart()
        let value = try uint64()
        guard value <= UInt64(Int.max) else {
            throw JSONReadError(at: start, "catalog.number", "integer \(value) is too large (at most \(Int.max))")
        }
        return Int(value)
    }

    /// Skips any JSON value, checking its grammar. `depth` is the nesting depth of the value itself.
    mutating func skipValue(depth: Int) throws(JSONReadError) {
        guard let byte = peek() else { throw unexpected(expected: "a value") }
        switch byte {
        case UInt8(ascii: "{"), UInt8(ascii: "["):
            guard depth <= Self.maximumDepth else {
                throw .syntax(at: index, "nesting deeper than \(Self.maximumDepth) levels")
            }
            index += 1
            let closing = byte == UInt8(ascii: "{") ? UInt8(ascii: "}") : UInt8(ascii: "]")
            if consume(closing) { return }
            repeat {
                if closing == UInt8(ascii: "}") { _ = try key() }
                try skipValue(depth: depth + 1)
            } while try next(closing: closing)
        case UInt8(ascii: "\""): _ = try string()
        case UInt8(ascii: "t"): try literal("true")
        case UInt8(ascii: "f"): try literal("false")
        case UInt8(ascii: "n"): try literal("null")
        case UInt8(ascii: "-"), UInt8(ascii: "0")...UInt8(ascii: "9"): _ = try numberText()
        default: throw unexpected(expected: "a value")
        }
    }

    // MARK: Helpers

    private mutating func literal(_ word: StaticString) throws(JSONReadError) {
        let count = word.utf8CodeUnitCount
        let start = index
        for offset in 0..<count {
            guard start + offset < bytes.count, bytes[start + offset] == word.utf8Start[offset] else {
                throw .syntax(at: start + offset, "invalid literal; expected '\(word)'")
            }
        }
        index = start + count
    }

    /// A non-negative JSON number of any form (`1`, `0.25`, `2e3`), such as credits per hour.
    mutating func double() throws(JSONReadError) -> Double {
        let start = valueStart()
        guard let first = peek(), first == UInt8(ascii: "-") || (UInt8(ascii: "0")...UInt8(ascii: "9")).contains(first) else {
            throw .type(at: index, expected: "a non-negative number", found: describeValue())
        }
        let range = try numberRange()
        let text = String(decoding: UnsafeBufferPointer(rebasing: bytes[range]), as: UTF8.self)
        guard first != UInt8(ascii: "-"), let value = Double(text), value.isFinite else {
            throw JSONReadError(at: start, "catalog.number", "expected a non-negative finite number; found \(text.prefix(40))")
        }
        return value
    }

    /// Consumes one JSON number (validating its grammar) and returns its text, cut at 40 bytes.
    private mutating func numberText() throws(JSONReadError) -> String {
        let range = try numberRange()
        let shown = UnsafeBufferPointer(rebasing: bytes[range.lowerBound..<min(range.upperBound, range.lowerBound + 40)])
        return String(decoding: shown, as: UTF8.self) + (range.count > 40 ? "…" : "")
    }

    /// Consumes one JSON number, validating its grammar, and returns where it lies.
    mutating func numberRange() throws(JSONReadError) -> Range<Int> {
        let start = index
        var cursor = index
        func digits() -> Int {
            let from = cursor
            while cursor < bytes.count, (UInt8(ascii: "0")...UInt8(ascii: "9")).contains(bytes[cursor]) { cursor += 1 }
            return cursor - from
        }
        if cursor < bytes.count, bytes[cursor] == UInt8(ascii: "-") { cursor += 1 }
        let integerStart = cursor
        let integerDigits = digits()
        guard integerDigits > 0 else { throw .syntax(at: cursor, "invalid number") }
        if integerDigits > 1, bytes[integerStart] == UInt8(ascii: "0") { throw .syntax(at: integerStart, "invalid number: leading zero") }
        if cursor < bytes.count, bytes[cursor] == UInt8(ascii: ".") {
            cursor += 1
            guard digits() > 0 else { throw .syntax(at: cursor, "invalid number: expected digits after '.'") }
        }
        if cursor < bytes.count, bytes[cursor] == UInt8(ascii: "e") || bytes[cursor] == UInt8(ascii: "E") {
            cursor += 1
            if cursor < bytes.count, bytes[cursor] == UInt8(ascii: "+") || bytes[cursor] == UInt8(ascii: "-") { cursor += 1 }
            guard digits() > 0 else { throw .syntax(at: cursor, "invalid number: expected digits in exponent") }
        }
        index = cursor
        return start..<cursor
    }

    /// An error for the byte at the cursor: end of input, or an unexpected character.
    func unexpected(expected: String) -> JSONReadError {
        guard index < bytes.count else { return .syntax(at: index, "unexpected end of input; expected \(expected)") }
        return .syntax(at: index, "expected \(expected); found \(describeByte(at: index))")
    }

    /// The value at the cursor for a message: `"tabel"` for short strings, else its type.
    mutating func describeValue() -> String {
        guard let byte = peek() else { return "end of input" }
        switch byte {
        case UInt8(ascii: "\""):
            var copy = self
            if let text = try? copy.string() {
                return text.count <= 60 ? "\"" + text + "\"" : "a string"
            }
            return "a string"
        case UInt8(ascii: "{"): return "an object"
        case UInt8(ascii: "["): return "an array"
        case UInt8(ascii: "t"), UInt8(ascii: "f"): return "a boolean"
        case UInt8(ascii: "n"): return "null"
        case UInt8(ascii: "-"), UInt8(ascii: "0")...UInt8(ascii: "9"):
            var copy = self
            return (try? copy.numberText()) ?? "a number"
        default: return describeByte(at: index)
        }
    }

    private func describeByte(at offset: Int) -> String {
        guard offset < bytes.count else { return "end of input" }
        let byte = bytes[offset]
        if byte >= 0x21 && byte < 0x7F { return "'" + String(UnicodeScalar(byte)) + "'" }
        return "byte 0x" + String(byte, radix: 16, uppercase: true)
    }
}

/// An object key as read: a range of the input, or decoded bytes when the key had escapes.
struct KeyBytes {
    var range: Range<Int>
    var decoded: [UInt8]?
}
