import Foundation

/// The bytes of a JSON document, which values read lazily (``SnapshotText``) point into: an
/// array, or a large file mapped into memory.
///
/// Mapping a 90 MB snapshot instead of reading it saves copying it and zeroing as many fresh
/// pages first: a tenth of what `diff` took, all of it before parsing could start. The price is
/// that of every program that maps files: a file another program truncates in place while it is
/// read ends the process (SIGBUS). mzplan itself only ever replaces files whole (a new file
/// renamed over the old), which leaves a mapping intact.
///
/// `@unchecked Sendable`: the bytes are never written after the document is made, and a mapping
/// is unmapped only when the last reference goes.
package final class JSONDocument: @unchecked Sendable {
    private enum Storage {
        case array([UInt8])
        case mapping(UnsafeMutableRawPointer, Int)
    }

    private let storage: Storage

    /// Files from this size on are mapped rather than read.
    static let mappingThreshold = 1 << 20

    package init(_ bytes: [UInt8]) {
        storage = .array(bytes)
    }

    private init(mapping address: UnsafeMutableRawPointer, count: Int) {
        storage = .mapping(address, count)
    }

    deinit {
        if case .mapping(let address, let count) = storage { munmap(address, count) }
    }

    /// Calls `body` with the document's bytes, valid until it returns.
    func withBytes<Result>(_ body: (UnsafeBufferPointer<UInt8>) -> Result) -> Result {
        switch storage {
        case .array(let bytes):
            return bytes.withUnsafeBufferPointer(body)
        case .mapping(let address, let count):
            return body(UnsafeBufferPointer(start: address.assumingMemoryBound(to: UInt8.self), count: count))
        }
    }

    /// The bytes as an array (a copy when mapped), for error messages that count lines.
    var bytes: [UInt8] {
        withBytes { Array($0) }
    }

    /// The file's bytes: mapped when it is a regular file of at least ``mappingThreshold`` bytes,
    /// else read (``FileReading/bytes(of:size:)``); nil when it cannot be opened or read.
    package static func contents(ofFile path: String) -> JSONDocument? {
        let descriptor = open(path, O_RDONLY | O_CLOEXEC)
        guard descriptor >= 0 else { return nil }
        defer { close(descriptor) }
        var status = stat()
        guard fstat(descriptor, &status) == 0 else { return nil }
        let count = Int(status.st_size)
        if status.st_mode & S_IFMT == S_IFREG, count >= mappingThreshold,
           let address = mmap(nil, count, PROT_READ, MAP_PRIVATE | MAP_POPULATE, descriptor, 0), address != MAP_FAILED {
            return JSONDocument(mapping: address, count: count)
        }
        return FileReading.bytes(of: descriptor, size: count).map(JSONDocument.init)
    }
}
