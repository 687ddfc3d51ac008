/// A long text field of a snapshot object (`create_sql`, `definition`): a `String`, or, as read
/// from a snapshot file, the checked JSON string it came from, decoded only when asked for.
///
/// Planning reads these texts only for the objects it rebuilds, and the catalog fingerprint hashes
/// them without making strings: on a 100 000-object snapshot, decoding them all up front was a
/// tenth of the time `diff` took.
package struct SnapshotText: Hashable, Sendable {
    private enum Storage: Sendable {
        case string(String)
        case literal(JSONDocument, JSONStringLiteral)
    }

    private let storage: Storage

    package init(_ string: String) {
        storage = .string(string)
    }

    /// A string checked by ``JSONScanner/stringLiteral()`` in `document`.
    init(_ literal: JSONStringLiteral, in document: JSONDocument) {
        storage = .literal(document, literal)
    }

    /// The text, decoded from the snapshot's bytes on each call when it was read from a file.
    package var string: String {
        switch storage {
        case .string(let string):
            return string
        case .literal(let document, let literal):
            return document.withBytes { JSONScanner($0).decodedString(literal) }
        }
    }

    /// Feeds the text to `encoder` as one field, decoding it straight into the encoder's buffer.
    func write(to encoder: inout CanonicalEncoder) {
        switch storage {
        case .string(let string):
            encoder.field(string)
        case .literal(let document, let literal):
            document.withBytes { bytes in
                encoder.field(utf8Count: literal.decodedCount) { JSONScanner(bytes).decode(literal, into: $0) }
            }
        }
    }

    package static func == (lhs: SnapshotText, rhs: SnapshotText) -> Bool {
        if case .literal(let left, let leftLiteral) = lhs.storage, case .literal(let right, let rightLiteral) = rhs.storage,
           left === right, leftLiteral == rightLiteral {
            return true
        }
        return lhs.string == rhs.string
    }

    package func hash(into hasher: inout Hasher) {
        hasher.combine(string)
    }
}
