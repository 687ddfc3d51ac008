import Foundation

/// Writing files whole, in one place: all of a buffer to a descriptor, and a file replaced by
/// renaming a complete, flushed copy over it, so that whatever kills mzplan leaves the old file or
/// the new one, never half of one.
package enum FileWriting {
    /// Writes all of `bytes` to `descriptor`, retrying short writes; `path` names it in errors.
    package static func writeAll(_ bytes: [UInt8], to descriptor: Int32, path: String) throws(FileWriteError) {
        var offset = 0
        while offset < bytes.count {
            let written = bytes[offset...].withUnsafeBytes { write(descriptor, $0.baseAddress, $0.count) }
            guard written > 0 else { throw FileWriteError(path: path, errno: errno) }
            offset += written
        }
    }

    /// Replaces `path` with `bytes`: written to `temporary` beside it, flushed (fsync), renamed
    /// over it. The temporary file is removed when anything fails.
    package static func replace(_ path: String, with bytes: [UInt8], via temporary: String) throws(FileWriteError) {
        let descriptor = open(temporary, O_WRONLY | O_CREAT | O_TRUNC | O_CLOEXEC, 0o644)
        guard descriptor >= 0 else { throw FileWriteError(path: temporary, errno: errno) }
        do throws(FileWriteError) {
            defer { close(descriptor) }
            try writeAll(bytes, to: descriptor, path: temporary)
            guard fsync(descriptor) == 0 else { throw FileWriteError(path: temporary, errno: errno) }
        } catch {
            unlink(temporary)
            throw error
        }
        guard rename(temporary, path) == 0 else {
            let failure = FileWriteError(path: path, errno: errno)
            unlink(temporary)
            throw failure
        }
    }
}

/// A file could not be written: which, and the system's reason.
package struct FileWriteError: Error, LocalizedError, Sendable {
    package let path: String
    package let message: String

    package init(path: String, errno code: Int32) {
        self.path = path
        message = String(cString: strerror(code))
    }

    package var errorDescription: String? { message }
}
