import Testing
@testable import MZPlanCore

/// The reader builds each object's position by id while it checks that ids are unique, and the
/// graph takes it instead of building it again. It must never outlive a change to the objects.
@Suite struct SnapshotPositionsTests {
    static let catalog = CatalogSnapshot(
        clusters: [Fixture.cluster("u1", "c")],
        objects: [
            Fixture.object("u10", "src", .source, cluster: "c"),
            Fixture.object("u11", "mv", .materializedView, cluster: "c", dependsOn: ["u10"]),
            Fixture.object("u12", "idx", .index, cluster: "c", on: "u11"),
        ]
    )

    static func decoded() throws -> CatalogSnapshot {
        try CatalogSnapshot.decode(Array(catalog.encode().utf8), file: "c.json")
    }

    @Test("a read snapshot knows each object's position; one built in code does not")
    func known() throws {
        #expect(try Self.decoded().knownPositions == ["u10": 0, "u11": 1, "u12": 2])
        #expect(Self.catalog.knownPositions == nil)
    }

    @Test("any change to the objects forgets the positions")
    func forgotten() throws {
        var appended = try Self.decoded()
        appended.objects.append(Fixture.object("u13", "v", .view))
        #expect(appended.knownPositions == nil)
        var changed = try Self.decoded()
        changed.objects[1].sealed = true
        #expect(changed.knownPositions == nil)
        var reordered = try Self.decoded()
        reordered.objects.reverse()
        #expect(reordered.knownPositions == nil)
        // The graph then finds each object where it now is.
        let graph = try CatalogGraph(reordered)
        #expect(graph.position(of: "u10") == 2)
        #expect(graph.object("u12")?.name == "idx")
    }

    @Test("objects replaced with the same ids in place keep the positions; the graph uses them")
    func kept() throws {
        var snapshot = try Self.decoded()
        snapshot.replaceObjects(keepingPositions: SnapshotFrontiers.sealingInferred(snapshot.objects))
        #expect(snapshot.knownPositions == ["u10": 0, "u11": 1, "u12": 2])
        let graph = try CatalogGraph(snapshot)
        #expect(graph.position(of: "u11") == 1)
        #expect(graph.dependents(of: "u11").map(\.id) == ["u12"])
    }

    @Test("known positions are not part of the snapshot's value")
    func notPartOfTheValue() throws {
        let decoded = try Self.decoded()
        #expect(decoded == Self.catalog)
        #expect(Set([decoded, Self.catalog]).count == 1)
    }
}
