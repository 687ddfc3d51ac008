import Crypto

/// Feeds length-prefixed fields to SHA-256, so that no two different field lists hash alike.
/// Fields are gathered in a buffer and hashed in large blocks: a snapshot has millions of them.
struct CanonicalEncoder {
    private var hasher = SHA256()
    private var buffer: [UInt8] = []
    private static let blockSize = 1 << 16

    init() {
        buffer.reserveCapacity(Self.blockSize * 2)
    }

    mutating func field(_ text: String) {
        appendField(utf8Count: text.utf8.count) { $0.append(contentsOf: text.utf8) }
    }

    /// A field of `utf8Count` bytes that `write` puts straight into the buffer.
    mutating func field(utf8Count: Int, _ write: (UnsafeMutableBufferPointer<UInt8>) -> Void) {
        appendField(utf8Count: utf8Count) { buffer in
            let start = buffer.count
            buffer.append(contentsOf: repeatElement(0, count: utf8Count))
            buffer.withUnsafeMutableBufferPointer { write(UnsafeMutableBufferPointer(rebasing: $0[start...])) }
        }
    }

    /// The length prefix, then the `utf8Count` bytes `appendBytes` appends to the buffer.
    private mutating func appendField(utf8Count: Int, _ appendBytes: (inout [UInt8]) -> Void) {
        var length = UInt64(utf8Count).littleEndian
        withUnsafeBytes(of: &length) { buffer.append(contentsOf: $0) }
        appendBytes(&buffer)
        if buffer.count >= Self.blockSize { flush() }
    }

    mutating func field(_ label: String, _ count: Int) {
        field(label)
        field(String(count))
    }

    private mutating func flush() {
        buffer.withUnsafeBytes { hasher.update(bufferPointer: $0) }
        buffer.removeAll(keepingCapacity: true)
    }

    mutating func digest() -> String {
        flush()
        let hex: [Character] = Array("0123456789abcdef")
        var result = ""
        result.reserveCapacity(64)
        for byte in hasher.finalize() {
            result.append(hex[Int(byte >> 4)])
            result.append(hex[Int(byte & 0x0F)])
        }
        return result
    }
}
