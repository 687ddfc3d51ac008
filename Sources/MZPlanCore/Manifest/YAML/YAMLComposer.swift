import CYaml

/// Composes a manifest document from libyaml's event stream, in one iterative pass.
///
/// The pass trusts nothing: it rejects, with positions, syntax errors, aliases and anchors
/// (an alias bomb would otherwise be walked forever), nesting deeper than ``maximumDepth``, a
/// second document, keys that are not scalars, and duplicate keys (at the second occurrence).
/// When it reports nothing, ``root`` is the document (nil for a stream without one).
///
/// It replaced a scan before `Yams.compose`, which parsed the file a second time and built a
/// class instance per tag: on a 7 000-rule manifest, composing was most of the load time.
struct YAMLComposer {
    /// Deeper nesting than this is refused (a manifest needs five levels).
    static let maximumDepth = 64

    /// The findings, all errors; empty when ``root`` may be read.
    private(set) var diagnostics: [Diagnostic] = []
    /// The document's root node; nil when the stream holds no document (empty or comments only).
    private(set) var root: YAMLNode?
    /// How many nodes the document has (scalars, lists and mappings).
    private(set) var nodeCount = 0

    private let path: String
    private var frames: [Frame] = []
    private var firstAlias: (mark: SourceLocation, name: String)?
    private var firstAnchor: (mark: SourceLocation, name: String)?

    /// An open collection: a list's items, or a mapping's pairs so far and the key waiting for its value.
    private struct Frame {
        var isMapping: Bool
        var line: Int32
        var column: Int32
        var items: [YAMLNode] = []
        var pairs: [(key: YAMLNode, value: YAMLNode)] = []
        var pendingKey: YAMLNode?
        /// The text of each key so far (nil for an alias), and once there are many, where each text first appears.
        var keys: [String?] = []
        var keyIndex: [String: Int] = [:]
        var indexedKeys = 0

        var expectsKey: Bool { isMapping && pendingKey == nil }

        /// Records the next key's text; returns the position of an earlier key with the same text.
        mutating func record(key text: String?) -> Int? {
            defer { keys.append(text) }
            guard let text else { return nil }
            // A manifest's mappings are short: searching beats hashing until one is long.
            guard keys.count > 16 else { return keys.firstIndex(of: text) }
            while indexedKeys < keys.count {
                if let key = keys[indexedKeys], keyIndex[key] == nil { keyIndex[key] = indexedKeys }
                indexedKeys += 1
            }
            return keyIndex[text]
        }
    }

    /// Composes `bytes` (valid UTF-8, no NUL) of the file at `path`.
    init(path: String, bytes: [UInt8]) {
        self.path = path
        var parser = yaml_parser_t()
        guard yaml_parser_initialize(&parser) == 1 else {
            diagnostics.append(Diagnostic(.error, code: "manifest.syntax", "could not start the YAML parser (out of memory?); try again"))
            return
        }
        defer { yaml_parser_delete(&parser) }
        var input = bytes
        input.withUnsafeMutableBufferPointer { buffer in
            yaml_parser_set_input_string(&parser, buffer.baseAddress, buffer.count)
            run(&parser, bytes: bytes)
        }
        if let (location, name) = firstAlias {
            diagnostics.append(Diagnostic(
                .error, code: "manifest.alias",
                "YAML alias '*\(name)' is not supported in a manifest; write the value out in full",
                at: location))
        } else if let (location, name) = firstAnchor {
            diagnostics.append(Diagnostic(
                .error, code: "manifest.alias",
                "YAML anchor '&\(name)' is not supported in a manifest; remove it and write values out in full",
                at: location))
        }
    }

    private mutating func run(_ parser: inout yaml_parser_t, bytes: [UInt8]) {
        var documents = 0
        while true {
            var event = yaml_event_t()
            guard yaml_parser_parse(&parser, &event) == 1 else {
                diagnostics.append(syntaxError(parser, bytes: bytes))
                return
            }
            defer { yaml_event_delete(&event) }
            let line = Int32(truncatingIfNeeded: event.start_mark.line + 1)
            let column = Int32(truncatingIfNeeded: event.start_mark.column + 1)
            switch event.type {
            case YAML_STREAM_END_EVENT:
                return
            case YAML_DOCUMENT_START_EVENT:
                documents += 1
                if documents > 1 {
                    diagnostics.append(Diagnostic(
                        .error, code: "manifest.multiple-documents",
                        "a manifest holds one YAML document, but a second one starts here; merge them, or split them into files passed with separate -f flags",
                        at: location(line, column)))
                    return
                }
            case YAML_SCALAR_EVENT:
                let data = event.data.scalar
                noteAnchor(data.anchor, line, column)
                let text = Self.string(data.value, length: data.length)
                let isPlain = data.style == YAML_PLAIN_SCALAR_STYLE
                let tag: YAMLTag = if let explicit = data.tag {
                    YAMLTag(Self.string(explicit))
                } else {
                    isPlain ? .implicit(text) : .str
                }
                if expectsKey { record(key: text, line, column) }
                add(YAMLNode(content: .scalar(YAMLScalar(text: text, tag: tag, isPlain: isPlain)), line: line, column: column))
            case YAML_ALIAS_EVENT:
                if firstAlias == nil { firstAlias = (location(line, column), Self.string(event.data.alias.anchor)) }
                if expectsKey { record(key: nil, line, column) }
                // Refused once the pass ends; a null stands in for it so that the pairs stay paired.
                add(YAMLNode(content: .scalar(YAMLScalar(text: "", tag: .null, isPlain: true)), line: line, column: column))
            case YAML_SEQUENCE_START_EVENT, YAML_MAPPING_START_EVENT:
                let isMapping = event.type == YAML_MAPPING_START_EVENT
                noteAnchor(isMapping ? event.data.mapping_start.anchor : event.data.sequence_start.anchor, line, column)
                if expectsKey {
                    let found = isMapping ? "a mapping" : "a list"
                    diagnostics.append(Diagnostic(
                        .error, code: "manifest.type",
                        "expected a key name, found \(found) used as a key; keys must be plain names",
                        at: location(line, column)))
                    return
                }
                if frames.count >= Self.maximumDepth {
                    diagnostics.append(tooDeep(at: location(line, column)))
                    return
                }
                frames.append(Frame(isMapping: isMapping, line: line, column: column))
            case YAML_SEQUENCE_END_EVENT, YAML_MAPPING_END_EVENT:
                let frame = frames.removeLast()
                let content: YAMLNode.Content = frame.isMapping ? .mapping(frame.pairs) : .sequence(frame.items)
                add(YAMLNode(content: content, line: frame.line, column: frame.column))
            default:
                break
            }
        }
    }

    /// Whether the innermost open collection is a mapping waiting for a key (read in place:
    /// `frames.last` would copy the frame's arrays at every event).
    private var expectsKey: Bool {
        guard let index = frames.indices.last else { return false }
        return frames[index].expectsKey
    }

    /// A whole node: the root, an item of the enclosing list, or one half of a mapping's pair.
    private mutating func add(_ node: YAMLNode) {
        nodeCount += 1
        guard let index = frames.indices.last else {
            root = node
            return
        }
        if !frames[index].isMapping {
            frames[index].items.append(node)
        } else if let key = frames[index].pendingKey {
            frames[index].pairs.append((key, node))
            frames[index].pendingKey = nil
        } else {
            frames[index].pendingKey = node
        }
    }

    /// Records a key of the mapping being composed, reporting it when the mapping has it already
    /// (at the second occurrence).
    private mutating func record(key: String?, _ line: Int32, _ column: Int32) {
        let index = frames.count - 1
        guard let position = frames[index].record(key: key), let key else { return }
        let first = frames[index].pairs[position].key
        diagnostics.append(Diagnostic(
            .error, code: "manifest.duplicate-key",
            "duplicate key '\(key)' (first at \(first.line):\(first.column)); keep one of them",
            at: location(line, column)))
    }

    private mutating func noteAnchor(_ anchor: UnsafeMutablePointer<yaml_char_t>?, _ line: Int32, _ column: Int32) {
        guard let anchor, firstAnchor == nil else { return }
        firstAnchor = (location(line, column), Self.string(anchor))
    }

    private func location(_ line: Int32, _ column: Int32) -> SourceLocation {
        SourceLocation(file: path, line: Int(line), column: Int(column))
    }

    private func location(_ mark: yaml_mark_t) -> SourceLocation {
        SourceLocation(file: path, line: Int(mark.line) + 1, column: Int(mark.column) + 1)
    }

    /// libyaml's scanner refuses 1000 levels itself, before this scan sees the 65th.
    private func tooDeep(at location: SourceLocation) -> Diagnostic {
        Diagnostic(
            .error, code: "manifest.too-deep",
            "nesting is deeper than \(Self.maximumDepth) levels; a manifest needs only a few, so check the brackets and indentation",
            at: location)
    }

    private func syntaxError(_ parser: yaml_parser_t, bytes: [UInt8]) -> Diagnostic {
        let problem = parser.problem.map { String(cString: $0) } ?? "malformed YAML"
        if parser.error == YAML_READER_ERROR {
            return Diagnostic(
                .error, code: "manifest.encoding",
                "the file is not readable YAML text (\(problem) at byte \(parser.problem_offset)); save it as UTF-8 text",
                at: Self.location(ofByte: parser.problem_offset, in: bytes, file: path))
        }
        if problem.hasPrefix("Maximum nesting level") {
            return tooDeep(at: location(parser.problem_mark))
        }
        var message = "invalid YAML: \(problem)"
        if let context = parser.context {
            let contextMark = parser.context_mark
            message += " (\(String(cString: context)) at \(contextMark.line + 1):\(contextMark.column + 1))"
        }
        return Diagnostic(.error, code: "manifest.syntax", message + "; fix the syntax at the caret", at: location(parser.problem_mark))
    }

    /// The 1-based line and column (in unicode scalars) of byte `offset`.
    static func location(ofByte offset: Int, in bytes: [UInt8], file: String) -> SourceLocation {
        var line = 1, column = 1
        for byte in bytes.prefix(offset) {
            if byte == UInt8(ascii: "\n") {
                line += 1
                column = 1
            } else if byte & 0xC0 != 0x80 {
                column += 1
            }
        }
        return SourceLocation(file: file, line: line, column: column)
    }

    private static func string(_ pointer: UnsafeMutablePointer<yaml_char_t>?, length: Int? = nil) -> String {
        guard let pointer else { return "" }
        var count = 0
        if let length { count = length } else { while pointer[count] != 0 { count += 1 } }
        return String(decoding: UnsafeBufferPointer(start: pointer, count: count), as: UTF8.self)
    }
}
