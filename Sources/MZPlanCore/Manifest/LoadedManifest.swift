/// The result of ``ManifestLoader/load(_:)``: the merged manifest and the warnings found on the way.
public struct LoadedManifest: Sendable {
    public var manifest: Manifest
    /// Findings that do not stop loading, sorted by position.
    public var warnings: [Diagnostic]

    public init(manifest: Manifest, warnings: [Diagnostic]) {
        self.manifest = manifest
        self.warnings = warnings
    }
}
