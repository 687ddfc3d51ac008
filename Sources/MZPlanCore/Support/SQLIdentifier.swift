/// The one place where identifiers become SQL text.
///
/// Every identifier that reaches generated SQL goes through ``quote(_:)``: double quotes around
/// it, embedded `"` doubled. Nothing from the manifest or the catalog is pasted raw.
public enum SQLIdentifier {
    /// `weird"name` → `"weird""name"`.
    public static func quote(_ identifier: String) -> String {
        "\"" + identifier.replacingAll("\"", with: "\"\"") + "\""
    }

    /// A string literal: single quotes around it, embedded `'` doubled.
    public static func literal(_ value: String) -> String {
        "'" + value.replacingAll("'", with: "''") + "'"
    }

    /// The identifier for display: bare when it is a plain lowercase identifier, quoted otherwise.
    public static func display(_ identifier: String) -> String {
        isPlain(identifier) ? identifier : quote(identifier)
    }

    /// Whether `identifier` needs no quoting: `[a-z_][a-z0-9_$]*`.
    public static func isPlain(_ identifier: String) -> Bool {
        guard let first = identifier.unicodeScalars.first else { return false }
        guard first == "_" || ("a"..."z").contains(first) else { return false }
        return identifier.unicodeScalars.allSatisfy { scalar in
            scalar == "_" || scalar == "$" || ("a"..."z").contains(scalar) || ("0"..."9").contains(scalar)
        }
    }
}

extension String {
    /// Replaces every occurrence of `target` (no Foundation needed).
    func replacingAll(_ target: Character, with replacement: String) -> String {
        guard contains(target) else { return self }
        var result = ""
        result.reserveCapacity(count + 4)
        for character in self {
            if character == target { result += replacement } else { result.append(character) }
        }
        return result
    }
}
