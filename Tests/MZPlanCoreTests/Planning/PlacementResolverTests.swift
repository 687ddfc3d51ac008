import Testing
@testable import MZPlanCore

/// SPEC §3 precedence and the resolution errors that need a catalog.
@Suite struct PlacementResolverTests {
    /// Three indexes and a view on c1, a table, a subsource; clusters c1, c2, c3.
    let catalog = CatalogSnapshot(
        takenAtMs: Fixture.now,
        clusters: [Fixture.cluster("u1", "c1"), Fixture.cluster("u2", "c2"), Fixture.cluster("u3", "c3")],
        objects: [
            Fixture.object("u1", "t", .table),
            Fixture.object("u2", "orders_idx", .index, cluster: "c1", on: "u1", dependsOn: ["u1"]),
            Fixture.object("u3", "orders_mv", .materializedView, cluster: "c1", dependsOn: ["u1"], since: 1, upper: 2),
            Fixture.object("u4", "clicks_idx", .index, cluster: "c1", on: "u1", dependsOn: ["u1"]),
            Fixture.object("u5", "sub", .subsource),
            Fixture.object("u6", "scratch_idx", .index, cluster: "c1", schema: "scratch", on: "u1", dependsOn: ["u1"]),
        ]
    )

    func resolve(_ manifest: Manifest) throws(DiagnosticsError) -> Resolution {
        try PlacementResolver(manifest: manifest, objects: catalog.objects, extraAllow: []).resolve()
    }

    func errors(_ manifest: Manifest) -> [Diagnostic] {
        do throws(DiagnosticsError) {
            _ = try resolve(manifest)
            return []
        } catch {
            return error.diagnostics.filter { $0.severity == .error }
        }
    }

    @Test("an exact name beats a glob with kind, which beats a bare glob")
    func precedence() throws {
        let manifest = Fixture.manifest([
            ("c1", nil, [Fixture.rule("c1", Fixture.glob("*"), line: 1)]),
            ("c2", nil, [Fixture.rule("c2", Fixture.glob("*_idx"), kind: .index, line: 2)]),
            ("c3", nil, [Fixture.rule("c3", Fixture.exact("clicks_idx"), line: 3)]),
        ])
        let resolution = try resolve(manifest)
        #expect(resolution.placement(of: "u3")?.target == "c1")
        #expect(resolution.placement(of: "u2")?.target == "c2")
        #expect(resolution.placement(of: "u4")?.target == "c3")
        #expect(resolution.placement(of: "u1") == nil, "tables are skipped silently by a glob")
        #expect(resolution.placement(of: "u5") == nil, "subsources are skipped silently by a glob")
    }

    @Test("two globs of equal precedence on different clusters: an error naming both positions")
    func conflict() throws {
        let manifest = Fixture.manifest([
            ("c1", nil, [Fixture.rule("c1", Fixture.glob("orders_*"), line: 4)]),
            ("c2", nil, [Fixture.rule("c2", Fixture.glob("*_mv"), line: 9)]),
        ])
        let found = errors(manifest)
        #expect(found.count == 1)
        #expect(found.first?.code == "manifest.conflict")
        #expect(found.first?.location == Fixture.at(4))
        #expect(found.first?.message.contains("mzplan.yaml:9:7") == true)
        #expect(found.first?.message.contains("'materialize.public.orders_mv'") == true)
    }

    @Test("equal precedence on the same cluster is no conflict")
    func sameCluster() throws {
        let manifest = Fixture.manifest([("c2", nil, [
            Fixture.rule("c2", Fixture.glob("orders_*"), line: 4),
            Fixture.rule("c2", Fixture.glob("*_mv"), line: 5),
        ])])
        #expect(try resolve(manifest).placement(of: "u3")?.target == "c2")
    }

    @Test("an exact name that matches nothing is an error with the closest names")
    func unknownName() throws {
        let found = errors(Fixture.manifest([("c2", nil, [Fixture.rule("c2", Fixture.exact("order_mv"), line: 3)])]))
        #expect(found.map(\.code) == ["plan.unknown-object"])
        #expect(found.first?.location == Fixture.at(3))
        #expect(found.first?.message.contains("did you mean 'materialize.public.orders_mv'") == true)
    }

    @Test("a table, view or subsource named exactly is an error", arguments: ["t", "sub"])
    func notPlaceable(name: String) throws {
        let found = errors(Fixture.manifest([("c2", nil, [Fixture.rule("c2", Fixture.exact(name))])]))
        #expect(found.map(\.code) == ["plan.not-placeable"])
    }

    @Test("an exact name whose kind filter disagrees with the catalog is an error")
    func kindMismatch() throws {
        let found = errors(Fixture.manifest([("c2", nil, [Fixture.rule("c2", Fixture.exact("orders_mv"), kind: .index)])]))
        #expect(found.map(\.code) == ["plan.kind-mismatch"])
    }

    @Test("a strategy that does not fit the object's kind is an error")
    func strategyMismatch() throws {
        let found = errors(Fixture.manifest([("c2", nil, [Fixture.rule("c2", Fixture.exact("orders_idx"), strategy: .replace)])]))
        #expect(found.map(\.code) == ["manifest.strategy"])
    }

    @Test("a glob that matches nothing is a warning; unlisted objects are counted")
    func unmatchedGlob() throws {
        let resolution = try resolve(Fixture.manifest([("c2", nil, [
            Fixture.rule("c2", Fixture.glob("nothing_*"), line: 6),
            Fixture.rule("c2", Fixture.exact("orders_mv"), line: 7),
        ])]))
        #expect(resolution.warnings.map(\.code) == ["plan.glob-unmatched"])
        #expect(resolution.warnings.first?.location == Fixture.at(6))
        #expect(resolution.unlisted == 3)
    }

    @Test("unmanaged beats every rule")
    func unmanaged() throws {
        let manifest = Fixture.manifest(
            [("c2", nil, [Fixture.rule("c2", NamePattern(database: .init("materialize"), schema: .init("*"), name: .init("*")))])],
            unmanaged: [Fixture.glob("*", schema: "scratch")]
        )
        let resolution = try resolve(manifest)
        #expect(resolution.placement(of: "u6") == nil)
        #expect(resolution.unmanaged == ["u6"])
        #expect(resolution.placement(of: "u2")?.target == "c2")
    }
}

extension PlacementResolverTests {
    @Test("a glob whose objects are all named exactly is no 'matches nothing' warning")
    func globShadowedByExactNames() throws {
        let resolution = try resolve(Fixture.manifest([("c2", nil, [
            Fixture.rule("c2", Fixture.exact("orders_idx"), line: 3),
            Fixture.rule("c2", Fixture.exact("clicks_idx"), line: 4),
            Fixture.rule("c2", Fixture.glob("*_idx"), kind: .index, line: 5),
        ])]))
        #expect(resolution.warnings.isEmpty)
    }
}
