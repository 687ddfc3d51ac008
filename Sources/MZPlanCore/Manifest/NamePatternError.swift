/// Why a manifest name or glob could not be parsed; the message says what to write instead.
public struct NamePatternError: Error, Hashable, Sendable, CustomStringConvertible {
    public var message: String

    public init(_ message: String) {
        self.message = message
    }

    public var description: String { message }
}
