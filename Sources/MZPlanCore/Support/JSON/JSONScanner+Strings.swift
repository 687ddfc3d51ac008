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
        var counter = ByteCounter()
        let end = try walkEscapes(from: start, plainUntil: cursor, nonASCII: bits >= 0x80, into: &counter)
        index = end + 1
        return JSONStringLiteral(body: start..<end, decodedCount: counter.count)
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
    func decode(_ literal: JSONStringLiteral, into storage: UnsafeMutableBufferPointer<UInt8>) {
        guard literal.hasEscapes else {
            _ = storage.initialize(fromContentsOf: UnsafeBufferPointer(rebasing: bytes[literal.body]))
            return
        }
        var writer = ByteWriter(storage)
        // The literal was checked when it was read: walking it again cannot fail.
        _ = try? walkEscapes(from: literal.body.lowerBound, plainUntil: literal.body.lowerBound, nonASCII: false, into: &writer)
    }

    /// Walks a string body with escapes from `start` to its closing quote, checking it and handing
    /// `sink` its decoded bytes; returns the offset of the closing quote. Bytes before `plainUntil`
    /// need no decoding; `nonASCII` says whether they contained any byte ≥ 0x80 (then the whole
    /// string is UTF-8-checked).
    @inline(__always)
    private func walkEscapes<Sink: DecodedBytesSink>(
        from start: Int,
        plainUntil: Int,
        nonASCII: Bool,
        into sink: inout Sink
    ) throws(JSONReadError) -> Int {
        sink.append(UnsafeBufferPointer(rebasing: bytes[start..<plainUntil]))
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
                sink.append(UnsafeBufferPointer(rebasing: bytes[run..<cursor]))
                continue
            }
            guard cursor + 1 < bytes.count else { throw .syntax(at: start - 1, "unterminated string") }
            let escape = bytes[cursor + 1]
            cursor += 2
            switch escape {
            case UInt8(ascii: "\""): sink.append(0x22)
            case UInt8(ascii: "\\"): sink.append(0x5C)
            case UInt8(ascii: "/"): sink.append(0x2F)
            case UInt8(ascii: "b"): sink.append(0x08)
            case UInt8(ascii: "f"): sink.append(0x0C)
            case UInt8(ascii: "n"): sink.append(0x0A)
            case UInt8(ascii: "r"): sink.append(0x0D)
            case UInt8(ascii: "t"): sink.append(0x09)
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
                // Surrogates were handled above, so the value is always a valid scalar.
                sink.append(scalar: scalar)
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

    /// Where the run of bytes from `start` that needs no decoding ends: at the first `"`, `\\` or
    /// control character, or the end of the input. ORs the bytes passed into `bits` (only whether
    /// one is ≥ 0x80 matters). Eight bytes are tested at a time while none of them ends the run.
    @inline(__always)
    private func plainRunEnd(from start: Int, bits: inout UInt8) -> Int {
        let ones: UInt64 = 0x0101_0101_0101_0101
        let highs: UInt64 = 0x8080_8080_8080_8080
        var cursor = start
        if let base = bytes.baseAddress {
            var passed: UInt64 = 0
            while cursor + 8 <= bytes.count {
                let word = UnsafeRawPointer(base + cursor).loadUnaligned(as: UInt64.self)
                let quotes = word ^ (ones &* 0x22)
                let backslashes = word ^ (ones &* 0x5C)
                // A byte of `quotes` or `backslashes` is zero, or a byte of `word` is below 0x20.
                let stops = ((quotes &- ones) & ~quotes) | ((backslashes &- ones) & ~backslashes) | ((word &- ones &* 0x20) & ~word)
                if stops & highs != 0 { break }
                passed |= word
                cursor += 8
            }
            if passed & highs != 0 { bits |= 0x80 }
        }
        while cursor < bytes.count {
            let byte = bytes[cursor]
            if byte == UInt8(ascii: "\"") || byte == UInt8(ascii: "\\") || byte < 0x20 { break }
            bits |= byte
            cursor += 1
        }
        return cursor
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

/// Where ``JSONScanner`` hands the decoded bytes of a string.
private protocol DecodedBytesSink {
    mutating func append(_ bytes: UnsafeBufferPointer<UInt8>)
    mutating func append(_ byte: UInt8)
    mutating func append(scalar: UInt32)
}

/// Counts decoded bytes: the first, checking walk over a string.
private struct ByteCounter: DecodedBytesSink {
    var count = 0

    mutating func append(_ bytes: UnsafeBufferPointer<UInt8>) { count += bytes.count }
    mutating func append(_ byte: UInt8) { count += 1 }
    mutating func append(scalar: UInt32) {
        count += scalar < 0x80 ? 1 : scalar < 0x800 ? 2 : scalar < 0x10000 ? 3 : 4
    }
}

/// Writes decoded bytes into storage sized by a ``ByteCounter`` walk.
private struct ByteWriter: DecodedBytesSink {
    let storage: UnsafeMutableBufferPointer<UInt8>
    var count = 0

    init(_ storage: UnsafeMutableBufferPointer<UInt8>) {
        self.storage = storage
    }

    mutating func append(_ bytes: UnsafeBufferPointer<UInt8>) {
        guard let base = bytes.baseAddress, !bytes.isEmpty else { return }
        (storage.baseAddress! + count).initialize(from: base, count: bytes.count)
        count += bytes.count
    }

    mutating func append(_ byte: UInt8) {
        storage[count] = byte
        count += 1
    }

    mutating func append(scalar: UInt32) {
        for unit in UTF8.encode(Unicode.Scalar(scalar) ?? "\u{FFFD}")! {
            append(unit)
        }
    }
}
