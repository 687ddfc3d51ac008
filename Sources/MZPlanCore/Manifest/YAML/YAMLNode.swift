/// A node of a manifest document, as ``YAMLComposer`` builds it from libyaml's events: a scalar,
/// a list or a mapping (in the order written), and where it starts.
struct YAMLNode: Sendable {
    enum Content: Sendable {
        case scalar(YAMLScalar)
        case sequence([YAMLNode])
        case mapping([(key: YAMLNode, value: YAMLNode)])
    }

    var content: Content
    /// The 1-based line and column (in characters) where the node starts.
    var line: Int32
    var column: Int32

    /// The position of the node in `file`.
    func location(in file: String) -> SourceLocation {
        SourceLocation(file: file, line: Int(line), column: Int(column))
    }
}

/// A scalar's text and its resolved type.
struct YAMLScalar: Sendable {
    var text: String
    var tag: YAMLTag
    /// Written without quotes or block indicators: only such scalars are read as numbers.
    var isPlain: Bool
}

/// The type of a scalar: its explicit tag, or for an untagged plain scalar the type Yams' default
/// resolver gives it (quoted and block scalars are strings).
enum YAMLTag: Sendable {
    case null
    case bool
    case int
    case float
    case str
    /// Any other tag (a timestamp, a custom `!tag`): read as a string.
    case other
}
