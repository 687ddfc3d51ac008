import Foundation
import Testing
@testable import MZPlanCore

/// Whole files into bytes: exactly the file's bytes, nil when there is no regular file to read.
@Suite struct FileReadingTests {
    @Test("a file is read byte for byte, empty and larger than one read chunk included", arguments: [0, 1, 70_001, 1 << 20])
    func readsExactly(count: Int) throws {
        let path = FileManager.default.temporaryDirectory.appendingPathComponent("mzplan-read-\(count)-\(UUID().uuidString)").path
        defer { try? FileManager.default.removeItem(atPath: path) }
        let written = (0..<count).map { UInt8(truncatingIfNeeded: $0 &* 31 &+ $0 >> 8) }
        try FileWriting.replace(path, with: written, via: path + ".tmp")
        #expect(FileReading.bytes(atPath: path) == written)
    }

    @Test("a missing file and a directory read as nil")
    func nothingToRead() {
        #expect(FileReading.bytes(atPath: "/nonexistent/mzplan/\(UUID().uuidString).json") == nil)
        #expect(FileReading.bytes(atPath: FileManager.default.temporaryDirectory.path) == nil)
    }
}
