extension NamePattern {
    /// Parses `name`, `schema.name` or `database.schema.name` (quoted parts exact with "" undoubled, unquoted parts
    /// lowercased; `*`/`?` wildcards only in unquoted parts) and qualifies it with the defaults. Throws a message.
    ///
    /// Unquoted parts are SQL identifiers (a letter or `_` first, then letters, digits, `_` or `$`) plus the
    /// wildcards. The defaults are exact names. A part's `quoted` flag is kept only where it changes meaning
    /// (a literal `*` or `?`), so `"orders"` and `orders`, or a name spelt qualified or not, compare equal.
    package static func parse(_ text: String, defaultDatabase: String, defaultSchema: String) throws(NamePatternError) -> NamePattern {
        let parts = try splitParts(text)
        let database = Part.exact(defaultDatabase)
        let schema = Part.exact(defaultSchema)
        switch parts.count {
        case 1: return NamePattern(database: database, schema: schema, name: parts[0])
        case 2: return NamePattern(database: database, schema: parts[0], name: parts[1])
        case 3: return NamePattern(database: parts[0], schema: parts[1], name: parts[2])
        default:
            throw NamePatternError(
                "'\(text)' has \(parts.count) dot-separated parts, but a name is 'name', 'schema.name' or 'database.schema.name'; quote a part that contains a dot, as in \"a.b\"")
        }
    }

    /// Splits at dots outside double quotes and reads each part.
    private static func splitParts(_ text: String) throws(NamePatternError) -> [Part] {
        guard !text.isEmpty else { throw NamePatternError("the name is empty; write an object name such as 'orders' or 'analytics.*'") }
        var parts: [Part] = []
        var scalars = text.unicodeScalars[...]
        while true {
            if scalars.first == "\"" {
                parts.append(try quotedPart(&scalars, in: text))
            } else {
                parts.append(try unquotedPart(&scalars, in: text))
            }
            guard let next = scalars.first else { return parts }
            guard next == "." else {
                throw NamePatternError("unexpected '\(next)' after the quoted part in '\(text)'; parts are separated by '.'")
            }
            scalars.removeFirst()
        }
    }

    /// Reads `"…"` with `""` meaning one `"`.
    private static func quotedPart(_ scalars: inout Substring.UnicodeScalarView, in text: String) throws(NamePatternError) -> Part {
        scalars.removeFirst()
        var identifier = String.UnicodeScalarView()
        while let scalar = scalars.popFirst() {
            if scalar == "\"" {
                if scalars.first == "\"" {
                    scalars.removeFirst()
                    identifier.append("\"")
                    continue
                }
                guard !identifier.isEmpty else {
                    throw NamePatternError("'\(text)' has an empty quoted part \"\"; a quoted identifier needs at least one character")
                }
                return Part.exact(String(identifier))
            }
            identifier.append(scalar)
        }
        throw NamePatternError("'\(text)' has an unterminated quoted part; close it with '\"' (write a '\"' inside it as '\"\"')")
    }

    /// Reads an unquoted identifier, possibly with wildcards, up to the next dot, lowercased. The
    /// scalars are checked in place and the part taken as one slice of `text`.
    private static func unquotedPart(_ scalars: inout Substring.UnicodeScalarView, in text: String) throws(NamePatternError) -> Part {
        let start = scalars.startIndex
        var isEmpty = true
        while let scalar = scalars.first, scalar != "." {
            if scalar == "\"" {
                throw NamePatternError("'\(text)' has a '\"' inside an unquoted part; quote the whole part, as in \"my\"\"name\"")
            }
            let isWildcard = scalar == "*" || scalar == "?"
            let isLetter = scalar == "_" || (scalar.isASCII ? ("a"..."z").contains(scalar) || ("A"..."Z").contains(scalar) : scalar.properties.isAlphabetic)
            let isLater = scalar == "$" || ("0"..."9").contains(scalar)
            guard isWildcard || isLetter || (isLater && !isEmpty) else {
                let shown = scalar.properties.isWhitespace ? "whitespace" : "'\(scalar)'"
                throw NamePatternError(
                    "'\(text)' contains \(shown), which an unquoted name cannot; put that part in double quotes, as in \"Order Items\"")
            }
            isEmpty = false
            scalars.removeFirst()
        }
        guard !isEmpty else {
            throw NamePatternError("'\(text)' has an empty part; write 'name', 'schema.name' or 'database.schema.name' without stray dots")
        }
        return Part(Substring(text.unicodeScalars[start..<scalars.startIndex]).lowercased())
    }
}

extension NamePattern.Part {
    /// An exact identifier, marked quoted only when it holds a character that would otherwise be a wildcard.
    static func exact(_ identifier: String) -> Self {
        Self(identifier, quoted: identifier.unicodeScalars.contains { $0 == "*" || $0 == "?" })
    }
}
