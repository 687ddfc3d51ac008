/// The parsed `create_sql` of one object, ready to be re-rendered for another name, cluster or options.
///
/// Accepts Materialize's resolved form (`IN CLUSTER [u1]`, references as `[u2 AS "db"."schema"."t"]`,
/// a trailing `AS OF <ts>` on materialized views) and the plain form (quoted or bare names, no annotations),
/// with or without an `IN CLUSTER` clause. Only the statement's header, its own `WITH (…)` block and the
/// end of the text are interpreted; everything else is carried over token by token, so nothing inside a
/// string literal, quoted identifier or comment is ever rewritten.
public struct CreateStatement: Sendable {
    /// The kind named in the header (`CREATE [DEFAULT] INDEX`, `MATERIALIZED VIEW`, `VIEW`, `SOURCE`,
    /// `SUBSOURCE`, `SINK`, `TABLE`).
    public var kind: ObjectKind
    /// The object's own `WITH (…)` options, one item per entry, annotations resolved to their annotated names,
    /// e.g. `["RETAIN HISTORY = FOR '1h'"]`. For a materialized view or view this is the block before `AS`;
    /// for every other kind the block that ends the statement. Items can be replaced one by one: see
    /// ``optionKey(_:)`` and ``setting(_:in:)``.
    public var options: [String]

    let text: SQLText
    /// The token of the name's last part; nil for an unnamed `CREATE DEFAULT INDEX`.
    let namePart: Int?
    /// The token of the name's first part (the database or schema of a qualified name).
    let nameStart: Int?
    /// A view's or materialized view's column list after its name, parentheses included.
    let columns: Range<Int>?
    /// Where a name is inserted when there is none (after `INDEX` / `IF NOT EXISTS`).
    let nameInsertion: Int
    /// The token naming the cluster after `IN CLUSTER` (`[u1]`, `"c"` or `c`).
    let clusterValue: Int?
    /// Where ` IN CLUSTER "c"` goes when there is no such clause: after the name (and its column list).
    let clusterInsertion: Int
    /// Tokens from `WITH` through the closing `)` of the object's options block.
    let optionsBlock: Range<Int>?
    /// Whether the options block ends the statement (every kind but views and materialized views).
    let optionsAreTrailing: Bool
    /// For views and materialized views: the token after the top-level `AS`.
    let queryStart: Int?
    /// The end of the statement proper: before `AS OF …`, the trailing `;`, whitespace and comments.
    let end: Int

    public init(parsing sql: String) throws(SQLRewriteError) {
        let text = try SQLText(sql)
        self.text = text
        end = try Self.statementEnd(text)

        var header = HeaderParser(text: text, end: end)
        let layout = try header.parse()
        kind = layout.kind
        namePart = layout.namePart
        nameStart = layout.nameStart
        columns = layout.columns
        nameInsertion = layout.nameInsertion
        clusterValue = layout.clusterValue
        clusterInsertion = layout.clusterInsertion
        queryStart = layout.queryStart

        if kind == .materializedView || kind == .view {
            optionsAreTrailing = false
            optionsBlock = layout.headerOptions
        } else {
            optionsAreTrailing = true
            optionsBlock = Self.trailingOptions(text, end: end)
        }
        if let optionsBlock {
            options = try Self.items(of: optionsBlock, in: text)
        } else {
            options = []
        }
    }

    /// The index just past the last token that belongs to the statement: a trailing `;`, an `AS OF <number>`
    /// that ends the text, and trailing whitespace and comments are left out.
    private static func statementEnd(_ text: SQLText) throws(SQLRewriteError) -> Int {
        var depth = 0
        var end = text.tokens.count
        for index in text.tokens.indices {
            if text.isPunctuation(index, "(") { depth += 1 }
            if text.isPunctuation(index, ")") { depth -= 1 }
            if depth == 0 && text.isPunctuation(index, ";") {
                end = index
                var rest = index + 1
                while let next = text.significant(from: rest) {
                    guard text.isPunctuation(next, ";") else {
                        throw SQLRewriteError(message: "expected one statement; found more after ';'")
                    }
                    rest = next + 1
                }
                break
            }
        }
        guard let last = text.significant(before: end) else { throw SQLRewriteError(message: "empty statement") }
        if text.tokens[last].kind == .number,
           let of = text.significant(before: last), text.isWord(of, "OF"),
           let `as` = text.significant(before: of), text.isWord(`as`, "AS"),
           let before = text.significant(before: `as`) {
            return before + 1
        }
        return last + 1
    }

    /// `WITH ( … )` when it is the last thing in the statement.
    private static func trailingOptions(_ text: SQLText, end: Int) -> Range<Int>? {
        guard let last = text.significant(before: end), text.isPunctuation(last, ")"),
              let open = text.openingParenthesis(of: last),
              let with = text.significant(before: open), text.isWord(with, "WITH") else { return nil }
        return with..<last + 1
    }

    /// The items of `WITH ( a, b = (c, d) )`: split at top-level commas.
    private static func items(of block: Range<Int>, in text: SQLText) throws(SQLRewriteError) -> [String] {
        guard let open = text.significant(from: block.lowerBound + 1) else { return [] }
        let close = try text.closingParenthesis(of: open)
        var items: [String] = []
        var depth = 0
        var start = open + 1
        for index in open + 1..<close {
            if text.isPunctuation(index, "(") { depth += 1 }
            if text.isPunctuation(index, ")") { depth -= 1 }
            if depth == 0 && text.isPunctuation(index, ",") {
                items.append(text.string(start..<index, names: { _ in nil }))
                start = index + 1
            }
        }
        let last = text.string(start..<close, names: { _ in nil })
        if !last.isEmpty || !items.isEmpty { items.append(last) }
        return items
    }
}
