/// A piece of SQL that mzplan carries without interpreting it: a query, an index key list, a
/// sink's `INTO …` clause, an option's value. It keeps its text as written; two fragments are
/// equal when their tokens are, whatever the whitespace and comments between them.
package struct SQLFragment: Hashable, Sendable, CustomStringConvertible {
    let text: SQLText

    /// Parses `sql` as a fragment; fails only on unterminated quotes or comments.
    package init(_ sql: String) throws(SQLSyntaxError) {
        let whole = try SQLText(sql)
        self.init(trimming: whole, tokens: 0..<whole.tokens.count)
    }

    /// Tokens `range` of `parent`, without leading and trailing whitespace and comments.
    init(trimming parent: SQLText, tokens range: Range<Int>) {
        var first = range.lowerBound
        var last = range.upperBound - 1
        while first <= last, !parent.tokens[first].isSignificant { first += 1 }
        while last >= first, !parent.tokens[last].isSignificant { last -= 1 }
        if first > last {
            text = SQLText.empty
        } else {
            text = SQLText(slicing: parent, from: first, through: last)
        }
    }

    fileprivate init(text: SQLText) {
        self.text = text
    }

    /// The fragment as SQL.
    package var sql: String { String(decoding: text.bytes, as: UTF8.self) }

    package var description: String { sql }

    package var isEmpty: Bool { text.tokens.isEmpty }

    /// Indexes of the significant tokens.
    var significant: [Int] { text.tokens.indices.filter { text.tokens[$0].isSignificant } }

    package static func == (lhs: SQLFragment, rhs: SQLFragment) -> Bool {
        let left = lhs.significant
        let right = rhs.significant
        guard left.count == right.count else { return false }
        return zip(left, right).allSatisfy { lhs.text.sameToken($0, as: rhs.text, $1) }
    }

    package func hash(into hasher: inout Hasher) {
        for index in significant {
            switch text.tokens[index].kind {
            case .annotation(let id, let parts):
                hasher.combine(id)
                hasher.combine(parts)
            case .word:
                hasher.combine(text.bytes[text.tokens[index].range].count)
                for byte in text.bytes[text.tokens[index].range] { hasher.combine(SQLText.folded(byte)) }
            default:
                hasher.combine(text.bytes[text.tokens[index].range].count)
                for byte in text.bytes[text.tokens[index].range] { hasher.combine(byte) }
            }
        }
    }

    // MARK: Building

    /// A string literal, `'` doubled.
    package static func literal(_ value: String) -> SQLFragment {
        trusted(SQLIdentifier.literal(value))
    }

    /// A non-negative integer.
    package static func integer(_ value: Int) -> SQLFragment {
        trusted(String(value))
    }

    /// A bare keyword such as `false` or `ON COMMIT`; only ASCII letters and spaces.
    package static func keyword(_ words: String) -> SQLFragment {
        precondition(words.utf8.allSatisfy { $0 == 0x20 || ($0 | 0x20 >= 0x61 && $0 | 0x20 <= 0x7A) }, "not a keyword: \(words)")
        return trusted(words)
    }

    /// A name, quoted.
    package static func name(_ name: ObjectName) -> SQLFragment {
        trusted(name.sql)
    }

    /// `(a, b, c)`.
    package static func list(_ items: [SQLFragment]) -> SQLFragment {
        trusted("(" + items.map(\.sql).joined(separator: ", ") + ")")
    }

    /// `(A = 1, B = 'x')`.
    package static func options(_ options: [SQLOption]) -> SQLFragment {
        trusted("(" + options.sql + ")")
    }

    /// Text that mzplan built from quoted or literal parts, which always tokenizes.
    private static func trusted(_ sql: String) -> SQLFragment {
        do {
            return try SQLFragment(sql)
        } catch {
            preconditionFailure("mzplan built SQL it cannot read back: \(sql)")
        }
    }

    // MARK: Reading

    /// The value of a single string literal, quotes undoubled; nil for anything else.
    package var stringLiteral: String? {
        let tokens = significant
        guard tokens.count == 1, text.tokens[tokens[0]].kind == .string else { return nil }
        var raw = Substring(text.string(at: tokens[0]))
        let escaped = raw.first == "E" || raw.first == "e"
        if escaped { raw = raw.dropFirst() }
        guard raw.count >= 2 else { return nil }
        let body = raw.dropFirst().dropLast()
        var value = ""
        var iterator = body.makeIterator()
        while let character = iterator.next() {
            if character == "'" {
                _ = iterator.next()
                value.append("'")
            } else if escaped, character == "\\", let next = iterator.next() {
                value.append(next)
            } else {
                value.append(character)
            }
        }
        return value
    }

    /// The value of a single unsigned integer; nil for anything else.
    package var integer: Int? {
        let tokens = significant
        guard tokens.count == 1, text.tokens[tokens[0]].kind == .number else { return nil }
        return Int(text.string(at: tokens[0]))
    }

    /// `true` / `false`, bare or quoted.
    package var boolean: Bool? {
        let words = self.words
        let value = words.count == 1 ? words[0] : stringLiteral?.uppercased()
        switch value {
        case "TRUE", "ON": return true
        case "FALSE", "OFF": return false
        default: return nil
        }
    }

    /// The bare words, uppercased, when the fragment has nothing but bare words.
    package var words: [String] {
        let tokens = significant
        guard tokens.allSatisfy({ text.tokens[$0].kind == .word }) else { return [] }
        return tokens.map { text.string(at: $0).uppercased() }
    }

    /// The fragment read as one name (`a`, `"a"."b"`, `[u1 AS "a"."b"."c"]`); nil for anything else.
    package var objectName: ObjectName? {
        var parser = SQLParser(fragment: self)
        guard let name = try? parser.objectName(), parser.atEnd else { return nil }
        return name
    }

    /// The items of a parenthesized list `(a, b)` split at top-level commas; nil when the
    /// fragment is not one list.
    package var listItems: [SQLFragment]? {
        var parser = SQLParser(fragment: self)
        guard let inner = try? parser.parenthesized(), parser.atEnd else { return nil }
        return parser.split(inner).map { parser.fragment($0) }
    }

    /// The options of a parenthesized option list `(A = 1, B 'x')`; nil when the fragment is not one.
    package var optionItems: [SQLOption]? {
        var parser = SQLParser(fragment: self)
        guard let inner = try? parser.parenthesized(), parser.atEnd else { return nil }
        return try? parser.options(in: inner)
    }

    /// Every name the fragment refers to: id annotations, and names of three parts.
    package var referencedNames: [ObjectName] {
        var names: [ObjectName] = []
        let tokens = significant
        var position = 0
        while position < tokens.count {
            let index = tokens[position]
            if case .annotation(let id, let parts) = text.tokens[index].kind {
                names.append(ObjectName(parts, id: id))
                position += 1
                continue
            }
            if position + 4 < tokens.count,
               let a = identifier(tokens[position]), text.isPunctuation(tokens[position + 1], "."),
               let b = identifier(tokens[position + 2]), text.isPunctuation(tokens[position + 3], "."),
               let c = identifier(tokens[position + 4]) {
                let previousIsDot = position > 0 && text.isPunctuation(tokens[position - 1], ".")
                if !previousIsDot {
                    names.append(ObjectName([a, b, c]))
                    position += 5
                    continue
                }
            }
            position += 1
        }
        return names
    }

    /// An identifier token's exact value: quoted undoubled, bare lowercased.
    private func identifier(_ index: Int) -> String? {
        switch text.tokens[index].kind {
        case .quotedIdentifier:
            return SQLParser.unquote(text.string(at: index))
        case .word:
            return text.string(at: index).lowercased()
        default:
            return nil
        }
    }

    // MARK: Resolving

    /// The plain form: every `[uN AS …]` annotation replaced by the current name of its id
    /// (`names`), or by the annotated name when the id is unknown.
    package func resolved(_ names: (String) -> QualifiedName?) -> SQLFragment {
        guard text.tokens.contains(where: { if case .annotation = $0.kind { true } else { false } }) else { return self }
        var output: [UInt8] = []
        output.reserveCapacity(text.bytes.count + 32)
        for token in text.tokens {
            if case .annotation(let id, let parts) = token.kind {
                let name = names(id).map(ObjectName.init) ?? ObjectName(parts)
                output.append(contentsOf: name.sql.utf8)
            } else {
                output.append(contentsOf: text.bytes[token.range])
            }
        }
        guard let resolved = try? SQLText(bytes: output) else { return self }
        return SQLFragment(text: resolved)
    }
}

extension SQLText {
    /// No text at all.
    static let empty: SQLText = {
        do { return try SQLText(bytes: []) } catch { preconditionFailure("empty text") }
    }()
}

extension SQLFragment {
    /// The fragment with the tokens at the given indexes replaced by SQL text.
    func replacingTokens(_ replacements: [Int: String]) -> SQLFragment {
        guard !replacements.isEmpty else { return self }
        var output: [UInt8] = []
        output.reserveCapacity(text.bytes.count + 32)
        for (index, token) in text.tokens.enumerated() {
            if let replacement = replacements[index] {
                output.append(contentsOf: replacement.utf8)
            } else {
                output.append(contentsOf: text.bytes[token.range])
            }
        }
        guard let rewritten = try? SQLText(bytes: output) else { return self }
        return SQLFragment(text: rewritten)
    }

    /// The stored form of a query written with plain names: every three-part name that `lookup`
    /// knows as an item (not a function: no `(` follows) becomes `[id AS "db"."schema"."name"]`,
    /// as Materialize's purification writes it.
    package func annotating(_ lookup: (ObjectName) -> String?) -> SQLFragment {
        let tokens = significant
        var replacements: [Int: String] = [:]
        var position = 0
        while position + 4 < tokens.count {
            defer { position += 1 }
            guard position == 0 || !text.isPunctuation(tokens[position - 1], "."),
                  text.isPunctuation(tokens[position + 1], "."), text.isPunctuation(tokens[position + 3], "."),
                  let a = identifier(tokens[position]), let b = identifier(tokens[position + 2]), let c = identifier(tokens[position + 4]),
                  position + 5 >= tokens.count || !(text.isPunctuation(tokens[position + 5], ".") || text.isPunctuation(tokens[position + 5], "(")),
                  let id = lookup(ObjectName([a, b, c]))
            else { continue }
            replacements[tokens[position]] = ObjectName([a, b, c], id: id).sql
            for index in tokens[(position + 1)...(position + 4)] { replacements[index] = "" }
            position += 4
        }
        // Tokens between the replaced ones (whitespace, comments) stay: the name's parts are adjacent in practice.
        return replacingTokens(replacements)
    }
}
