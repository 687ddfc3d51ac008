/// One lexical token of a SQL statement, as a byte range of the original text.
struct SQLToken: Sendable {
    enum Kind: Sendable, Equatable {
        case whitespace
        /// `-- …` or `/* … */`.
        case comment
        /// `'…'` or `E'…'`.
        case string
        /// `"…"`.
        case quotedIdentifier
        /// A bare identifier or keyword.
        case word
        case number
        /// Any other single character: `(`, `)`, `,`, `.`, `;`, `=`, `[`, ….
        case punctuation
        /// Materialize's id annotation `[u2 AS "db"."schema"."name"]`.
        case annotation(id: String, parts: [String])
        /// A bracketed id without a name, `[u1]`, as in `IN CLUSTER [u1]`.
        case bracketedID(String)
    }

    var kind: Kind
    var range: Range<Int>

    /// Neither whitespace nor a comment.
    var isSignificant: Bool { kind != .whitespace && kind != .comment }
}
