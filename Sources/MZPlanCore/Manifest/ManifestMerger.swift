/// Merges the files given with repeated `-f` into one ``Manifest`` (SPEC §2, §3).
///
/// Clusters keep their first appearance and collect rules in file order; a cluster's `size` or
/// `replication_factor`, or an `options` key, set differently in two files is a conflict naming
/// both positions. Exact names placed twice at the same precedence (in different clusters, or
/// the same entry repeated) are conflicts too; glob-against-glob overlaps need the catalog and are
/// left to planning.
struct ManifestMerger {
    private(set) var manifest = Manifest()
    private var clusterIndex: [String: Int] = [:]
    private var optionSettings: [String: OptionSetting] = [:]
    private var exactRules: [QualifiedName: [PlacementRule]] = [:]

    static func merge(_ files: [ManifestFile], into diagnostics: inout DiagnosticCollector) -> Manifest {
        var merger = ManifestMerger()
        if let first = files.first {
            merger.manifest.defaultDatabase = first.defaultDatabase
            merger.manifest.defaultSchema = first.defaultSchema
        }
        for file in files { merger.add(file, into: &diagnostics) }
        merger.warnUnmanagedExactRules(into: &diagnostics)
        return merger.manifest
    }

    private mutating func add(_ file: ManifestFile, into diagnostics: inout DiagnosticCollector) {
        for cluster in file.clusters {
            for rule in cluster.rules { checkExact(rule, into: &diagnostics) }
            guard let index = clusterIndex[cluster.name] else {
                clusterIndex[cluster.name] = manifest.clusters.count
                manifest.clusters.append(cluster)
                continue
            }
            mergeSettings(of: cluster, into: &manifest.clusters[index], diagnostics: &diagnostics)
            manifest.clusters[index].rules.append(contentsOf: cluster.rules)
        }
        manifest.unmanaged.append(contentsOf: file.unmanaged)
        for setting in file.options {
            if let first = optionSettings[setting.key] {
                if first.value != setting.value {
                    diagnostics.error(
                        "manifest.conflict",
                        "option '\(setting.key)' is \(setting.value) here but \(first.value) at \(first.location); set it in one file only",
                        at: setting.location)
                }
                continue
            }
            optionSettings[setting.key] = setting
            manifest.options.apply(setting)
        }
    }

    private func mergeSettings(of cluster: ClusterSpec, into merged: inout ClusterSpec, diagnostics: inout DiagnosticCollector) {
        merge(cluster, "size", \.size, \.sizeLocation, into: &merged, diagnostics: &diagnostics, advice: "give the size in one file only")
        merge(cluster, "replication_factor", \.replicationFactor, \.replicationFactorLocation, into: &merged, diagnostics: &diagnostics)
        merge(cluster, "resize", \.resize, \.resizeLocation, into: &merged, diagnostics: &diagnostics)
    }

    /// One cluster setting: taken from `cluster` when `merged` lacks it, a conflict when both set it differently.
    private func merge<Value: Equatable & CustomStringConvertible>(
        _ cluster: ClusterSpec,
        _ key: String,
        _ value: WritableKeyPath<ClusterSpec, Value?>,
        _ location: WritableKeyPath<ClusterSpec, SourceLocation?>,
        into merged: inout ClusterSpec,
        diagnostics: inout DiagnosticCollector,
        advice: String = "give it in one file only"
    ) {
        guard let setting = cluster[keyPath: value], let at = cluster[keyPath: location] else { return }
        guard let first = merged[keyPath: value], let firstLocation = merged[keyPath: location] else {
            merged[keyPath: value] = setting
            merged[keyPath: location] = at
            return
        }
        if first != setting {
            diagnostics.error(
                "manifest.conflict",
                "cluster '\(cluster.name)' has \(key) \(setting) here but \(first) at \(firstLocation); \(advice)",
                at: at)
        }
    }

    /// Warns about an object placed by exact name that `unmanaged` also covers: it will never move.
    private func warnUnmanagedExactRules(into diagnostics: inout DiagnosticCollector) {
        for rule in manifest.rules {
            guard let name = rule.pattern.exactName,
                  let unmanaged = manifest.unmanaged.first(where: { $0.pattern.matches(name) }) else { continue }
            diagnostics.warning(
                "manifest.unmanaged-overlap",
                "'\(name)' is placed on cluster '\(rule.cluster)' but also unmanaged by '\(unmanaged.pattern)' at \(unmanaged.location), so it will never move; remove one of them",
                at: rule.location)
        }
    }

    /// Reports an exact rule that could place the same object as an earlier one: same name, and
    /// kinds that do not exclude each other.
    private mutating func checkExact(_ rule: PlacementRule, into diagnostics: inout DiagnosticCollector) {
        guard let name = rule.pattern.exactName else { return }
        let earlier = exactRules[name, default: []]
        if let first = earlier.first(where: { $0.kind == nil || rule.kind == nil || $0.kind == rule.kind }) {
            let message = first.cluster == rule.cluster
                ? "'\(name)' is listed twice for cluster '\(rule.cluster)' (first at \(first.location)); remove one entry"
                : "'\(name)' is placed on cluster '\(rule.cluster)' here and on cluster '\(first.cluster)' at \(first.location); an object lives on one cluster, so keep one entry"
            diagnostics.error("manifest.conflict", message, at: rule.location)
        }
        exactRules[name, default: []].append(rule)
    }
}
