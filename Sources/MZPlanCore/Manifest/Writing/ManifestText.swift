/// Spelling names and strings so that the manifest reader reads back exactly what was meant.
enum ManifestText {
    /// One part of a name in manifest syntax: bare when the reader would read it back unchanged
    /// (a lowercase identifier without wildcards), else double-quoted with `"` doubled.
    static func part(_ identifier: String) -> String {
        if isBare(identifier) { return identifier }
        var quoted = "\""
        for character in identifier {
            quoted.append(character == "\"" ? "\"\"" : String(character))
        }
        return quoted + "\""
    }

    /// `name`, `schema.name` or `database.schema.name`, the defaults left out.
    static func name(_ name: QualifiedName, database: String, schema: String) -> String {
        if name.database != database { return [name.database, name.schema, name.name].map(part).joined(separator: ".") }
        if name.schema != schema { return part(name.schema) + "." + part(name.name) }
        return part(name.name)
    }

    /// The glob matching every object of `schema` in `database`: `*`, `schema.*` or `database.schema.*`.
    static func schemaGlob(database: String, schema: String, defaultDatabase: String, defaultSchema: String) -> String {
        if database != defaultDatabase { return part(database) + "." + part(schema) + ".*" }
        if schema != defaultSchema { return part(schema) + ".*" }
        return "*"
    }

    /// A YAML scalar for `text`: plain when YAML reads it as that same string, else double-quoted
    /// with every character YAML could fold, drop or misread escaped.
    static func yaml(_ text: String) -> String {
        if isPlainYAML(text) { return text }
        var result = "\""
        for scalar in text.unicodeScalars {
            switch scalar {
            case "\"": result += "\\\""
            case "\\": result += "\\\\"
            case "\n": result += "\\n"
            case "\t": result += "\\t"
            case "\r": result += "\\r"
            default:
                let value = scalar.value
                if value < 0x20 || value == 0x7F || value == 0x85 || value == 0x2028 || value == 0x2029 || value == 0xFEFF
                    || (0x80...0x9F).contains(value) {
                    let hex = String(value, radix: 16, uppercase: true)
                    result += "\\u" + String(repeating: "0", count: max(0, 4 - hex.count)) + hex
                } else {
                    result.unicodeScalars.append(scalar)
                }
            }
        }
        return result + "\""
    }

    /// A replica size as a YAML scalar: plain for the usual spellings (`100cc`, `xsmall`), which YAML
    /// reads as strings, else as ``yaml(_:)`` writes it.
    static func size(_ size: String) -> String {
        let scalars = Array(size.unicodeScalars)
        let digits = scalars.prefix { ("0"..."9").contains($0) }
        let isCreditSize = !digits.isEmpty && String(String.UnicodeScalarView(scalars.dropFirst(digits.count))) == "cc"
        return isCreditSize ? size : yaml(size)
    }

    /// A lowercase SQL identifier: a letter or `_`, then letters, digits, `_` or `$`, no wildcard.
    private static func isBare(_ identifier: String) -> Bool {
        guard let first = identifier.unicodeScalars.first, identifier == identifier.lowercased() else { return false }
        guard first == "_" || first.properties.isAlphabetic else { return false }
        return identifier.unicodeScalars.allSatisfy { $0 == "_" || $0 == "$" || $0.properties.isAlphabetic || ("0"..."9").contains($0) }
    }

    /// ASCII letters, digits, `_`, `.` and `$`, starting with a letter or `_`, and not a word YAML
    /// reads as something other than a string.
    private static func isPlainYAML(_ text: String) -> Bool {
        guard let first = text.unicodeScalars.first, first == "_" || ("a"..."z").contains(first) || ("A"..."Z").contains(first) else { return false }
        guard text.unicodeScalars.allSatisfy({ $0.isASCII && ($0.properties.isAlphabetic || ("0"..."9").contains($0) || $0 == "_" || $0 == "." || $0 == "$") }) else {
            return false
        }
        return !yamlWords.contains(text.lowercased())
    }

    /// Plain scalars YAML 1.1 or 1.2 resolves to booleans, nulls or numbers.
    private static let yamlWords: Set<String> = ["true", "false", "yes", "no", "on", "off", "y", "n", "null", "nan", "inf"]
}
