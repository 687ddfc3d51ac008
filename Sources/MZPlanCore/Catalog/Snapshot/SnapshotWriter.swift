/// Writes a snapshot as bytes, in the layout of `JSONValue.serialized(pretty: true)`, without
/// building a `JSONValue` tree first (100 000 objects encode in a fraction of the time).
///
/// Containers always have members here except arrays, which are written `[]` when empty.
struct SnapshotWriter {
    private(set) var bytes: [UInt8] = []
    private var indent = 0
    /// Whether the container being written already has a member (so the next one needs a comma).
    private var hasMember: [Bool] = []

    init(capacity: Int) {
        bytes.reserveCapacity(capacity)
    }

    mutating func openObject() { open(UInt8(ascii: "{")) }
    mutating func closeObject() { close(UInt8(ascii: "}")) }

    /// Starts a member `"key": ` of the current object.
    mutating func key(_ key: StaticString) {
        newMember()
        bytes.append(UInt8(ascii: "\""))
        bytes.append(contentsOf: UnsafeBufferPointer(start: key.utf8Start, count: key.utf8CodeUnitCount))
        bytes.append(UInt8(ascii: "\""))
        bytes.append(UInt8(ascii: ":"))
        bytes.append(UInt8(ascii: " "))
    }

    /// Writes `[` … `]` with one element per line, or `[]` when empty.
    mutating func array<Element>(_ elements: [Element], _ write: (inout SnapshotWriter, Element) -> Void) {
        guard !elements.isEmpty else {
            bytes.append(UInt8(ascii: "["))
            bytes.append(UInt8(ascii: "]"))
            return
        }
        open(UInt8(ascii: "["))
        for element in elements {
            newMember()
            write(&self, element)
        }
        close(UInt8(ascii: "]"))
    }

    mutating func string(_ value: String?) {
        guard let value else { return null() }
        JSONValue.writeString(value, to: &bytes)
    }

    mutating func number(_ value: UInt64?) {
        guard let value else { return null() }
        JSONValue.writeDigits(value, to: &bytes)
    }

    mutating func number(_ value: Int?) {
        guard let value else { return null() }
        JSONValue.writeInteger(Int64(value), to: &bytes)
    }

    mutating func number(_ value: Double?) {
        guard let value else { return null() }
        bytes.append(contentsOf: JSONValue.numberText(value).utf8)
    }

    mutating func bool(_ value: Bool?) {
        guard let value else { return null() }
        literal(value ? "true" : "false")
    }

    mutating func null() {
        literal("null")
    }

    private mutating func literal(_ text: StaticString) {
        bytes.append(contentsOf: UnsafeBufferPointer(start: text.utf8Start, count: text.utf8CodeUnitCount))
    }

    /// The written bytes with their final newline.
    mutating func finish() -> [UInt8] {
        bytes.append(0x0A)
        return bytes
    }

    // MARK: Layout

    private mutating func open(_ bracket: UInt8) {
        bytes.append(bracket)
        indent += 2
        hasMember.append(false)
    }

    private mutating func close(_ bracket: UInt8) {
        indent -= 2
        hasMember.removeLast()
        newline()
        bytes.append(bracket)
    }

    private mutating func newMember() {
        if hasMember[hasMember.count - 1] { bytes.append(UInt8(ascii: ",")) }
        hasMember[hasMember.count - 1] = true
        newline()
    }

    private mutating func newline() {
        bytes.append(0x0A)
        bytes.append(contentsOf: repeatElement(UInt8(ascii: " "), count: indent))
    }
}
