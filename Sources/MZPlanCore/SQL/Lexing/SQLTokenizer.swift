/// Splits SQL text into tokens, respecting `'strings'` (`''` escapes), `E'…'` strings (backslash escapes),
/// `"identifiers"` (`""` escapes), `--` and nested `/* */` comments, and Materialize's id annotations.
///
/// Nothing inside a string, identifier or comment is ever taken for structure.
struct SQLTokenizer {
    private let bytes: [UInt8]
    private var index = 0
    private var tokens: [SQLToken] = []

    static func tokenize(_ bytes: [UInt8]) throws(SQLSyntaxError) -> [SQLToken] {
        var tokenizer = SQLTokenizer(bytes: bytes)
        try tokenizer.run()
        return tokenizer.tokens
    }

    private init(bytes: [UInt8]) {
        self.bytes = bytes
    }

    private func byte(_ offset: Int) -> UInt8? {
        offset < bytes.count ? bytes[offset] : nil
    }

    private mutating func run() throws(SQLSyntaxError) {
        while index < bytes.count {
            let start = index
            let kind = try scanToken()
            tokens.append(SQLToken(kind: kind, range: start..<index))
        }
    }

    private mutating func scanToken() throws(SQLSyntaxError) -> SQLToken.Kind {
        let first = bytes[index]
        switch first {
        case 0x20, 0x09, 0x0A, 0x0D, 0x0C:
            while let next = byte(index), next == 0x20 || next == 0x09 || next == 0x0A || next == 0x0D || next == 0x0C {
                index += 1
            }
            return .whitespace
        case UInt8(ascii: "-") where byte(index + 1) == UInt8(ascii: "-"):
            while let next = byte(index), next != 0x0A { index += 1 }
            return .comment
        case UInt8(ascii: "/") where byte(index + 1) == UInt8(ascii: "*"):
            try skipBlockComment()
            return .comment
        case UInt8(ascii: "'"):
            try skipString(backslashEscapes: false)
            return .string
        case UInt8(ascii: "E") where byte(index + 1) == UInt8(ascii: "'"),
             UInt8(ascii: "e") where byte(index + 1) == UInt8(ascii: "'"):
            index += 1
            try skipString(backslashEscapes: true)
            return .string
        case UInt8(ascii: "\""):
            try skipQuotedIdentifier()
            return .quotedIdentifier
        case UInt8(ascii: "["):
            if let annotation = annotation() { return annotation }
            index += 1
            return .punctuation
        case UInt8(ascii: "0")...UInt8(ascii: "9"):
            while let next = byte(index), Self.isDigit(next) || next == UInt8(ascii: ".") { index += 1 }
            return .number
        default:
            if Self.isWordStart(first) {
                while let next = byte(index), Self.isWordPart(next) { index += 1 }
                return .word
            }
            index += 1
            return .punctuation
        }
    }

    private mutating func skipBlockComment() throws(SQLSyntaxError) {
        let start = index
        var depth = 0
        while index < bytes.count {
            if bytes[index] == UInt8(ascii: "/"), byte(index + 1) == UInt8(ascii: "*") {
                depth += 1
                index += 2
            } else if bytes[index] == UInt8(ascii: "*"), byte(index + 1) == UInt8(ascii: "/") {
                depth -= 1
                index += 2
                if depth == 0 { return }
            } else {
                index += 1
            }
        }
        throw error("unterminated /* comment", at: start)
    }

    private mutating func skipString(backslashEscapes: Bool) throws(SQLSyntaxError) {
        let start = index
        index += 1
        while index < bytes.count {
            let next = bytes[index]
            if backslashEscapes && next == UInt8(ascii: "\\") {
                index += 2
            } else if next == UInt8(ascii: "'") {
                if byte(index + 1) == UInt8(ascii: "'") {
                    index += 2
                } else {
                    index += 1
                    return
                }
            } else {
                index += 1
            }
        }
        throw error("unterminated string literal", at: start)
    }

    private mutating func skipQuotedIdentifier() throws(SQLSyntaxError) {
        let start = index
        index += 1
        while index < bytes.count {
            if bytes[index] == UInt8(ascii: "\"") {
                if byte(index + 1) != UInt8(ascii: "\"") {
                    index += 1
                    return
                }
                index += 1
            }
            index += 1
        }
        throw error("unterminated quoted identifier", at: start)
    }

    /// Reads `"…"` at the cursor and returns the identifier with `""` undoubled.
    private mutating func quotedIdentifier() throws(SQLSyntaxError) -> String {
        let start = index
        var value: [UInt8] = []
        index += 1
        while index < bytes.count {
            let next = bytes[index]
            index += 1
            if next == UInt8(ascii: "\"") {
                if byte(index) == UInt8(ascii: "\"") {
                    value.append(next)
                    index += 1
                } else {
                    return String(decoding: value, as: UTF8.self)
                }
            } else {
                value.append(next)
            }
        }
        throw error("unterminated quoted identifier", at: start)
    }

    /// `[u2 AS "db"."schema"."name"]` or `[u1]` at the cursor; leaves the cursor untouched when it is neither.
    private mutating func annotation() -> SQLToken.Kind? {
        let start = index
        index += 1
        skipSpaces()
        let idStart = index
        while let next = byte(index), Self.isLetter(next) { index += 1 }
        let lettersEnd = index
        while let next = byte(index), Self.isDigit(next) { index += 1 }
        guard lettersEnd > idStart, index > lettersEnd else { index = start; return nil }
        let id = String(decoding: bytes[idStart..<index], as: UTF8.self)
        skipSpaces()
        if byte(index) == UInt8(ascii: "]") {
            index += 1
            return .bracketedID(id)
        }
        guard let a = byte(index), let s = byte(index + 1), a | 0x20 == UInt8(ascii: "a"), s | 0x20 == UInt8(ascii: "s"),
              let after = byte(index + 2), after == 0x20 || after == 0x0A || after == 0x09 || after == UInt8(ascii: "\"") else {
            index = start
            return nil
        }
        index += 2
        var parts: [String] = []
        repeat {
            skipSpaces()
            if byte(index) == UInt8(ascii: "\"") {
                guard let part = try? quotedIdentifier() else { index = start; return nil }
                parts.append(part)
            } else if let next = byte(index), Self.isWordStart(next) {
                let wordStart = index
                while let next = byte(index), Self.isWordPart(next) { index += 1 }
                parts.append(String(decoding: bytes[wordStart..<index], as: UTF8.self))
            } else {
                index = start
                return nil
            }
            skipSpaces()
        } while consume(UInt8(ascii: "."))
        guard consume(UInt8(ascii: "]")) else { index = start; return nil }
        return .annotation(id: id, parts: parts)
    }

    private func error(_ message: String, at offset: Int) -> SQLSyntaxError {
        SQLSyntaxError(message, position: SQLSyntaxError.position(ofByte: offset, in: bytes))
    }

    private mutating func skipSpaces() {
        while let next = byte(index), next == 0x20 || next == 0x09 || next == 0x0A || next == 0x0D { index += 1 }
    }

    private mutating func consume(_ expected: UInt8) -> Bool {
        guard byte(index) == expected else { return false }
        index += 1
        return true
    }

    private static func isDigit(_ byte: UInt8) -> Bool { byte >= UInt8(ascii: "0") && byte <= UInt8(ascii: "9") }
    private static func isLetter(_ byte: UInt8) -> Bool { (byte | 0x20) >= UInt8(ascii: "a") && (byte | 0x20) <= UInt8(ascii: "z") }
    private static func isWordStart(_ byte: UInt8) -> Bool { isLetter(byte) || byte == UInt8(ascii: "_") || byte >= 0x80 }
    private static func isWordPart(_ byte: UInt8) -> Bool { isWordStart(byte) || isDigit(byte) || byte == UInt8(ascii: "$") }
}
