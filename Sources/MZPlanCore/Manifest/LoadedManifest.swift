/// The result of ``ManifestLoader/load(_:)``: the merged manifest and the warnings found on the way.
package struct LoadedManifest: Sendable {
    package var manifest: Manifest
    /// Findings that do not stop loading, sorted by position.
    package var warnings: [Diagnostic]

    package init(manifest: Manifest, warnings: [Diagnostic]) {
        self.manifest = manifest
        self.warnings = warnings
    }
}
