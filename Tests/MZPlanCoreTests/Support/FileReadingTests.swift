import Foundation
import Testing
@testable import MZPlanCore

/// Whole files into bytes: exactly the file's bytes (a pipe's too), nil when there is nothing to read.
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

    @Test("a pipe (as `--catalog <(…)` gives) is read to its end")
    func pipe() throws {
        let pipe = Pipe()
        let written = Array("{\"format\": \"mzplan.catalog.v1\"}\n".utf8)
        pipe.fileHandleForWriting.write(Data(written))
        try pipe.fileHandleForWriting.close()
        #expect(FileReading.bytes(atPath: "/dev/fd/\(pipe.fileHandleForReading.fileDescriptor)") == written)
    }
}
