import Foundation

/// One manifest file as read from disk or given by a test.
package struct ManifestSource: Sendable {
    /// Manifests larger than this (4 MiB) are refused: real ones are a few kilobytes, and a
    /// generated one for a 100 000-object deployment is under 2 MiB.
    package static let maximumSize = 4 << 20

    /// The path as the user named it; diagnostics use it as given.
    package var path: String
    package var bytes: [UInt8]

    package init(path: String, bytes: [UInt8]) {
        self.path = path
        self.bytes = bytes
    }

    package init(path: String, text: String) {
        self.init(path: path, bytes: Array(text.utf8))
    }

    /// Reads a file; refuses files over 4 MiB *before* reading them whole; errors are DiagnosticsError with the path.
    ///
    /// At most ``maximumSize`` + 1 bytes are read, so a device or pipe that never ends is refused too.
    package static func read(path: String) throws(DiagnosticsError) -> ManifestSource {
        var isDirectory: ObjCBool = false
        guard FileManager.default.fileExists(atPath: path, isDirectory: &isDirectory) else {
            throw readError(path, "manifest '\(path)' does not exist; check the path given to -f")
        }
        guard !isDirectory.boolValue else {
            throw readError(path, "'\(path)' is a directory; pass the manifest file itself, such as \(path)/mzplan.yaml")
        }
        guard let handle = FileHandle(forReadingAtPath: path) else {
            throw readError(path, "cannot open manifest '\(path)'; check that it is readable")
        }
        defer { try? handle.close() }
        let data: Data?
        do {
            data = try handle.read(upToCount: maximumSize + 1)
        } catch {
            throw readError(path, "cannot read manifest '\(path)': \(error.localizedDescription)")
        }
        let bytes = data.map { Array($0) } ?? []
        guard bytes.count <= maximumSize else { throw DiagnosticsError(tooLarge(path)) }
        return ManifestSource(path: path, bytes: bytes)
    }

    /// The `manifest.too-large` error for the file at `path`.
    static func tooLarge(_ path: String) -> Diagnostic {
        Diagnostic(
            .error, code: "manifest.too-large",
            "manifest '\(path)' is larger than 4 MiB; a manifest lists placements, so use globs or split it into files passed with separate -f flags",
            at: SourceLocation(file: path, line: 1, column: 1))
    }

    private static func readError(_ path: String, _ message: String) -> DiagnosticsError {
        DiagnosticsError(Diagnostic(.error, code: "manifest.read", message))
    }
}
