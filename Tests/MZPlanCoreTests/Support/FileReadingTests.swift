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

    @Test("a document is the file's bytes, mapped from the threshold on, read below it and from a pipe",
          arguments: [0, 100, JSONDocument.mappingThreshold - 1, JSONDocument.mappingThreshold, 3 * JSONDocument.mappingThreshold + 5])
    func document(count: Int) throws {
        let path = FileManager.default.temporaryDirectory.appendingPathComponent("mzplan-doc-\(count)-\(UUID().uuidString)").path
        defer { try? FileManager.default.removeItem(atPath: path) }
        let written = (0..<count).map { UInt8(truncatingIfNeeded: $0 &* 7 &+ $0 >> 12) }
        try FileWriting.replace(path, with: written, via: path + ".tmp")
        #expect(JSONDocument.contents(ofFile: path)?.bytes == written)
    }

    @Test("a missing file or a directory gives no document; a pipe is read")
    func documentOfNothing() throws {
        #expect(JSONDocument.contents(ofFile: "/nonexistent/mzplan/\(UUID().uuidString).json") == nil)
        #expect(JSONDocument.contents(ofFile: FileManager.default.temporaryDirectory.path) == nil)
        let pipe = Pipe()
        let written = Array("{\"format\": \"mzplan.catalog.v1\"}\n".utf8)
        pipe.fileHandleForWriting.write(Data(written))
        try pipe.fileHandleForWriting.close()
        #expect(JSONDocument.contents(ofFile: "/dev/fd/\(pipe.fileHandleForReading.fileDescriptor)")?.bytes == written)
    }

    @Test("a large snapshot read from a mapped file decodes as from its bytes, its texts too, after the caller lets go")
    func mappedSnapshot() throws {
        let path = FileManager.default.temporaryDirectory.appendingPathComponent("mzplan-snap-\(UUID().uuidString).json").path
        defer { try? FileManager.default.removeItem(atPath: path) }
        let objects = (0..<4000).map { index in
            CatalogObject(id: "u\(index)", database: "materialize", schema: "public", name: "v\(index)", kind: .view,
                          createSQL: "CREATE VIEW \"v\(index)\" AS SELECT '\(String(repeating: "é\"", count: 100))'", definition: "SELECT \(index);")
        }
        let snapshot = CatalogSnapshot(objects: objects)
        let bytes = Array(snapshot.encode().utf8)
        #expect(bytes.count >= JSONDocument.mappingThreshold)
        try FileWriting.replace(path, with: bytes, via: path + ".tmp")
        let read = try #require(JSONDocument.contents(ofFile: path).map { try CatalogSnapshot.decode($0, file: path) })
        #expect(read == snapshot)
        #expect(read.objects[3999].createSQL == objects[3999].createSQL)
        #expect(CatalogFingerprint.compute(read) == CatalogFingerprint.compute(snapshot))
    }
}
