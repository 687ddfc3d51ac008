import CYaml

/// A pass over libyaml's event stream that runs before `Yams.compose`.
///
/// Composing trusts its input: aliases are shared (an alias bomb walks forever, and one used as a
/// mapping key explodes inside compose's duplicate check), nesting recurses, and duplicate keys
/// are reported at the wrong place. This scan is iterative and cheap, and rejects all of that
/// first, with positions: syntax errors, aliases and anchors, nesting deeper than
/// ``maximumDepth``, a second document, keys that are not scalars, and duplicate keys (at the
/// second occurrence). Only a document that passes is composed.
struct YAMLEventScan {
    /// Deeper nesting than this is refused (a manifest needs five levels).
    static let maximumDepth = 64

    /// The findings, all errors; empty when the document may be composed.
    private(set) var diagnostics: [Diagnostic] = []
    /// Whether the stream holds no document at all (empty or comments only).
    private(set) var isEmpty = true

    private let path: String
    private var frames: [Frame] = []
    private var firstAlias: (mark: SourceLocation, name: String)?
    private var firstAnchor: (mark: SourceLocation, name: String)?

    /// An open collection: a sequence, or a mapping with the keys seen so far.
    private struct Frame {
        var isMapping: Bool
        var expectsKey = true
        var keys: [String: SourceLocation] = [:]
    }

    /// Scans `bytes` (valid UTF-8, no NUL) of the file at `path`.
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
            let location = self.location(event.start_mark)
            switch event.type {
            case YAML_STREAM_END_EVENT:
                return
            case YAML_DOCUMENT_START_EVENT:
                documents += 1
                isEmpty = false
                if documents > 1 {
                    diagnostics.append(Diagnostic(
                        .error, code: "manifest.multiple-documents",
                        "a manifest holds one YAML document, but a second one starts here; merge them, or split them into files passed with separate -f flags",
                        at: location))
                    return
                }
            case YAML_SCALAR_EVENT:
                noteAnchor(event.data.scalar.anchor, at: location)
                let value = Self.string(event.data.scalar.value, length: event.data.scalar.length)
                scalarOrAlias(keyText: value, at: location)
            case YAML_ALIAS_EVENT:
                if firstAlias == nil { firstAlias = (location, Self.string(event.data.alias.anchor)) }
                scalarOrAlias(keyText: nil, at: location)
            case YAML_SEQUENCE_START_EVENT, YAML_MAPPING_START_EVENT:
                let isMapping = event.type == YAML_MAPPING_START_EVENT
                noteAnchor(isMapping ? event.data.mapping_start.anchor : event.data.sequence_start.anchor, at: location)
                if let parent = frames.last, parent.isMapping, parent.expectsKey {
                    let found = isMapping ? "a mapping" : "a list"
                    diagnostics.append(Diagnostic(
                        .error, code: "manifest.type",
                        "expected a key name, found \(found) used as a key; keys must be plain names",
                        at: location))
                    return
                }
                if frames.count >= Self.maximumDepth {
                    diagnostics.append(tooDeep(at: location))
                    return
                }
                frames.append(Frame(isMapping: isMapping))
            case YAML_SEQUENCE_END_EVENT, YAML_MAPPING_END_EVENT:
                frames.removeLast()
                completeNode()
            default:
                break
            }
        }
    }

    /// A scalar or alias event: a key of the enclosing mapping or a value.
    private mutating func scalarOrAlias(keyText: String?, at location: SourceLocation) {
        if let index = frames.indices.last, frames[index].isMapping, frames[index].expectsKey, let keyText {
            if let first = frames[index].keys[keyText] {
                diagnostics.append(Diagnostic(
                    .error, code: "manifest.duplicate-key",
                    "duplicate key '\(keyText)' (first at \(first.line):\(first.column)); keep one of them",
                    at: location))
            } else {
                frames[index].keys[keyText] = location
            }
        }
        completeNode()
    }

    /// A whole node ended: the enclosing mapping now expects the other half of a pair.
    private mutating func completeNode() {
        guard let index = frames.indices.last, frames[index].isMapping else { return }
        frames[index].expectsKey.toggle()
    }

    private mutating func noteAnchor(_ anchor: UnsafeMutablePointer<yaml_char_t>?, at location: SourceLocation) {
        guard let anchor, firstAnchor == nil else { return }
        firstAnchor = (location, Self.string(anchor))
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
