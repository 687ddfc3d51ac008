import MZPlanCore
import MZPlanSimulator
import Testing

/// Snapshots read `mz_frontiers` as the controllers last reported them: an index can show an
/// upper past its view's, and an index over a sealed view an upper that still moves. The
/// simulator starts from frontiers Materialize could hold at one moment (``SnapshotFrontiers``),
/// so an index move over such a view completes instead of waiting forever for a stand-in to
/// catch up with an original that is ahead of what it reads.
@Suite struct SkewedSnapshotTests {
    static let t0: UInt64 = 1_764_115_200_000

    /// Source `s` (stalled when `stalled`), view `m` over it on `compute` (`sealed`: it refreshed
    /// once, at a given time), index `m_idx` on `serve` reporting an upper 300 ms past `m`'s; the
    /// manifest moves the index to `b`.
    static func scenario(stalled: Bool, sealed: Bool) throws -> ApplyFixture {
        let replica = { (id: String) in [CatalogReplica(id: id, name: "r1", size: "100cc", status: "online", oomKills24h: 0)] }
        let refresh = sealed ? " WITH (REFRESH = AT 1764000000000)" : ""
        let snapshot = CatalogSnapshot(
            takenAtMs: t0,
            clusters: [
                CatalogCluster(id: "u1", name: "ingest", managed: true, size: "100cc", replicationFactor: 1, replicas: replica("u1")),
                CatalogCluster(id: "u2", name: "compute", managed: true, size: "100cc", replicationFactor: 1, replicas: replica("u2")),
                CatalogCluster(id: "u3", name: "serve", managed: true, size: "100cc", replicationFactor: 1, replicas: replica("u3")),
                CatalogCluster(id: "u4", name: "b", managed: true, size: "100cc", replicationFactor: 1, replicas: replica("u4")),
            ],
            objects: [
                CatalogObject(id: "u10", database: "materialize", schema: "public", name: "s", kind: .source, cluster: "ingest",
                              createSQL: "CREATE SOURCE \"materialize\".\"public\".\"s\" IN CLUSTER \"ingest\" FROM LOAD GENERATOR COUNTER",
                              sinceMs: t0 - 1400, upperMs: t0 - 400, lagMs: 400, hydrated: true, status: stalled ? "stalled" : "running"),
                CatalogObject(id: "u11", database: "materialize", schema: "public", name: "m", kind: .materializedView, cluster: "compute",
                              createSQL: "CREATE MATERIALIZED VIEW \"materialize\".\"public\".\"m\" IN CLUSTER \"compute\"\(refresh) AS SELECT * FROM \"materialize\".\"public\".\"s\"",
                              definition: "SELECT * FROM \"materialize\".\"public\".\"s\"",
                              dependsOn: ["u10"], imports: ["u10"], sinceMs: t0 - 1400, upperMs: sealed ? nil : t0 - 400, lagMs: 400,
                              hydrated: true, hydrationTimeMs: 8000, sealed: sealed),
                CatalogObject(id: "u12", database: "materialize", schema: "public", name: "m_idx", kind: .index, cluster: "serve",
                              createSQL: "CREATE INDEX \"m_idx\" IN CLUSTER \"serve\" ON \"materialize\".\"public\".\"m\" (\"counter\")",
                              on: "u11", dependsOn: ["u11"], imports: ["u11"], sinceMs: t0 - 1100, upperMs: t0 - 100, lagMs: 100,
                              hydrated: true, hydrationTimeMs: 5000),
            ]
        )
        return try ApplyFixture.make(snapshot: snapshot, manifest: "version: 1\nclusters:\n  b:\n    objects: [m_idx]\n", allow: [.indexLocality])
    }

    static func index(_ environment: SimulatedEnvironment, on cluster: String) throws -> CatalogObject {
        try #require(environment.snapshot().objects.first { $0.kind == .index && $0.cluster == cluster })
    }

    @Test("an index reported ahead of its view, whose source stalled, starts at the view's upper and its move completes", .timeLimit(.minutes(1)))
    func aheadOfItsInput() async throws {
        let fixture = try Self.scenario(stalled: true, sealed: false)
        let environment = fixture.environment()
        #expect(try Self.index(environment, on: "serve").upperMs == Self.t0 - 400)
        let report = await ApplyFixture.driver(environment, timeoutMs: 6 * 3_600_000).apply(fixture.plan)
        #expect(report.outcome == .completed, "\(report.message)")
        #expect(environment.checkInvariants(plan: fixture.plan).isEmpty)
        #expect(try Self.index(environment, on: "b").upperMs == Self.t0 - 400)
    }

    @Test("an index over a sealed view is sealed, and so is its stand-in once hydrated: the move completes", .timeLimit(.minutes(1)))
    func overASealedView() async throws {
        let fixture = try Self.scenario(stalled: false, sealed: true)
        let environment = fixture.environment()
        let original = try Self.index(environment, on: "serve")
        #expect(original.sealed && original.upperMs == nil)
        let report = await ApplyFixture.driver(environment, timeoutMs: 6 * 3_600_000).apply(fixture.plan)
        #expect(report.outcome == .completed, "\(report.message)")
        #expect(environment.checkInvariants(plan: fixture.plan).isEmpty)
        let moved = try Self.index(environment, on: "b")
        #expect(moved.sealed && moved.upperMs == nil)
    }

    @Test("a consistent snapshot keeps its frontiers", .timeLimit(.minutes(1)))
    func consistentUnchanged() throws {
        let fixture = try Self.scenario(stalled: false, sealed: false)
        var consistent = fixture.snapshot
        consistent.objects[2].upperMs = Self.t0 - 400
        let environment = SimulatedEnvironment(consistent)
        #expect(environment.snapshot().objects.map(\.upperMs) == consistent.objects.map(\.upperMs))
        #expect(environment.snapshot().objects.map(\.sealed) == [false, false, false])
    }
}
