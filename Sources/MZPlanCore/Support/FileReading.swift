import Foundation

/// Reads whole files straight into a byte array: a 90 MB snapshot read through `Data` is copied
/// twice more before parsing starts.
package enum FileReading {
    /// The file's bytes, or nil when it cannot be opened or read (missing, a directory, unreadable).
    package static func bytes(atPath path: String) -> [UInt8]? {
        let descriptor = open(path, O_RDONLY | O_CLOEXEC)
        guard descriptor >= 0 else { return nil }
        defer { close(descriptor) }
        var status = stat()
        guard fstat(descriptor, &status) == 0 else { return nil }
        return bytes(of: descriptor, size: Int(status.st_size))
    }

    /// The rest of an open file whose `fstat` reported `size`, or nil when reading fails. A pipe
    /// or a process substitution has no size: it is read to its end in chunks. A directory opens
    /// but fails to read.
    package static func bytes(of descriptor: Int32, size: Int) -> [UInt8]? {
        var failed = false
        // The size fstat reported, read without zeroing the buffer first.
        var bytes = [UInt8](unsafeUninitializedCapacity: size) { buffer, initialized in
            while initialized < buffer.count {
                let count = read(descriptor, buffer.baseAddress! + initialized, buffer.count - initialized)
                if count < 0, errno == EINTR { continue }
                guard count > 0 else { failed = count < 0; return }
                initialized += count
            }
        }
        // Whatever the file gained since fstat.
        var chunk = [UInt8](repeating: 0, count: 1 << 16)
        while !failed {
            let count = chunk.withUnsafeMutableBytes { read(descriptor, $0.baseAddress, $0.count) }
            if count < 0, errno == EINTR { continue }
            guard count > 0 else { failed = count < 0; break }
            bytes.append(contentsOf: chunk[..<count])
        }
        return failed ? nil : bytes
    }
}
