/// The one SQL parser: reads a ``Statement`` from text tokenized by ``SQLTokenizer``. Positions
/// are indexes into the significant tokens (whitespace and comments skipped); what the model
/// carries as written becomes an ``SQLFragment`` with its original text.
struct SQLParser {
    let text: SQLText
    /// Token indexes of the significant tokens, without a trailing `;`.
    let significant: [Int]
    var position = 0

    /// A parser for one statement: at most one trailing `;`, nothing after it.
    init(statement sql: String) throws(SQLSyntaxError) {
        let text = try SQLText(sql)
        var significant = text.tokens.indices.filter { text.tokens[$0].isSignificant }
        var depth = 0
        for (position, index) in significant.enumerated() {
            if text.isPunctuation(index, "(") { depth += 1 }
            if text.isPunctuation(index, ")") { depth -= 1 }
            if depth == 0, text.isPunctuation(index, ";") {
                if let extra = significant[(position + 1)...].first(where: { !text.isPunctuation($0, ";") }) {
                    throw SQLSyntaxError("expected one statement; found more after ';'", position: text.position(ofToken: extra))
                }
                significant.removeSubrange(position...)
                break
            }
        }
        self.text = text
        self.significant = significant
    }

    /// A parser over a fragment's tokens.
    init(fragment: SQLFragment) {
        text = fragment.text
        significant = fragment.significant
    }

    var atEnd: Bool { position >= significant.count }

    // MARK: Looking

    func isWord(at offset: Int = 0, _ keyword: StaticString) -> Bool {
        let at = position + offset
        return at < significant.count && text.isWord(significant[at], keyword)
    }

    func isPunctuation(at offset: Int = 0, _ character: Unicode.Scalar) -> Bool {
        let at = position + offset
        return at < significant.count && text.isPunctuation(significant[at], character)
    }

    func kind(at offset: Int = 0) -> SQLToken.Kind? {
        let at = position + offset
        return at < significant.count ? text.tokens[significant[at]].kind : nil
    }

    /// The text of the token at `position + offset`, for messages.
    func describe(at offset: Int = 0) -> String {
        let at = position + offset
        guard at < significant.count else { return "the end of the statement" }
        let word = text.string(at: significant[at])
        return "'" + (word.count > 40 ? String(word.prefix(40)) + "…" : word) + "'"
    }

    // MARK: Consuming

    /// Consumes the keywords when they all come next.
    mutating func consume(_ keywords: StaticString...) -> Bool {
        for (offset, keyword) in keywords.enumerated() where !isWord(at: offset, keyword) { return false }
        position += keywords.count
        return true
    }

    mutating func expect(_ keywords: StaticString...) throws(SQLSyntaxError) {
        for keyword in keywords {
            guard isWord(keyword) else { throw error("expected \(keyword) but found \(describe())") }
            position += 1
        }
    }

    mutating func consumePunctuation(_ character: Unicode.Scalar) -> Bool {
        guard isPunctuation(character) else { return false }
        position += 1
        return true
    }

    mutating func expectPunctuation(_ character: Unicode.Scalar) throws(SQLSyntaxError) {
        guard consumePunctuation(character) else { throw error("expected '\(character)' but found \(describe())") }
    }

    mutating func expectEnd() throws(SQLSyntaxError) {
        guard atEnd else { throw error("unexpected \(describe()) after the end of the statement") }
    }

    /// One identifier: a quoted one exactly, a bare word lowercased.
    mutating func identifier(_ what: String = "an identifier") throws(SQLSyntaxError) -> String {
        guard let kind = kind() else { throw error("expected \(what) but found the end of the statement") }
        let index = significant[position]
        switch kind {
        case .quotedIdentifier:
            position += 1
            return Self.unquote(text.string(at: index))
        case .word:
            position += 1
            return text.string(at: index).lowercased()
        default:
            throw error("expected \(what) but found \(describe())")
        }
    }

    /// A name of one to three parts, or an id annotation `[u2 AS "db"."schema"."name"]`.
    mutating func objectName() throws(SQLSyntaxError) -> ObjectName {
        if case .annotation(let id, let parts)? = kind() {
            position += 1
            return ObjectName(parts, id: id)
        }
        var parts = [try identifier("a name")]
        while parts.count < 3, isPunctuation("."), kind(at: 1) == .word || kind(at: 1) == .quotedIdentifier {
            position += 1
            parts.append(try identifier())
        }
        return ObjectName(parts)
    }

    /// The cluster after `IN CLUSTER`: `[u1]` or a name.
    mutating func clusterReference() throws(SQLSyntaxError) -> ClusterReference {
        if case .bracketedID(let id)? = kind() {
            position += 1
            return .id(id)
        }
        return .named(try identifier("a cluster name"))
    }

    /// `( … )` at the cursor: the positions inside, with the cursor moved past `)`.
    mutating func parenthesized() throws(SQLSyntaxError) -> Range<Int> {
        guard isPunctuation("(") else { throw error("expected '(' but found \(describe())") }
        let open = position
        let close = try closing(of: open)
        position = close + 1
        return (open + 1)..<close
    }

    /// The position of the `)` matching the `(` at `open`.
    func closing(of open: Int) throws(SQLSyntaxError) -> Int {
        var depth = 0
        for at in open..<significant.count {
            if text.isPunctuation(significant[at], "(") { depth += 1 }
            if text.isPunctuation(significant[at], ")") {
                depth -= 1
                if depth == 0 { return at }
            }
        }
        throw SQLSyntaxError("unbalanced parentheses", position: text.position(ofToken: significant[open]))
    }

    /// The first position in `range` at parenthesis depth 0 (relative to `range`) where `matches` holds.
    func firstTopLevel(in range: Range<Int>, where matches: (Int) -> Bool) -> Int? {
        var depth = 0
        for at in range {
            let index = significant[at]
            if depth == 0, matches(at) { return at }
            if text.isPunctuation(index, "(") { depth += 1 }
            if text.isPunctuation(index, ")") { depth -= 1 }
        }
        return nil
    }

    /// `range` split at its top-level commas (an empty range gives no items).
    func split(_ range: Range<Int>) -> [Range<Int>] {
        guard !range.isEmpty else { return [] }
        var items: [Range<Int>] = []
        var start = range.lowerBound
        var depth = 0
        for at in range {
            let index = significant[at]
            if text.isPunctuation(index, "(") { depth += 1 }
            if text.isPunctuation(index, ")") { depth -= 1 }
            if depth == 0, text.isPunctuation(index, ",") {
                items.append(start..<at)
                start = at + 1
            }
        }
        items.append(start..<range.upperBound)
        return items
    }

    /// The tokens at positions `range`, with whatever lies between them, as written.
    func fragment(_ range: Range<Int>) -> SQLFragment {
        guard !range.isEmpty else { return SQLFragment(trimming: text, tokens: 0..<0) }
        return SQLFragment(trimming: text, tokens: significant[range.lowerBound]..<(significant[range.upperBound - 1] + 1))
    }

    // MARK: Options

    /// The items of an option list at `range`: `NAME [=] value, …`.
    func options(in range: Range<Int>) throws(SQLSyntaxError) -> [SQLOption] {
        var options: [SQLOption] = []
        for item in split(range) {
            guard !item.isEmpty else { throw SQLSyntaxError("empty option", position: text.position(ofToken: significant[min(item.lowerBound, significant.count - 1)])) }
            let nameEnd = optionNameEnd(in: item)
            guard nameEnd > item.lowerBound else {
                throw SQLSyntaxError("expected an option name", position: text.position(ofToken: significant[item.lowerBound]))
            }
            let name = (item.lowerBound..<nameEnd).map { text.string(at: significant[$0]).uppercased() }.joined(separator: " ")
            var valueStart = nameEnd
            let usesEquals = valueStart < item.upperBound && text.isPunctuation(significant[valueStart], "=")
            if usesEquals { valueStart += 1 }
            let value = valueStart < item.upperBound ? fragment(valueStart..<item.upperBound) : nil
            if usesEquals, value == nil {
                throw SQLSyntaxError("expected a value after '\(name) ='", position: text.position(ofToken: significant[item.upperBound - 1]))
            }
            options.append(SQLOption(name, value, usesEquals: usesEquals))
        }
        return options
    }

    /// Where an option's name ends: the longest known name that the item starts with, else its
    /// leading bare words.
    private func optionNameEnd(in item: Range<Int>) -> Int {
        var end = item.lowerBound
        while end < item.upperBound, text.tokens[significant[end]].kind == .word { end += 1 }
        // The leading words, upper-cased once, as long as the longest known name.
        let words = (item.lowerBound..<min(end, item.lowerBound + SQLOption.longestKnownName)).map { text.string(at: significant[$0]).uppercased() }
        let longest = SQLOption.knownNames.reduce(0) { best, name in
            name.count > best && name.count <= words.count && name.elementsEqual(words[..<name.count]) ? name.count : best
        }
        return longest > 0 ? item.lowerBound + longest : end
    }

    /// `WITH ( … )` at the cursor, or no options.
    mutating func withOptions() throws(SQLSyntaxError) -> [SQLOption] {
        guard isWord("WITH"), isPunctuation(at: 1, "(") else { return [] }
        position += 1
        return try options(in: try parenthesized())
    }

    /// The position of `WITH` when the statement ends with `WITH ( … )` after `start`.
    func trailingWith(after start: Int) -> Int? {
        guard let last = significant.indices.last, last > start, text.isPunctuation(significant[last], ")") else { return nil }
        var depth = 0
        var at = last
        while at > start {
            if text.isPunctuation(significant[at], ")") { depth += 1 }
            if text.isPunctuation(significant[at], "(") {
                depth -= 1
                if depth == 0 { break }
            }
            at -= 1
        }
        guard at > start, depth == 0, text.isWord(significant[at - 1], "WITH") else { return nil }
        return at - 1
    }

    /// An identifier list in parentheses: `("a", b)`.
    mutating func identifierList() throws(SQLSyntaxError) -> [String] {
        let inside = try parenthesized()
        var inner = self
        var names: [String] = []
        for item in split(inside) {
            inner.position = item.lowerBound
            names.append(try inner.identifier("a column name"))
            guard inner.position == item.upperBound else { throw inner.error("expected ',' or ')' but found \(inner.describe())") }
        }
        return names
    }

    // MARK: Errors

    func error(_ message: String) -> SQLSyntaxError {
        let index = position < significant.count ? significant[position] : text.tokens.count
        return SQLSyntaxError(message, position: text.position(ofToken: index))
    }

    /// `"a""b"` → `a"b`.
    static func unquote(_ quoted: String) -> String {
        let inner = quoted.utf8.dropFirst().dropLast()
        if !inner.contains(UInt8(ascii: "\"")) { return String(decoding: inner, as: UTF8.self) }
        var result = ""
        var scalars = quoted.unicodeScalars.dropFirst().dropLast().makeIterator()
        while let scalar = scalars.next() {
            result.unicodeScalars.append(scalar)
            if scalar == "\"" { _ = scalars.next() }
        }
        return result
    }
}
