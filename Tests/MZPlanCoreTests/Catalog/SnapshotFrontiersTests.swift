import Testing
@testable import MZPlanCore

/// A snapshot's frontiers made ones Materialize could hold at one moment: sealing implied by
/// sealed inputs, uppers no later than their inputs'.
@Suite struct SnapshotFrontiersTests {
    static let now = Fixture.now

    /// `s` runs; `mv` refreshed once and is sealed; `v` is a view over `mv`; `mv2` reads `v`,
    /// `mv2_idx` indexes it; `mixed` reads `mv` and `s`; `cold` reads `mv` but is still
    /// hydrating; `mixed_idx` reports an upper past `mixed`'s.
    static func objects() -> [CatalogObject] {
        var cold = Fixture.object("u17", "cold", .materializedView, cluster: "c1", dependsOn: ["u11"], imports: ["u11"], upper: now - 100)
        cold.hydrated = false
        return [
            Fixture.object("u10", "s", .source, cluster: "ingest", since: now - 5000, upper: now - 100, status: "running"),
            Fixture.object("u11", "mv", .materializedView, cluster: "c1", dependsOn: ["u10"], imports: ["u10"], sealed: true),
            Fixture.object("u12", "v", .view, dependsOn: ["u11"]),
            Fixture.object("u13", "mv2", .materializedView, cluster: "c1", dependsOn: ["u12"], imports: ["u11"], upper: now - 100),
            Fixture.object("u14", "mv2_idx", .index, cluster: "c2", on: "u13", dependsOn: ["u13"], imports: ["u13"], upper: now - 100),
            Fixture.object("u15", "mixed", .materializedView, cluster: "c1", dependsOn: ["u11", "u10"], imports: ["u11", "u10"], upper: now - 500),
            Fixture.object("u16", "mixed_idx", .index, cluster: "c2", on: "u15", dependsOn: ["u15"], imports: ["u15"], upper: now - 10),
            cold,
        ]
    }

    @Test("what reads only sealed collections, through views, is sealed once hydrated; nothing else")
    func sealing() {
        let inferred = SnapshotFrontiers.sealingInferred(Self.objects())
        #expect(inferred.filter(\.sealed).map(\.name) == ["mv", "mv2", "mv2_idx"])
        #expect(inferred.filter(\.sealed).allSatisfy { $0.upperMs == nil })
        #expect(inferred.first { $0.name == "cold" }?.upperMs == Self.now - 100)
    }

    @Test("objects listed before what they read are sealed as well")
    func sealingOutOfOrder() {
        let inferred = SnapshotFrontiers.sealingInferred(Self.objects().reversed())
        #expect(Set(inferred.filter(\.sealed).map(\.name)) == ["mv", "mv2", "mv2_idx"])
    }

    @Test("without a sealed object, or an upper past its inputs', the catalog is left as it is")
    func nothingToChange() {
        let objects = Self.objects().filter { !$0.sealed }
        #expect(SnapshotFrontiers.sealingInferred(objects) == objects)
        let consistent = objects.filter { $0.name != "mixed_idx" }
        #expect(SnapshotFrontiers.normalized(consistent) == consistent)
        #expect(SnapshotFrontiers.normalized(objects) != objects)
    }

    @Test("an upper past its inputs' comes down to the least of them; consistent ones stay")
    func clamping() {
        let normalized = SnapshotFrontiers.normalized(Self.objects())
        let uppers = Dictionary(uniqueKeysWithValues: normalized.map { ($0.name, $0.upperMs) })
        #expect(uppers["mixed_idx"] == Self.now - 500)
        #expect(uppers["mixed"] == Self.now - 500)
        #expect(uppers["s"] == Self.now - 100)
        #expect(uppers["mv2_idx"] == .some(nil))
    }
}
