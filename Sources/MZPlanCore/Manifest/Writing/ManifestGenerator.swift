/// Writes the manifest that reproduces a catalog's current placement (`mzplan init`, SPEC §10.3).
///
/// Every user cluster holding a source, sink, index or materialized view is listed with its size
/// and replication factor; a schema whose objects all sit on one cluster becomes one glob (with
/// `kind` when only that kind is together), everything else an exact name. Subsources, tables fed
/// by sources and replacements in flight are left out: the first two follow their source, the
/// last is not placed. Names are relative to the most common database and schema, quoted only
/// where the manifest reader needs it. The output is the same bytes for the same catalog, and
/// planning it against that catalog finds nothing to change.
package enum ManifestGenerator {
    package static func manifest(for catalog: CatalogSnapshot) -> String {
        let placed = catalog.objects.filter { $0.kind.isPlaceable && $0.replacementFor == nil && $0.cluster != nil }
        let database = mostCommon(placed.map(\.database)) ?? "materialize"
        let schema = mostCommon(placed.filter { $0.database == database }.map(\.schema)) ?? "public"
        var entries: [String: [Entry]] = [:]
        let bySchema = Dictionary(grouping: placed) { SchemaKey(database: $0.database, schema: $0.schema) }
        for key in bySchema.keys.sorted() {
            let members = bySchema[key] ?? []
            let glob = ManifestText.schemaGlob(database: key.database, schema: key.schema, defaultDatabase: database, defaultSchema: schema)
            if let cluster = onlyCluster(members) {
                entries[cluster, default: []].append(.glob(glob, kind: nil))
                continue
            }
            let byKind = Dictionary(grouping: members, by: \.kind)
            for kind in byKind.keys.sorted(by: { $0.rawValue < $1.rawValue }) {
                let ofKind = byKind[kind] ?? []
                if let cluster = onlyCluster(ofKind) {
                    entries[cluster, default: []].append(.glob(glob, kind: kind))
                } else {
                    for object in ofKind {
                        entries[object.cluster ?? "", default: []].append(.name(ManifestText.name(object.qualifiedName, database: database, schema: schema)))
                    }
                }
            }
        }
        var lines = header(catalog)
        lines += ["version: 1", "database: \(ManifestText.yaml(database))", "schema: \(ManifestText.yaml(schema))"]
        lines.append(entries.isEmpty ? "clusters: {}" : "clusters:")
        for name in entries.keys.sorted() {
            lines.append("  \(ManifestText.yaml(name)):")
            if let cluster = catalog.clusters.first(where: { $0.name == name }), cluster.managed != false {
                if let size = cluster.size { lines.append("    size: \(ManifestText.size(size))") }
                if let factor = cluster.replicationFactor { lines.append("    replication_factor: \(factor)") }
            }
            lines.append("    objects:")
            for entry in (entries[name] ?? []).sorted() {
                lines.append("      - " + entry.yaml)
            }
        }
        return lines.joined(separator: "\n") + "\n"
    }

    /// One entry of a cluster's `objects:`.
    private enum Entry: Comparable {
        case glob(String, kind: ObjectKind?)
        case name(String)

        var yaml: String {
            switch self {
            case .glob(let pattern, let kind?): "{ match: \(ManifestText.yaml(pattern)), kind: \(kind.rawValue) }"
            case .glob(let pattern, nil): "{ match: \(ManifestText.yaml(pattern)) }"
            case .name(let name): ManifestText.yaml(name)
            }
        }

        /// Globs first, then names, each alphabetically.
        static func < (lhs: Entry, rhs: Entry) -> Bool {
            switch (lhs, rhs) {
            case (.glob(let a, let kindA), .glob(let b, let kindB)): (a, kindA?.rawValue ?? "") < (b, kindB?.rawValue ?? "")
            case (.glob, .name): true
            case (.name, .glob): false
            case (.name(let a), .name(let b)): a < b
            }
        }
    }

    private struct SchemaKey: Hashable, Comparable {
        var database: String
        var schema: String

        static func < (lhs: SchemaKey, rhs: SchemaKey) -> Bool { (lhs.database, lhs.schema) < (rhs.database, rhs.schema) }
    }

    /// Where the manifest came from and how to use it, as YAML comments.
    private static func header(_ catalog: CatalogSnapshot) -> [String] {
        let version = catalog.version.map { "Materialize \(RenderText.visible($0))" } ?? "an unknown Materialize version"
        let taken = catalog.takenAtMs.map { ", taken at \(ISOTimestamp.format(milliseconds: $0))" } ?? ""
        return [
            "# The placement of every source, sink, index and materialized view as the catalog had it",
            "# (\(version)\(taken)), written by `mzplan init`.",
            "# Commit it; then change a cluster's size or move an object, and `mzplan diff -f <this file>`",
            "# shows the plan. Subsources and tables fed by a source follow their source and are not listed.",
        ]
    }

    /// The cluster every object is on, when it is one.
    private static func onlyCluster(_ objects: [CatalogObject]) -> String? {
        guard let first = objects.first?.cluster, objects.allSatisfy({ $0.cluster == first }) else { return nil }
        return first
    }

    /// The most frequent value, the smallest among equals.
    private static func mostCommon(_ values: [String]) -> String? {
        var counts: [String: Int] = [:]
        for value in values { counts[value, default: 0] += 1 }
        return counts.max { ($0.value, $1.key) < ($1.value, $0.key) }?.key
    }
}
