/// One manifest file after reading, before merging: names already qualified with this file's
/// defaults, every value with its position. ``ManifestMerger`` combines several into a ``Manifest``.
struct ManifestFile: Sendable {
    var path: String
    /// The file's `database` and `schema` defaults.
    var defaultDatabase = "materialize"
    var defaultSchema = "public"
    var clusters: [ClusterSpec] = []
    var unmanaged: [UnmanagedPattern] = []
    var options: [OptionSetting] = []
}
