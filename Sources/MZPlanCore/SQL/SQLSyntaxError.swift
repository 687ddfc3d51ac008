/// SQL that mzplan cannot read: unterminated quotes or comments, or a statement outside the
/// grammar of ``Statement``. `position` is the 1-based character where reading stopped.
package struct SQLSyntaxError: Error, Sendable, Equatable, CustomStringConvertible {
    package var message: String
    /// The character (unicode scalar, 1-based) where the problem was found; nil when it is the whole text.
    package var position: Int?

    package init(_ message: String, position: Int? = nil) {
        self.message = message
        self.position = position
    }

    /// `expected ON at character 42`.
    package var description: String {
        position.map { "\(message) at character \($0)" } ?? message
    }

    /// The 1-based character position of byte `offset` in `bytes`.
    static func position(ofByte offset: Int, in bytes: [UInt8]) -> Int {
        var characters = 1
        for index in 0..<min(offset, bytes.count) where bytes[index] & 0xC0 != 0x80 { characters += 1 }
        return characters
    }
}
