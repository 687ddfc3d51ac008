import Foundation
import MZPlanCore

/// Writes an output file (`-o`) whole or not at all (``FileWriting/replace(_:with:via:)``); a
/// signal meanwhile removes the temporary file beside it (``SignalTrap``).
enum OutputFile {
    static func write(_ text: String, to path: String) throws {
        try write(Array(text.utf8), to: path)
    }

    static func write(_ bytes: [UInt8], to path: String) throws {
        let url = URL(fileURLWithPath: path)
        let temporary = url.deletingLastPathComponent().appendingPathComponent(".\(url.lastPathComponent).mzplan-\(ProcessInfo.processInfo.processIdentifier)").path
        SignalTrap.shared.writing(temporary)
        defer { SignalTrap.shared.finished(temporary) }
        try FileWriting.replace(path, with: bytes, via: temporary)
    }
}
