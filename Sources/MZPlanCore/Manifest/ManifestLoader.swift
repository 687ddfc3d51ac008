/// Loads manifest v1 files (SPEC §3): the entry point of the manifest stage.
///
/// Each file goes through the same gates, so that no input can crash or hang mzplan: a size limit,
/// an encoding check, composing from libyaml's events (``YAMLComposer``: syntax, aliases, nesting,
/// duplicate keys), a node budget, then the schema walk
/// (``ManifestFileReader``). The files are then merged (``ManifestMerger``). Every finding carries
/// `file:line:col` and a snippet of the line with a caret.
package enum ManifestLoader {
    /// More composed nodes than this is refused (a second line of defence after the alias check;
    /// a manifest naming 20 000 objects one by one has about 40 000).
    static let nodeBudget = 200_000

    /// Reads the files at `paths` (a missing one is a diagnostic naming it), then ``load(_:)``.
    package static func load(paths: [String]) throws(DiagnosticsError) -> LoadedManifest {
        try load(paths.map { path throws(DiagnosticsError) in try ManifestSource.read(path: path) })
    }

    /// Parses, validates and merges one or more files (SPEC §2: `-f` may repeat). Throws every error found (all at
    /// once, sorted by position, with warnings too) as DiagnosticsError; on success returns warnings separately.
    package static func load(_ sources: [ManifestSource]) throws(DiagnosticsError) -> LoadedManifest {
        var diagnostics = DiagnosticCollector()
        if sources.isEmpty {
            diagnostics.error("manifest.empty", "no manifest was given; pass one with -f mzplan.yaml")
        }
        var files: [ManifestFile] = []
        var snippets: [String: SourceSnippet] = [:]
        for source in sources {
            guard let text = decode(source, into: &diagnostics) else { continue }
            snippets[source.path] = SourceSnippet(text: text)
            guard let root = compose(source, into: &diagnostics) else { continue }
            var reader = ManifestFileReader(path: source.path, diagnostics: diagnostics)
            reader.read(root)
            diagnostics = reader.diagnostics
            files.append(reader.file)
        }
        let manifest = ManifestMerger.merge(files, into: &diagnostics)
        let found = diagnostics.sorted.map { diagnostic in
            diagnostic.location.flatMap { snippets[$0.file] }?.attach(to: diagnostic) ?? diagnostic
        }
        guard !diagnostics.hasErrors else { throw DiagnosticsError(found) }
        return LoadedManifest(manifest: manifest, warnings: found)
    }

    /// The text of `source`, or nil after reporting a file that is too large, binary or not UTF-8.
    private static func decode(_ source: ManifestSource, into diagnostics: inout DiagnosticCollector) -> String? {
        let bytes = source.bytes
        guard bytes.count <= ManifestSource.maximumSize else {
            diagnostics.append(ManifestSource.tooLarge(source.path))
            return nil
        }
        if bytes.starts(with: [0xFF, 0xFE]) || bytes.starts(with: [0xFE, 0xFF]) {
            diagnostics.error(
                "manifest.encoding",
                "manifest '\(source.path)' is UTF-16 text; save it as UTF-8",
                at: SourceLocation(file: source.path, line: 1, column: 1))
            return nil
        }
        if let offset = bytes.firstIndex(of: 0) {
            diagnostics.error(
                "manifest.encoding",
                "manifest '\(source.path)' contains a NUL byte, so it is binary rather than YAML text; check that -f names the right file",
                at: YAMLComposer.location(ofByte: offset, in: bytes, file: source.path))
            return nil
        }
        if let offset = firstInvalidUTF8(bytes) {
            diagnostics.error(
                "manifest.encoding",
                "manifest '\(source.path)' is not valid UTF-8 (byte \(offset)); save it as UTF-8 text",
                at: YAMLComposer.location(ofByte: offset, in: bytes, file: source.path))
            return nil
        }
        return String(decoding: bytes, as: UTF8.self)
    }

    /// The byte offset of the first malformed UTF-8 sequence, or nil when all of `bytes` is valid.
    private static func firstInvalidUTF8(_ bytes: [UInt8]) -> Int? {
        var iterator = bytes.makeIterator()
        var decoder = UTF8()
        var offset = 0
        while true {
            switch decoder.decode(&iterator) {
            case .scalarValue(let scalar): offset += UTF8.width(scalar)
            case .emptyInput: return nil
            case .error: return offset
            }
        }
    }

    /// The root node composed from the file, or nil after reporting why there is none.
    private static func compose(_ source: ManifestSource, into diagnostics: inout DiagnosticCollector) -> YAMLNode? {
        let composer = YAMLComposer(path: source.path, bytes: source.bytes)
        guard composer.diagnostics.isEmpty else {
            diagnostics.append(contentsOf: composer.diagnostics)
            return nil
        }
        let start = SourceLocation(file: source.path, line: 1, column: 1)
        guard let root = composer.root, !root.isNull else {
            diagnostics.error(
                "manifest.empty",
                "manifest '\(source.path)' is empty; start it with 'version: 1' and a 'clusters:' mapping",
                at: start)
            return nil
        }
        guard composer.nodeCount <= nodeBudget else {
            diagnostics.error(
                "manifest.too-large",
                "manifest '\(source.path)' has more than \(nodeBudget) YAML nodes; use globs or split it into files passed with separate -f flags",
                at: start)
            return nil
        }
        return root
    }
}
