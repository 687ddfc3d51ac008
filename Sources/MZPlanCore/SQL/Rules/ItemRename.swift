/// Materialize's `ALTER … RENAME` as it reaches the views and materialized views that read the
/// renamed item (`create_stmt_rename_refs` in `src/sql/src/ast/transform.rs`): their stored
/// queries are rewritten (the item's name in object names and in column qualifiers such as
/// `"orders"."id"`), or the rename is refused when the query makes the name ambiguous:
/// - the new name is used as any identifier of the query ("cannot rename … to any identity used
///   in any existing view definitions");
/// - the old name is used as a column, an alias, a database, a schema or a function;
/// - some reference is less qualified than the query's other items of that name require.
///
/// The planner checks a blue-green cutover's renames with it before planning them, and the
/// simulator refuses the renames it refuses. It reads the stored form, where every identifier
/// is quoted and every item reference is an annotation `[uN AS "db"."schema"."name"]`: bare
/// words are keywords.
package struct ItemRename: Hashable, Sendable {
    package var from: QualifiedName
    package var to: String

    package init(from: QualifiedName, to: String) {
        self.from = from
        self.to = to
    }

    /// Why Materialize refuses a rename, in its words.
    package struct Conflict: Error, Hashable, Sendable {
        package var message: String
    }

    /// `query` with the references to the item renamed, or the conflict Materialize reports.
    package func apply(to query: SQLFragment) throws(Conflict) -> SQLFragment {
        let names = NameUses(query)
        let depth = try names.qualificationDepth(of: from.name, failingOn: to)
        let rewritten = names.rewriting(suffix: Array([from.database, from.schema, from.name].suffix(depth)), to: to)
        _ = try NameUses(rewritten).qualificationDepth(of: to, failingOn: nil)
        return rewritten
    }
}

/// The identifiers of a stored query, grouped as the parser would see them.
private struct NameUses {
    enum Role {
        /// An item reference: an annotation, a function or a type name.
        case objectName
        /// A column reference: its last part is the column.
        case column
        /// A qualifier before `.*`.
        case wildcard
        /// A lone identifier after `AS`: an alias.
        case alias
    }

    struct Use {
        var parts: [String]
        var role: Role
        /// Token positions of the parts (one annotation token holds all of them).
        var tokens: [Int]
        var annotationID: String?
    }

    let query: SQLFragment
    var uses: [Use] = []

    init(_ query: SQLFragment) {
        self.query = query
        let text = query.text
        let tokens = query.significant
        var position = 0
        while position < tokens.count {
            let index = tokens[position]
            if case .annotation(let id, let parts) = text.tokens[index].kind {
                uses.append(Use(parts: parts, role: .objectName, tokens: [index], annotationID: id))
                position += 1
                continue
            }
            guard let first = Self.identifier(text, index) else {
                position += 1
                continue
            }
            var parts = [first.value]
            var indexes = [index]
            var quoted = first.quoted
            var next = position + 1
            while next + 1 < tokens.count, text.isPunctuation(tokens[next], "."), let part = Self.identifier(text, tokens[next + 1]) {
                parts.append(part.value)
                indexes.append(tokens[next + 1])
                quoted = quoted || part.quoted
                next += 2
            }
            defer { position = next }
            // A lone bare word is a keyword: the stored form quotes every identifier.
            guard quoted || parts.count > 1 else { continue }
            let before = position > 0 ? tokens[position - 1] : nil
            let after = next < tokens.count ? tokens[next] : nil
            let afterAs = before.map { text.isWord($0, "AS") } ?? false
            let afterWith = before.map { text.isWord($0, "WITH") } ?? false
            let role: Role
            if parts.count == 1, afterAs || afterWith {
                // `AS "a"`, `AS "a" ("x", …)`, `WITH "cte" (…) AS`: an alias or a CTE's name.
                role = .alias
            } else if afterAs {
                // `CAST(x AS "pg_catalog"."t")`: a type.
                role = .objectName
            } else if let after, text.isPunctuation(after, "(") {
                role = .objectName
            } else if let before, position > 1, text.isPunctuation(before, ":"), text.isPunctuation(tokens[position - 2], ":") {
                role = .objectName
            } else if let after, text.isPunctuation(after, "."), next + 1 < tokens.count, text.isPunctuation(tokens[next + 1], "*") {
                role = .wildcard
            } else {
                role = .column
            }
            uses.append(Use(parts: parts, role: role, tokens: indexes, annotationID: nil))
        }
    }

    /// An identifier token's exact value, and whether it was quoted.
    private static func identifier(_ text: SQLText, _ index: Int) -> (value: String, quoted: Bool)? {
        switch text.tokens[index].kind {
        case .quotedIdentifier: (SQLParser.unquote(text.string(at: index)), true)
        case .word: (text.string(at: index).lowercased(), false)
        default: nil
        }
    }

    /// How many parts (1 to 3) a reference to an item called `name` needs to be unambiguous, as
    /// `QueryIdentAgg::determine_qual_depth` decides; `failingOn` is an identifier the query must not use.
    func qualificationDepth(of name: String, failingOn forbidden: String?) throws(ItemRename.Conflict) -> Int {
        var qualifiers: [String: Set<String>] = [:]
        var least = Int.max
        for use in uses {
            if let forbidden, use.parts.contains(forbidden) {
                throw ItemRename.Conflict(message: "found reference to \(Self.quoted(forbidden)); cannot rename \(Self.quoted(name)) to any identity used in any existing view definitions")
            }
            guard let position = use.parts.lastIndex(of: name) else { continue }
            switch use.role {
            case .objectName:
                guard position == use.parts.count - 1, use.parts.count == 3 else {
                    throw ambiguous(name, "database, schema, or function")
                }
                qualifiers[use.parts[1], default: []].insert(use.parts[0])
                least = min(least, 3)
            case .column where position == use.parts.count - 1:
                throw ambiguous(name, "column")
            case .alias:
                throw ambiguous(name, "alias or column")
            case .column, .wildcard:
                least = min(least, position + 1)
            }
        }
        let required = qualifiers.values.contains { $0.count > 1 } ? 3 : qualifiers.count > 1 ? 2 : 1
        if least < required {
            throw ItemRename.Conflict(message: "\(Self.quoted(name)) is not sufficiently qualified to support renaming")
        }
        return required
    }

    /// The query with every name ending in `suffix` (a column's qualifier: without the column)
    /// ending in `to` instead.
    func rewriting(suffix: [String], to: String) -> SQLFragment {
        var replacements: [Int: String] = [:]
        for use in uses {
            let qualifier = use.role == .column ? Array(use.parts.dropLast()) : use.parts
            guard qualifier.count >= suffix.count, Array(qualifier.suffix(suffix.count)) == suffix else { continue }
            if let id = use.annotationID {
                replacements[use.tokens[0]] = ObjectName(Array(use.parts.dropLast()) + [to], id: id).sql
            } else {
                replacements[use.tokens[qualifier.count - 1]] = SQLIdentifier.quote(to)
            }
        }
        return query.replacingTokens(replacements)
    }

    private func ambiguous(_ name: String, _ what: String) -> ItemRename.Conflict {
        ItemRename.Conflict(message: "\(Self.quoted(name)) potentially used ambiguously as item and \(what)")
    }

    private static func quoted(_ name: String) -> String { "\"\(name)\"" }
}
