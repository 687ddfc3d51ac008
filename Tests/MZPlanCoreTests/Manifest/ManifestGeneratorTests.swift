import Foundation
import MZPlanTestSupport
import Testing
@testable import MZPlanCore

/// `mzplan init`'s manifest: the same bytes every time, globs where a schema sits on one cluster,
/// names quoted only as the reader needs, and planning it against its catalog finds nothing to do.
@Suite struct ManifestGeneratorTests {
    static func catalog(_ path: String) throws -> CatalogSnapshot {
        try CatalogSnapshot.decode([UInt8](Data(contentsOf: repositoryRoot().appendingPathComponent(path))), file: path)
    }

    /// Plans the generated manifest against `catalog`: no errors, and no changes.
    static func roundTrip(_ catalog: CatalogSnapshot) throws -> Plan {
        let text = ManifestGenerator.manifest(for: catalog)
        let loaded = try ManifestLoader.load([ManifestSource(path: "init.yaml", text: text)])
        #expect(loaded.warnings.isEmpty, "\(loaded.warnings)")
        return try Planner.plan(manifest: loaded.manifest, catalog: catalog).plan
    }

    @Test("the shop: golden manifest, and diff on it reports no changes")
    func shop() throws {
        let catalog = try Self.catalog("examples/shop/catalog.json")
        let text = ManifestGenerator.manifest(for: catalog)
        assertSnapshot(text, named: "init-shop", pathExtension: "yaml")
        #expect(ManifestGenerator.manifest(for: catalog) == text)
        let plan = try Self.roundTrip(catalog)
        #expect(plan.hasNoChanges, "\(plan.moves.map(\.object)) \(plan.clusters.map(\.name))")
    }

    @Test("every fixture catalog round-trips", arguments: [
        "examples/shop/catalog.json",
        "Tests/MZPlanCoreTests/Fixtures/strategies/catalog.json",
    ])
    func fixtures(_ path: String) throws {
        let plan = try Self.roundTrip(Self.catalog(path))
        #expect(plan.hasNoChanges)
    }

    @Test("hostile names, YAML words, other databases and schemas, a split schema: round trip without changes")
    func hostile() throws {
        func object(_ id: String, _ database: String, _ schema: String, _ name: String, _ kind: ObjectKind, _ cluster: String) -> CatalogObject {
            var object = Fixture.object(id, name, kind, cluster: cluster, schema: schema)
            object.database = database
            return object
        }
        let names = ["Weird\"Name", "drop; table", "yes", "*", "a.b", "Ünïcode", "line\nbreak", "sep\u{2028}arator", "null", "CamelCase", "$dollar", "1starts_with_digit"]
        var objects: [CatalogObject] = []
        for (index, name) in names.enumerated() {
            objects.append(object("u\(100 + index)", "materialize", "public", name, index % 2 == 0 ? .materializedView : .index, index % 3 == 0 ? "on" : "Off Cluster"))
        }
        objects.append(object("u200", "Other DB", "My Schema", "x", .materializedView, "on"))
        objects.append(object("u201", "Other DB", "My Schema", "y", .index, "on"))
        objects.append(object("u202", "materialize", "split", "a", .materializedView, "on"))
        objects.append(object("u203", "materialize", "split", "b", .index, "true"))
        objects.append(object("u204", "materialize", "split", "c", .index, "true"))
        let catalog = CatalogSnapshot(
            takenAtMs: Fixture.now,
            version: "v26.15.0\n# injected",
            clusters: [Fixture.cluster("u1", "on"), Fixture.cluster("u2", "Off Cluster", size: "200cc", replicas: 2), Fixture.cluster("u3", "true")],
            objects: objects,
            sizes: ["100cc", "200cc"]
        )
        let text = ManifestGenerator.manifest(for: catalog)
        #expect(text.contains("  \"Off Cluster\":\n    size: 200cc\n    replication_factor: 2\n"))
        #expect(text.contains("  \"on\":") && text.contains("  \"true\":"))
        #expect(text.contains("{ match: \"\\\"Other DB\\\".\\\"My Schema\\\".*\" }"))
        #expect(text.contains("{ match: \"split.*\", kind: index }"))
        #expect(text.contains("# (Materialize v26.15.0\\n# injected, taken at 2025-11-26T00:00:00Z)"))
        #expect(!text.contains("\n# injected\n"))
        let plan = try Self.roundTrip(catalog)
        #expect(plan.hasNoChanges, "\(text)")
    }

    @Test("an empty catalog is a valid manifest with no clusters")
    func empty() throws {
        let text = ManifestGenerator.manifest(for: CatalogSnapshot(takenAtMs: 0, clusters: [], objects: []))
        #expect(text.hasSuffix("version: 1\ndatabase: materialize\nschema: public\nclusters: {}\n"))
        _ = try ManifestLoader.load([ManifestSource(path: "init.yaml", text: text)])
    }

    @Test("ISO timestamps, leap years included", arguments: [
        (UInt64(0), "1970-01-01T00:00:00Z"),
        (UInt64(951_782_400_000), "2000-02-29T00:00:00Z"),
        (UInt64(1_764_115_200_000), "2025-11-26T00:00:00Z"),
        (UInt64(4_102_444_799_999), "2099-12-31T23:59:59Z"),
    ])
    func timestamps(_ milliseconds: UInt64, _ expected: String) {
        #expect(ISOTimestamp.format(milliseconds: milliseconds) == expected)
    }
}
