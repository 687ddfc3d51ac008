/// SQL text with its tokens: navigation over significant tokens, and rendering with id annotations resolved.
struct SQLText: Sendable {
    let bytes: [UInt8]
    let tokens: [SQLToken]

    init(_ sql: String) throws(SQLRewriteError) {
        bytes = Array(sql.utf8)
        tokens = try SQLTokenizer.tokenize(bytes)
    }

    /// The first significant token at or after `index`.
    func significant(from index: Int) -> Int? {
        var cursor = index
        while cursor < tokens.count {
            if tokens[cursor].isSignificant { return cursor }
            cursor += 1
        }
        return nil
    }

    /// The last significant token before `index`.
    func significant(before index: Int) -> Int? {
        var cursor = index - 1
        while cursor >= 0 {
            if tokens[cursor].isSignificant { return cursor }
            cursor -= 1
        }
        return nil
    }

    /// Whether token `index` is the bare word `keyword` (ASCII, case-insensitive).
    func isWord(_ index: Int?, _ keyword: StaticString) -> Bool {
        guard let index, index < tokens.count, tokens[index].kind == .word else { return false }
        let range = tokens[index].range
        guard range.count == keyword.utf8CodeUnitCount else { return false }
        let pointer = keyword.utf8Start
        for offset in 0..<range.count where bytes[range.lowerBound + offset] | 0x20 != pointer[offset] | 0x20 {
            return false
        }
        return true
    }

    /// Whether token `index` is the single character `character`.
    func isPunctuation(_ index: Int?, _ character: Unicode.Scalar) -> Bool {
        guard let index, index < tokens.count, tokens[index].kind == .punctuation else { return false }
        return bytes[tokens[index].range.lowerBound] == UInt8(ascii: character)
    }

    /// The `)` that closes the `(` at `open`.
    func closingParenthesis(of open: Int) throws(SQLRewriteError) -> Int {
        var depth = 0
        for index in open..<tokens.count {
            if isPunctuation(index, "(") { depth += 1 }
            if isPunctuation(index, ")") {
                depth -= 1
                if depth == 0 { return index }
            }
        }
        throw SQLRewriteError(message: "unbalanced parentheses")
    }

    /// The `(` that opens the `)` at `close`.
    func openingParenthesis(of close: Int) -> Int? {
        var depth = 0
        var index = close
        while index >= 0 {
            if isPunctuation(index, ")") { depth += 1 }
            if isPunctuation(index, "(") {
                depth -= 1
                if depth == 0 { return index }
            }
            index -= 1
        }
        return nil
    }

    /// Appends tokens `range` to `output`, replacing each id annotation by the current name of its id
    /// (or, when `names` does not know the id, by the annotated name, re-quoted).
    func append(_ range: Range<Int>, to output: inout [UInt8], names: (String) -> QualifiedName?) {
        for index in range {
            let token = tokens[index]
            if case .annotation(let id, let parts) = token.kind {
                let name = names(id)?.sql ?? parts.map(SQLIdentifier.quote).joined(separator: ".")
                output.append(contentsOf: name.utf8)
            } else {
                output.append(contentsOf: bytes[token.range])
            }
        }
    }

    /// Tokens `range` as text, annotations resolved, surrounding whitespace trimmed.
    func string(_ range: Range<Int>, names: (String) -> QualifiedName?) -> String {
        guard let first = significant(from: range.lowerBound), first < range.upperBound,
              let last = significant(before: range.upperBound), last >= first else { return "" }
        var output: [UInt8] = []
        append(first..<last + 1, to: &output, names: names)
        return String(decoding: output, as: UTF8.self)
    }
}
