/// SQL text with its tokens, and the questions the parser and fragments ask of them.
struct SQLText: Sendable {
    let bytes: [UInt8]
    let tokens: [SQLToken]

    init(_ sql: String) throws(SQLSyntaxError) {
        try self.init(bytes: Array(sql.utf8))
    }

    init(bytes: [UInt8]) throws(SQLSyntaxError) {
        self.bytes = bytes
        tokens = try SQLTokenizer.tokenize(bytes)
    }

    /// Tokens `first...last` of `parent`, as a text of their own.
    init(slicing parent: SQLText, from first: Int, through last: Int) {
        let start = parent.tokens[first].range.lowerBound
        let end = parent.tokens[last].range.upperBound
        bytes = Array(parent.bytes[start..<end])
        tokens = parent.tokens[first...last].map { token in
            SQLToken(kind: token.kind, range: (token.range.lowerBound - start)..<(token.range.upperBound - start))
        }
    }

    /// The text of token `index`.
    func string(at index: Int) -> String {
        String(decoding: bytes[tokens[index].range], as: UTF8.self)
    }

    /// Whether token `index` is the bare word `keyword` (ASCII, case-insensitive).
    func isWord(_ index: Int, _ keyword: StaticString) -> Bool {
        guard index < tokens.count, tokens[index].kind == .word else { return false }
        let range = tokens[index].range
        guard range.count == keyword.utf8CodeUnitCount else { return false }
        let pointer = keyword.utf8Start
        for offset in 0..<range.count where bytes[range.lowerBound + offset] | 0x20 != pointer[offset] | 0x20 {
            return false
        }
        return true
    }

    /// Whether token `index` is the single character `character`.
    func isPunctuation(_ index: Int, _ character: Unicode.Scalar) -> Bool {
        guard index < tokens.count, tokens[index].kind == .punctuation else { return false }
        return bytes[tokens[index].range.lowerBound] == UInt8(ascii: character)
    }

    /// Whether two tokens read the same: same kind and text (annotations: same id and name).
    func sameToken(_ index: Int, as other: SQLText, _ otherIndex: Int) -> Bool {
        let token = tokens[index]
        let otherToken = other.tokens[otherIndex]
        guard token.kind == otherToken.kind else { return false }
        switch token.kind {
        case .annotation, .bracketedID: return true
        case .word: return bytes[token.range].elementsEqual(other.bytes[otherToken.range]) { Self.folded($0) == Self.folded($1) }
        default: return bytes[token.range].elementsEqual(other.bytes[otherToken.range])
        }
    }

    /// An ASCII letter lowercased; any other byte as it is (bare words compare case-insensitively).
    static func folded(_ byte: UInt8) -> UInt8 {
        byte >= 0x41 && byte <= 0x5A ? byte | 0x20 : byte
    }

    /// The 1-based character position of token `index` (the end of the text when past the last token).
    func position(ofToken index: Int) -> Int {
        let offset = index < tokens.count ? tokens[index].range.lowerBound : bytes.count
        return SQLSyntaxError.position(ofByte: offset, in: bytes)
    }
}

extension SQLText {
    /// The statements of a script, split at the `;` outside quotes and comments, trimmed;
    /// empty statements are left out. Text that does not tokenize is one statement.
    static func statements(_ script: String) -> [String] {
        guard let text = try? SQLText(script) else { return [script] }
        var statements: [String] = []
        var start: Int?
        var end = 0
        for (index, token) in text.tokens.enumerated() {
            if text.isPunctuation(index, ";") {
                if let first = start { statements.append(String(decoding: text.bytes[first..<end], as: UTF8.self)) }
                start = nil
            } else if token.isSignificant {
                if start == nil { start = token.range.lowerBound }
                end = token.range.upperBound
            }
        }
        if let first = start { statements.append(String(decoding: text.bytes[first..<end], as: UTF8.self)) }
        return statements
    }
}
