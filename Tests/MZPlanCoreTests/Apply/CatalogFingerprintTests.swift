import Testing
@testable import MZPlanCore

/// The catalog half of a plan's fingerprint.
@Suite struct CatalogFingerprintTests {
    var catalog: CatalogSnapshot {
        CatalogSnapshot(
            takenAtMs: Fixture.now,
            clusters: [Fixture.cluster("u1", "c")],
            objects: [Fixture.object("u10", "mv", .materializedView, cluster: "c"), Fixture.object("u11", "idx", .index, cluster: "c", on: "u10")]
        )
    }

    @Test("frontiers and time do not change it; a name, a cluster or the SQL does")
    func sensitivity() {
        let base = CatalogFingerprint.compute(catalog)
        var later = catalog
        later.takenAtMs = Fixture.now + 60_000
        later.objects[0].upperMs = 42
        #expect(CatalogFingerprint.compute(later) == base)
        var renamed = catalog
        renamed.objects[1].name = "idx2"
        #expect(CatalogFingerprint.compute(renamed) != base)
        var moved = catalog
        moved.objects[0].cluster = "d"
        #expect(CatalogFingerprint.compute(moved) != base)
    }

    @Test("a raised cancellation stops the hash with no value; an unraised one changes nothing")
    func cancellation() {
        let raised = CancellationFlag()
        raised.raise()
        #expect(CatalogFingerprint.compute(catalog, cancellation: raised) == "")
        #expect(CatalogFingerprint.compute(catalog, cancellation: CancellationFlag()) == CatalogFingerprint.compute(catalog))
    }
}
