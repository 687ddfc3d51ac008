extension JSONScanner {
    /// A JSON string. Without escapes it is made straight from its bytes (UTF-8-checked only when it has
    /// non-ASCII bytes); with escapes it is checked first, then decoded straight into the string's storage.
    mutating func string() throws(JSONReadError) -> String {
        decodedString(try stringLiteral())
    }

    /// Checks the JSON string at the cursor (escapes, control characters, UTF-8) and moves past it
    /// without decoding it: where its body lies and how long it is once decoded.
    mutating func stringLiteral() throws(JSONReadError) -> JSONStringLiteral {
        guard peek() == UInt8(ascii: "\"") else { throw .type(at: index, expected: "a string", found: describeValue()) }
        let start = index + 1
        var bits: UInt8 = 0
        let cursor = plainRunEnd(from: start, bits: &bits)
        guard cursor < bytes.count else { throw .syntax(at: index, "unterminated string") }
        if bytes[cursor] == UInt8(ascii: "\"") {
            if bits >= 0x80, let bad = UTF8Check.firstInvalid(bytes, start..<cursor) {
                throw .syntax(at: bad, "invalid UTF-8 in string")
            }
            index = cursor + 1
            return JSONStringLiteral(body: start..<cursor, decodedCount: cursor - start)
        }
        var decodedCount = 0
        let end = try checkEscapes(from: start, plainUntil: cursor, nonASCII: bits >= 0x80, decodedCount: &decodedCount)
        index = end + 1
        return JSONStringLiteral(body: start..<end, decodedCount: decodedCount)
    }

    /// The text of a literal ``stringLiteral()`` checked in these bytes.
    func decodedString(_ literal: JSONStringLiteral) -> String {
        let body = UnsafeBufferPointer(rebasing: bytes[literal.body])
        guard literal.hasEscapes else { return String(decoding: body, as: UTF8.self) }
        return String(unsafeUninitializedCapacity: literal.decodedCount) { storage in
            decode(literal, into: storage)
            return literal.decodedCount
        }
    }

    /// Writes the decoded bytes of a literal ``stringLiteral()`` checked in these bytes into
    /// `storage`, which holds at least `literal.decodedCount` bytes.
    ///
    /// The literal was checked when it was read, so this only copies: eight bytes at a time up to
    /// the next backslash while eight fit, then the escape. SQL in a snapshot has an escaped quote
    /// every twenty bytes or so; the catalog fingerprint decodes all of it.
    func decode(_ literal: JSONStringLiteral, into storage: UnsafeMutableBufferPointer<UInt8>) {
        guard literal.hasEscapes, let input = bytes.baseAddress, let output = storage.baseAddress else {
            _ = storage.initialize(fromContentsOf: UnsafeBufferPointer(rebasing: bytes[literal.body]))
            return
        }
        let ones: UInt64 = 0x0101_0101_0101_0101
        let backslashes = ones &* 0x5C
        let end = literal.body.upperBound
        let capacity = literal.decodedCount
        var from = literal.body.lowerBound
        var to = 0
        while from < end {
            if from + 8 <= end, to + 8 <= capacity {
                let word = UnsafeRawPointer(input + from).loadUnaligned(as: UInt64.self)
                UnsafeMutableRawPointer(output + to).storeBytes(of: word, as: UInt64.self)
                let found = word ^ backslashes
                let mask = (found &- ones) & ~found & (ones &* 0x80)
                guard mask != 0 else {
                    from += 8
                    to += 8
                    continue
                }
                // The lowest marked byte is the first backslash; what follows it is rewritten below.
                let run = mask.trailingZeroBitCount / 8
                from += run
                to += run
            } else if input[from] != UInt8(ascii: "\\") {
                output[to] = input[from]
                from += 1
                to += 1
                continue
            }
            let escape = input[from + 1]
            from += 2
            switch escape {
            case UInt8(ascii: "b"): output[to] = 0x08
            case UInt8(ascii: "f"): output[to] = 0x0C
            case UInt8(ascii: "n"): output[to] = 0x0A
            case UInt8(ascii: "r"): output[to] = 0x0D
            case UInt8(ascii: "t"): output[to] = 0x09
            case UInt8(ascii: "u"):
                var scalar = checkedHex4(at: from)
                from += 4
                if (0xD800...0xDBFF).contains(scalar) {
                    scalar = 0x10000 + ((scalar - 0xD800) << 10) + (checkedHex4(at: from + 2) - 0xDC00)
                    from += 6
                }
                for unit in UTF8.encode(Unicode.Scalar(scalar) ?? "\u{FFFD}")! {
                    output[to] = unit
                    to += 1
                }
                continue
            default: output[to] = escape // `"`, `\\` and `/` stand for themselves.
            }
            to += 1
        }
    }

    /// Four hex digits ``stringLiteral()`` already checked.
    private func checkedHex4(at offset: Int) -> UInt32 {
        (offset..<offset + 4).reduce(0) { value, position in
            let byte = bytes[position]
            let digit = byte <= UInt8(ascii: "9") ? byte - UInt8(ascii: "0") : (byte | 0x20) - UInt8(ascii: "a") + 10
            return value << 4 | UInt32(digit)
        }
    }

    /// Checks a string body with escapes from `start` to its closing quote, adding its decoded
    /// length to `decodedCount`; returns the offset of the closing quote. Bytes before `plainUntil`
    /// need no decoding; `nonASCII` says whether they contained any byte ≥ 0x80 (then the whole
    /// string is UTF-8-checked).
    private func checkEscapes(from start: Int, plainUntil: Int, nonASCII: Bool, decodedCount: inout Int) throws(JSONReadError) -> Int {
        decodedCount += plainUntil - start
        var cursor = plainUntil
        var bits = nonASCII ? UInt8(0x80) : 0
        while true {
            guard cursor < bytes.count else { throw .syntax(at: start - 1, "unterminated string") }
            let byte = bytes[cursor]
            if byte == UInt8(ascii: "\"") { break }
            if byte < 0x20 { throw .syntax(at: cursor, "unescaped control character in string") }
            if byte != UInt8(ascii: "\\") {
                let run = cursor
                cursor = plainRunEnd(from: cursor, bits: &bits)
                decodedCount += cursor - run
                continue
            }
            guard cursor + 1 < bytes.count else { throw .syntax(at: start - 1, "unterminated string") }
            let escape = bytes[cursor + 1]
            cursor += 2
            switch escape {
            case UInt8(ascii: "\""), UInt8(ascii: "\\"), UInt8(ascii: "/"), UInt8(ascii: "b"), UInt8(ascii: "f"),
                 UInt8(ascii: "n"), UInt8(ascii: "r"), UInt8(ascii: "t"):
                decodedCount += 1
            case UInt8(ascii: "u"):
                let escapeStart = cursor - 2
                var scalar = try hex4(at: cursor)
                cursor += 4
                if (0xDC00...0xDFFF).contains(scalar) {
                    throw .syntax(at: escapeStart, "invalid \\u escape: unpaired low surrogate")
                }
                if (0xD800...0xDBFF).contains(scalar) {
                    guard cursor + 1 < bytes.count, bytes[cursor] == UInt8(ascii: "\\"), bytes[cursor + 1] == UInt8(ascii: "u") else {
                        throw .syntax(at: escapeStart, "invalid \\u escape: unpaired high surrogate")
                    }
                    let low = try hex4(at: cursor + 2)
                    guard (0xDC00...0xDFFF).contains(low) else {
                        throw .syntax(at: escapeStart, "invalid \\u escape: unpaired high surrogate")
                    }
                    cursor += 6
                    scalar = 0x10000 + ((scalar - 0xD800) << 10) + (low - 0xDC00)
                }
                decodedCount += scalar < 0x80 ? 1 : scalar < 0x800 ? 2 : scalar < 0x10000 ? 3 : 4
            default:
                let shown = escape >= 0x21 && escape < 0x7F ? String(UnicodeScalar(escape)) : "byte 0x" + String(escape, radix: 16)
                throw .syntax(at: cursor - 2, "invalid escape '\\\(shown)' in string")
            }
        }
        if bits >= 0x80, let bad = UTF8Check.firstInvalid(bytes, start..<cursor) {
            throw .syntax(at: bad, "invalid UTF-8 in string")
        }
        return cursor
    }

    /// Where the run of bytes from `start` that needs no decoding ends (``JSONStringBytes``).
    @inline(__always)
    private func plainRunEnd(from start: Int, bits: inout UInt8) -> Int {
        JSONStringBytes.plainRunEnd(bytes, from: start, bits: &bits)
    }

    private func hex4(at offset: Int) throws(JSONReadError) -> UInt32 {
        guard offset + 4 <= bytes.count else { throw .syntax(at: offset - 2, "invalid \\u escape: expected 4 hex digits") }
        var value: UInt32 = 0
        for position in offset..<offset + 4 {
            let byte = bytes[position]
            let digit: UInt8
            switch byte {
            case UInt8(ascii: "0")...UInt8(ascii: "9"): digit = byte - UInt8(ascii: "0")
            case UInt8(ascii: "a")...UInt8(ascii: "f"): digit = byte - UInt8(ascii: "a") + 10
            case UInt8(ascii: "A")...UInt8(ascii: "F"): digit = byte - UInt8(ascii: "A") + 10
            default: throw .syntax(at: offset - 2, "invalid \\u escape: expected 4 hex digits")
            }
            value = value << 4 | UInt32(digit)
        }
        return value
    }
}

/// A checked JSON string in a document: its body between the quotes, escapes undecoded.
struct JSONStringLiteral: Hashable, Sendable {
    var body: Range<Int>
    /// Its length in UTF-8 bytes once decoded.
    var decodedCount: Int

    /// Every escape is longer than what it decodes to, so a body that keeps its length has none.
    var hasEscapes: Bool { decodedCount != body.count }
}
