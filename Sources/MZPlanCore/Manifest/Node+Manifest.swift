import Yams

/// Reading helpers over composed YAML nodes.
extension Node {
    /// What the node is, for "expected …, found …" messages.
    var foundDescription: String {
        switch self {
        case .mapping: return "a mapping"
        case .sequence: return "a list"
        case .alias: return "an alias"
        case .scalar(let scalar):
            switch tagName {
            case .null: return "nothing (null)"
            case .int: return "the integer \(scalar.string)"
            case .bool: return "the boolean \(scalar.string)"
            case .float: return "the number \(scalar.string)"
            default: return "the string '\(scalar.string)'"
            }
        }
    }

    /// The resolved tag, such as `.str`, `.int` or `.null`.
    ///
    /// Manifests are composed with Yams' basic resolver (no regular expression per scalar, which
    /// dominated loading a large manifest); plain scalars are resolved here instead, with the rules
    /// of Yams' default resolver, tried only when the text could match them.
    var tagName: Tag.Name {
        let name = Tag.Name(rawValue: tag.rawValue)
        guard case .scalar(let scalar) = self, name == .str, scalar.style == .plain else { return name }
        return Self.implicitTag(of: scalar.string)
    }

    /// The tag Yams' default resolver gives a plain scalar, for the tags a manifest reads.
    static func implicitTag(of text: String) -> Tag.Name {
        if text.isEmpty || text == "~" || text == "null" || text == "Null" || text == "NULL" { return .null }
        if implicitBooleans.contains(text) { return .bool }
        guard let first = text.unicodeScalars.first, "+-.0123456789".unicodeScalars.contains(first) else { return .str }
        return Resolver.default.resolveTag(of: Node(text))
    }

    /// The value of a boolean scalar (`true`, `yes`, `on`, … in any case Yams accepts), else nil.
    var boolean: Bool? {
        guard case .scalar(let scalar) = self, tagName == .bool else { return nil }
        switch scalar.string.lowercased() {
        case "true", "yes", "on": return true
        case "false", "no", "off": return false
        default: return nil
        }
    }

    private static let implicitBooleans: Set<String> = [
        "yes", "Yes", "YES", "no", "No", "NO", "true", "True", "TRUE",
        "false", "False", "FALSE", "on", "On", "ON", "off", "Off", "OFF",
    ]

    /// Whether the node is a null scalar (`~`, `null`, or nothing after a colon).
    var isNull: Bool {
        if case .scalar = self { return tagName == .null }
        return false
    }

    /// The text of a non-null scalar: names, sizes and codes are read as written, whatever YAML type
    /// the plain scalar resolved to (an object may be called `on` or `2024`).
    var text: String? {
        guard case .scalar(let scalar) = self, tagName != .null else { return nil }
        return scalar.string
    }

    /// The position of the node in `file` (Yams marks are 1-based).
    func location(in file: String) -> SourceLocation {
        let mark = self.mark
        return SourceLocation(file: file, line: mark?.line ?? 1, column: mark?.column ?? 1)
    }

    /// Counts nodes without recursion, stopping once `limit` is passed; false when it was passed.
    func hasAtMost(_ limit: Int) -> Bool {
        var pending: [Node] = [self]
        var count = 0
        while let node = pending.popLast() {
            count += 1
            if count > limit { return false }
            switch node {
            case .mapping(let mapping):
                for (key, value) in mapping {
                    pending.append(key)
                    pending.append(value)
                }
            case .sequence(let sequence): pending.append(contentsOf: sequence)
            case .scalar, .alias: break
            }
        }
        return true
    }
}
