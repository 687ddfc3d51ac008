import Foundation

/// Writes an output file (`-o`) whole or not at all: into a temporary file beside it, renamed
/// over it when complete; a signal meanwhile removes the temporary file (``SignalTrap``).
enum OutputFile {
    static func write(_ text: String, to path: String) throws {
        let url = URL(fileURLWithPath: path)
        let temporary = url.deletingLastPathComponent().appendingPathComponent(".\(url.lastPathComponent).mzplan-\(ProcessInfo.processInfo.processIdentifier)").path
        SignalTrap.shared.writing(temporary)
        defer { SignalTrap.shared.finished(temporary) }
        do {
            try Data(text.utf8).write(to: URL(fileURLWithPath: temporary))
            guard rename(temporary, path) == 0 else { throw CocoaError(.fileWriteUnknown, userInfo: [NSLocalizedDescriptionKey: String(cString: strerror(errno))]) }
        } catch {
            unlink(temporary)
            throw error
        }
    }
}
