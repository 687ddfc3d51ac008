import Crypto

/// Feeds length-prefixed fields to SHA-256, so that no two different field lists hash alike.
///
/// Fields are gathered in a fixed block and hashed a block at a time: a snapshot has millions
/// of them, and the catalog fingerprint writes 60 MB of SQL on a 100 000-object catalog. The
/// block is written through a pointer, so a field costs a copy, not an array's uniqueness and
/// capacity checks per append.
struct CanonicalEncoder: ~Copyable {
    private var hasher = SHA256()
    private let block: UnsafeMutablePointer<UInt8>
    private var used = 0
    private static let blockSize = 1 << 16

    init() {
        block = .allocate(capacity: Self.blockSize)
    }

    deinit {
        block.deallocate()
    }

    mutating func field(_ text: String) {
        var text = text
        text.withUTF8 { bytes in
            field(utf8Count: bytes.count) { target in _ = target.initialize(fromContentsOf: bytes) }
        }
    }

    /// A field of `utf8Count` bytes that `write` puts straight into the block (into a buffer of
    /// its own when it is larger than the block).
    mutating func field(utf8Count: Int, _ write: (UnsafeMutableBufferPointer<UInt8>) -> Void) {
        let length = UInt64(utf8Count).littleEndian
        append(MemoryLayout<UInt64>.size) { UnsafeMutableRawBufferPointer($0).storeBytes(of: length, as: UInt64.self) }
        append(utf8Count, write)
    }

    mutating func field(_ label: String, _ count: Int) {
        field(label)
        field(String(count))
    }

    /// Lets `write` fill the next `count` bytes of the block, after hashing the block when they
    /// do not fit; bytes that could never fit are written to a buffer and hashed at once.
    private mutating func append(_ count: Int, _ write: (UnsafeMutableBufferPointer<UInt8>) -> Void) {
        if used + count > Self.blockSize { flush() }
        guard count <= Self.blockSize else {
            let bytes = [UInt8](unsafeUninitializedCapacity: count) { buffer, initialized in
                write(buffer)
                initialized = count
            }
            bytes.withUnsafeBytes { hasher.update(bufferPointer: $0) }
            return
        }
        write(UnsafeMutableBufferPointer(start: block + used, count: count))
        used += count
    }

    private mutating func flush() {
        hasher.update(bufferPointer: UnsafeRawBufferPointer(start: block, count: used))
        used = 0
    }

    consuming func digest() -> String {
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
