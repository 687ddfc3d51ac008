/// The one place where identifiers become SQL text.
///
/// Every identifier that reaches generated SQL goes through ``quote(_:)``: double quotes around
/// it, embedded `"` doubled. Nothing from the manifest or the catalog is pasted raw.
package enum SQLIdentifier {
    /// `weird"name` → `"weird""name"`.
    package static func quote(_ identifier: String) -> String {
        "\"" + identifier.replacingAll("\"", with: "\"\"") + "\""
    }

    /// A string literal: single quotes around it, embedded `'` doubled.
    package static func literal(_ value: String) -> String {
        "'" + value.replacingAll("'", with: "''") + "'"
    }

    /// The identifier for display: bare when it is a plain lowercase identifier, quoted otherwise.
    package static func display(_ identifier: String) -> String {
        isPlain(identifier) ? identifier : quote(identifier)
    }

    /// Whether `identifier` needs no quoting: `[a-z_][a-z0-9_$]*`.
    package static func isPlain(_ identifier: String) -> Bool {
        var bytes = identifier.utf8.makeIterator()
        guard let first = bytes.next(), first == UInt8(ascii: "_") || isLowercaseLetter(first) else { return false }
        while let byte = bytes.next() {
            guard byte == UInt8(ascii: "_") || byte == UInt8(ascii: "$") || isLowercaseLetter(byte) || (UInt8(ascii: "0")...UInt8(ascii: "9")).contains(byte) else {
                return false
            }
        }
        return true
    }

    private static func isLowercaseLetter(_ byte: UInt8) -> Bool {
        (UInt8(ascii: "a")...UInt8(ascii: "z")).contains(byte)
    }
}

extension String {
    /// Replaces every occurrence of the scalar `target` (no Foundation needed).
    ///
    /// Works on unicode scalars, not characters: a `"` followed by a combining mark is one
    /// grapheme, and must still be doubled, or it would end a quoted identifier early.
    func replacingAll(_ target: Unicode.Scalar, with replacement: String) -> String {
        guard unicodeScalars.contains(target) else { return self }
        var result = ""
        result.reserveCapacity(utf8.count + 4)
        for scalar in unicodeScalars {
            if scalar == target { result += replacement } else { result.unicodeScalars.append(scalar) }
        }
        return result
    }
}
