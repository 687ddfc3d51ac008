import Yams

/// Reading helpers over composed manifest nodes.
extension YAMLNode {
    /// What the node is, for "expected …, found …" messages.
    var foundDescription: String {
        switch content {
        case .mapping: return "a mapping"
        case .sequence: return "a list"
        case .scalar(let scalar):
            switch scalar.tag {
            case .null: return "nothing (null)"
            case .int: return "the integer \(scalar.text)"
            case .bool: return "the boolean \(scalar.text)"
            case .float: return "the number \(scalar.text)"
            case .str, .other: return "the string '\(scalar.text)'"
            }
        }
    }

    /// The type of a scalar; nil for a list or a mapping.
    var tag: YAMLTag? {
        guard case .scalar(let scalar) = content else { return nil }
        return scalar.tag
    }

    /// The value of a boolean scalar (`true`, `yes`, `on`, … in any case Yams accepts), else nil.
    var boolean: Bool? {
        guard case .scalar(let scalar) = content, scalar.tag == .bool else { return nil }
        switch scalar.text.lowercased() {
        case "true", "yes", "on": return true
        case "false", "no", "off": return false
        default: return nil
        }
    }

    /// The value of a plain scalar read as Yams reads an integer (`0x1F`, `1_000`, `1:30`), else nil.
    var int: Int? {
        guard case .scalar(let scalar) = content, scalar.isPlain else { return nil }
        return Int.construct(from: Node.Scalar(scalar.text))
    }

    /// Whether the node is a null scalar (`~`, `null`, or nothing after a colon).
    var isNull: Bool { tag == .null }

    /// The text of a non-null scalar: names, sizes and codes are read as written, whatever YAML type
    /// the plain scalar resolved to (an object may be called `on` or `2024`).
    var text: String? {
        guard case .scalar(let scalar) = content, scalar.tag != .null else { return nil }
        return scalar.text
    }
}

extension YAMLTag {
    /// The type Yams' default resolver gives an untagged plain scalar, for the types a manifest reads.
    ///
    /// Yams resolves with a regular expression per rule and scalar, which dominated loading a large
    /// manifest; here the cheap rules come first and the others are tried only when the text could
    /// match them (a number starts with a sign, a dot or a digit).
    static func implicit(_ text: String) -> YAMLTag {
        if text.isEmpty || text == "~" || text == "null" || text == "Null" || text == "NULL" { return .null }
        if implicitBooleans.contains(text) { return .bool }
        guard let first = text.utf8.first, Self.numberStarts.contains(first) else { return .str }
        return YAMLTag(Resolver.default.resolveTag(of: Node(text)).rawValue)
    }

    /// The type a full tag names (libyaml expands `!!int` to `tag:yaml.org,2002:int`); `!`, the
    /// non-specific tag, makes a string.
    init(_ tag: String) {
        switch tag {
        case Tag.Name.null.rawValue: self = .null
        case Tag.Name.bool.rawValue: self = .bool
        case Tag.Name.int.rawValue: self = .int
        case Tag.Name.float.rawValue: self = .float
        case Tag.Name.str.rawValue, Tag.Name.nonSpecific.rawValue: self = .str
        default: self = .other
        }
    }

    private static let implicitBooleans: Set<String> = [
        "yes", "Yes", "YES", "no", "No", "NO", "true", "True", "TRUE",
        "false", "False", "FALSE", "on", "On", "ON", "off", "Off", "OFF",
    ]

    private static let numberStarts = Set("+-.0123456789".utf8)
}
