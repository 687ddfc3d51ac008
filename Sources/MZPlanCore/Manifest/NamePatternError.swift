/// Why a manifest name or glob could not be parsed; the message says what to write instead.
package struct NamePatternError: Error, Hashable, Sendable, CustomStringConvertible {
    package var message: String

    package init(_ message: String) {
        self.message = message
    }

    package var description: String { message }
}
