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
    var tagName: Tag.Name { Tag.Name(rawValue: tag.rawValue) }

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
