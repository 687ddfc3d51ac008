/// A name or glob from a manifest, qualified to three parts (`database.schema.name`).
///
/// Unquoted parts were lowercased like SQL; quoted parts are exact. `*` and `?` are wildcards
/// only inside unquoted parts.
package struct NamePattern: Hashable, Sendable, CustomStringConvertible {
    /// One part of a pattern.
    package struct Part: Hashable, Sendable {
        /// The identifier text (lowercased when it was unquoted, `""` undoubled when quoted).
        package let text: String
        package let quoted: Bool
        /// Whether this part contains a wildcard: known once, as every catalog object is matched against it.
        package let isGlob: Bool

        package init(_ text: String, quoted: Bool = false) {
            self.text = text
            self.quoted = quoted
            isGlob = !quoted && text.utf8.contains { $0 == UInt8(ascii: "*") || $0 == UInt8(ascii: "?") }
        }

        /// Whether this part matches the identifier `identifier` exactly or as a glob.
        package func matches(_ identifier: String) -> Bool {
            isGlob ? Glob.matches(text, identifier) : text == identifier
        }

        /// The part as the user would write it.
        package var description: String {
            if quoted || (!isGlob && !SQLIdentifier.isPlain(text)) { return SQLIdentifier.quote(text) }
            return text
        }
    }

    package var database: Part
    package var schema: Part
    package var name: Part

    package init(database: Part, schema: Part, name: Part) {
        self.database = database
        self.schema = schema
        self.name = name
    }

    /// The pattern matching exactly `name`, every part quoted.
    package init(exactly name: QualifiedName) {
        self.init(database: Part(name.database, quoted: true), schema: Part(name.schema, quoted: true), name: Part(name.name, quoted: true))
    }

    /// Whether any part contains a wildcard.
    package var isGlob: Bool { database.isGlob || schema.isGlob || name.isGlob }

    /// The exact name, when the pattern has no wildcard.
    package var exactName: QualifiedName? {
        guard !isGlob else { return nil }
        return QualifiedName(database: database.text, schema: schema.text, name: name.text)
    }

    package func matches(_ name: QualifiedName) -> Bool {
        database.matches(name.database) && schema.matches(name.schema) && self.name.matches(name.name)
    }

    package var description: String { "\(database.description).\(schema.description).\(name.description)" }
}

/// Shell-style matching of `*` (any run) and `?` (one character) over unicode scalars.
enum Glob {
    static func matches(_ pattern: String, _ text: String) -> Bool {
        // Fast paths for the shapes manifests use most: `*`, `prefix*`, `*suffix`.
        if pattern == "*" { return true }
        // Counted over bytes: a wildcard is ASCII, and grapheme-by-grapheme counting showed in profiles.
        let bytes = pattern.utf8
        if !bytes.contains(UInt8(ascii: "?")) {
            let stars = bytes.reduce(0) { $0 + ($1 == UInt8(ascii: "*") ? 1 : 0) }
            if stars == 1, bytes.last == UInt8(ascii: "*") {
                return text.unicodeScalars.starts(with: pattern.unicodeScalars.dropLast())
            }
            if stars == 1, bytes.first == UInt8(ascii: "*") {
                return text.unicodeScalars.reversed().starts(with: pattern.unicodeScalars.dropFirst().reversed())
            }
        }
        let p = Array(pattern.unicodeScalars)
        let t = Array(text.unicodeScalars)
        var pi = 0, ti = 0
        var star = -1, mark = 0
        while ti < t.count {
            if pi < p.count, p[pi] == "?" || p[pi] == t[ti] {
                pi += 1
                ti += 1
            } else if pi < p.count, p[pi] == "*" {
                star = pi
                mark = ti
                pi += 1
            } else if star >= 0 {
                pi = star + 1
                mark += 1
                ti = mark
            } else {
                return false
            }
        }
        while pi < p.count, p[pi] == "*" { pi += 1 }
        return pi == p.count
    }
}
