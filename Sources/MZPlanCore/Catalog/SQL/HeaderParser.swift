/// Reads the header of a `CREATE` statement: kind, name, `IN CLUSTER`, and for views and materialized
/// views the options block and the `AS` that starts the query.
struct HeaderParser {
    /// Token positions found in the header.
    struct Layout {
        var kind: ObjectKind
        var namePart: Int?
        var nameInsertion: Int
        var clusterValue: Int?
        var clusterInsertion: Int
        var headerOptions: Range<Int>?
        var queryStart: Int?
        /// A view's or materialized view's column list `( … )` after its name.
        var columns: Range<Int>?
        /// The first token of the object's (possibly qualified) name.
        var nameStart: Int?
    }

    let text: SQLText
    let end: Int
    private var cursor = 0

    init(text: SQLText, end: Int) {
        self.text = text
        self.end = end
    }

    mutating func parse() throws(SQLRewriteError) -> Layout {
        guard let create = next(from: 0), text.isWord(create, "CREATE") else {
            throw SQLRewriteError(message: "expected a statement starting with CREATE")
        }
        cursor = create
        var token = try advance()
        if text.isWord(token, "OR") {
            token = try advance()
            guard text.isWord(token, "REPLACE") else { throw SQLRewriteError(message: "expected REPLACE after CREATE OR") }
            token = try advance()
        }
        if text.isWord(token, "TEMP") || text.isWord(token, "TEMPORARY") { token = try advance() }
        if text.isWord(token, "DEFAULT") { token = try advance() }
        let isReplacement = text.isWord(token, "REPLACEMENT")
        if isReplacement { token = try advance() }
        let kind = try readKind(at: &token)
        var lastHeaderToken = token
        if let next = next(from: token + 1), text.isWord(next, "IF") {
            cursor = next
            guard text.isWord(try advance(), "NOT"), text.isWord(try advance(), "EXISTS") else {
                throw SQLRewriteError(message: "expected IF NOT EXISTS")
            }
            lastHeaderToken = cursor
        }
        let nameInsertion = lastHeaderToken + 1
        var after = nameInsertion
        var namePart: Int?
        var nameStart: Int?
        let first = next(from: nameInsertion)
        let unnamedIndex = kind == .index && (text.isWord(first, "IN") || text.isWord(first, "ON"))
        if !unnamedIndex {
            guard let first else { throw SQLRewriteError(message: "expected the object's name") }
            let last = try nameEnd(from: first)
            nameStart = first
            namePart = last
            after = last + 1
        }
        if isReplacement, let forToken = next(from: after), text.isWord(forToken, "FOR"),
           let target = next(from: forToken + 1) {
            after = try nameEnd(from: target) + 1
        }
        var columns: Range<Int>?
        if kind == .materializedView || kind == .view || kind == .source,
           let open = next(from: after), text.isPunctuation(open, "(") {
            let close = try text.closingParenthesis(of: open)
            if kind != .source { columns = open..<close + 1 }
            after = close + 1
        }
        var layout = Layout(kind: kind, namePart: namePart, nameInsertion: nameInsertion,
                            clusterInsertion: after, columns: columns, nameStart: nameStart)
        try scanClauses(from: after, into: &layout)
        return layout
    }

    /// Looks for `IN CLUSTER x`, and for views and materialized views for `WITH (…)` and the query's `AS`,
    /// at the top level of the header.
    private func scanClauses(from start: Int, into layout: inout Layout) throws(SQLRewriteError) {
        var index = start
        while let token = next(from: index) {
            if text.isPunctuation(token, "(") {
                index = try text.closingParenthesis(of: token) + 1
                continue
            }
            if isStopWord(token, for: layout.kind) {
                if layout.kind == .materializedView || layout.kind == .view { layout.queryStart = token + 1 }
                return
            }
            if text.isWord(token, "IN"), let clusterWord = next(from: token + 1), text.isWord(clusterWord, "CLUSTER"),
               let value = next(from: clusterWord + 1), layout.clusterValue == nil {
                layout.clusterValue = value
                index = value + 1
                continue
            }
            if text.isWord(token, "WITH"), let open = next(from: token + 1), text.isPunctuation(open, "("),
               layout.kind == .materializedView || layout.kind == .view {
                let close = try text.closingParenthesis(of: open)
                layout.headerOptions = token..<close + 1
                index = close + 1
                continue
            }
            index = token + 1
        }
        if layout.kind == .materializedView || layout.kind == .view {
            throw SQLRewriteError(message: "expected AS before the query of the \(layout.kind.sqlKeyword.lowercased())")
        }
    }

    /// The keyword that ends the header of each kind.
    private func isStopWord(_ token: Int, for kind: ObjectKind) -> Bool {
        switch kind {
        case .materializedView, .view: text.isWord(token, "AS")
        case .index: text.isWord(token, "ON")
        case .source, .sink, .table: text.isWord(token, "FROM")
        case .subsource: text.isWord(token, "OF")
        }
    }

    private mutating func readKind(at token: inout Int) throws(SQLRewriteError) -> ObjectKind {
        if text.isWord(token, "INDEX") { return .index }
        if text.isWord(token, "VIEW") { return .view }
        if text.isWord(token, "SOURCE") { return .source }
        if text.isWord(token, "SUBSOURCE") { return .subsource }
        if text.isWord(token, "SINK") { return .sink }
        if text.isWord(token, "TABLE") { return .table }
        if text.isWord(token, "MATERIALIZED") {
            token = try advance()
            if text.isWord(token, "VIEW") { return .materializedView }
        }
        let word = String(decoding: text.bytes[text.tokens[token].range], as: UTF8.self)
        throw SQLRewriteError(message: "unsupported statement: CREATE … \(word)")
    }

    /// The last part of a (possibly qualified) name starting at `first`: `a`, `"a"."b"`, or an annotation.
    private func nameEnd(from first: Int) throws(SQLRewriteError) -> Int {
        guard isNamePart(first) else { throw SQLRewriteError(message: "expected the object's name") }
        var last = first
        while let dot = next(from: last + 1), text.isPunctuation(dot, "."), let part = next(from: dot + 1), isNamePart(part) {
            last = part
        }
        return last
    }

    private func isNamePart(_ token: Int) -> Bool {
        switch text.tokens[token].kind {
        case .word, .quotedIdentifier, .annotation: true
        default: false
        }
    }

    private func next(from index: Int) -> Int? {
        guard let token = text.significant(from: index), token < end else { return nil }
        return token
    }

    private mutating func advance() throws(SQLRewriteError) -> Int {
        guard let token = next(from: cursor + 1) else { throw SQLRewriteError(message: "statement ends inside its header") }
        cursor = token
        return token
    }
}
