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

    /// Splits at dots outside double quotes and reads each part. Walks the UTF-8 bytes: `"` and `.`
    /// never occur inside a multi-byte character.
    private static func splitParts(_ text: String) throws(NamePatternError) -> [Part] {
        guard !text.isEmpty else { throw NamePatternError("the name is empty; write an object name such as 'orders' or 'analytics.*'") }
        let bytes = text.utf8
        var parts: [Part] = []
        var index = bytes.startIndex
        while true {
            let part: Part
            if index < bytes.endIndex, bytes[index] == UInt8(ascii: "\"") {
                (part, index) = try quotedPart(of: text, from: index)
            } else {
                (part, index) = try unquotedPart(of: text, from: index)
            }
            parts.append(part)
            guard index < bytes.endIndex else { return parts }
            guard bytes[index] == UInt8(ascii: ".") else {
                throw NamePatternError("unexpected '\(text.unicodeScalars[index])' after the quoted part in '\(text)'; parts are separated by '.'")
            }
            index = bytes.index(after: index)
        }
    }

    /// Reads `"…"` starting at `start`, with `""` meaning one `"`; returns it and the index after it.
    private static func quotedPart(of text: String, from start: String.Index) throws(NamePatternError) -> (Part, String.Index) {
        let bytes = text.utf8
        var index = bytes.index(after: start)
        var identifier: [UInt8] = []
        while index < bytes.endIndex {
            let byte = bytes[index]
            index = bytes.index(after: index)
            guard byte == UInt8(ascii: "\"") else {
                identifier.append(byte)
                continue
            }
            if index < bytes.endIndex, bytes[index] == UInt8(ascii: "\"") {
                identifier.append(byte)
                index = bytes.index(after: index)
                continue
            }
            guard !identifier.isEmpty else {
                throw NamePatternError("'\(text)' has an empty quoted part \"\"; a quoted identifier needs at least one character")
            }
            return (Part.exact(String(decoding: identifier, as: UTF8.self)), index)
        }
        throw NamePatternError("'\(text)' has an unterminated quoted part; close it with '\"' (write a '\"' inside it as '\"\"')")
    }

    /// Reads an unquoted identifier, possibly with wildcards, from `start` up to the next dot,
    /// lowercased; returns it and the index after it. ASCII is checked byte by byte, other
    /// characters as scalars; the part is taken as one slice of `text`.
    private static func unquotedPart(of text: String, from start: String.Index) throws(NamePatternError) -> (Part, String.Index) {
        let bytes = text.utf8
        var index = start
        var hasUppercase = false
        while index < bytes.endIndex, bytes[index] != UInt8(ascii: ".") {
            let byte = bytes[index]
            guard byte < 0x80 else {
                let scalar = text.unicodeScalars[index]
                guard scalar.properties.isAlphabetic else { throw invalid(scalar, in: text) }
                hasUppercase = true
                index = bytes.index(index, offsetBy: UTF8.width(scalar))
                continue
            }
            if byte == UInt8(ascii: "\"") {
                throw NamePatternError("'\(text)' has a '\"' inside an unquoted part; quote the whole part, as in \"my\"\"name\"")
            }
            let isUppercase = (UInt8(ascii: "A")...UInt8(ascii: "Z")).contains(byte)
            let isLetter = byte == UInt8(ascii: "_") || isUppercase || (UInt8(ascii: "a")...UInt8(ascii: "z")).contains(byte)
            let isWildcard = byte == UInt8(ascii: "*") || byte == UInt8(ascii: "?")
            let isLater = byte == UInt8(ascii: "$") || (UInt8(ascii: "0")...UInt8(ascii: "9")).contains(byte)
            guard isWildcard || isLetter || (isLater && index != start) else { throw invalid(Unicode.Scalar(byte), in: text) }
            hasUppercase = hasUppercase || isUppercase
            index = bytes.index(after: index)
        }
        guard index != start else {
            throw NamePatternError("'\(text)' has an empty part; write 'name', 'schema.name' or 'database.schema.name' without stray dots")
        }
        // Non-ASCII letters count as uppercase: only `lowercased()` knows their lower case.
        let part = Substring(bytes[start..<index])
        return (Part(hasUppercase ? part.lowercased() : String(part)), index)
    }

    /// A character an unquoted part cannot hold.
    private static func invalid(_ scalar: Unicode.Scalar, in text: String) -> NamePatternError {
        let shown = scalar.properties.isWhitespace ? "whitespace" : "'\(scalar)'"
        return NamePatternError(
            "'\(text)' contains \(shown), which an unquoted name cannot; put that part in double quotes, as in \"Order Items\"")
    }
}

extension NamePattern.Part {
    /// An exact identifier, marked quoted only when it holds a character that would otherwise be a wildcard.
    static func exact(_ identifier: String) -> Self {
        Self(identifier, quoted: identifier.unicodeScalars.contains { $0 == "*" || $0 == "?" })
    }
}
