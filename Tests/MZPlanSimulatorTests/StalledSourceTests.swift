import MZPlanCore
import MZPlanSimulator
import Testing

@Suite struct StalledSourceTests {
    /// `m` reads `fast` (indexed on `b`) and `slow`; on `b` its replacement would start at the
    /// index's since, ahead of `m`'s upper: a `wait` move while `slow` runs.
    static func scenario() throws -> ApplyFixture {
        let t0: UInt64 = 1_764_115_200_000
        let replica = { (id: String) in [CatalogReplica(id: id, name: "r1", size: "100cc", status: "online", oomKills24h: 0)] }
        let snapshot = CatalogSnapshot(
            takenAtMs: t0,
            clusters: [
                CatalogCluster(id: "u1", name: "ingest", managed: true, size: "100cc", replicationFactor: 1, replicas: replica("u1")),
                CatalogCluster(id: "u2", name: "old", managed: true, size: "100cc", replicationFactor: 1, replicas: replica("u2")),
                CatalogCluster(id: "u3", name: "b", managed: true, size: "100cc", replicationFactor: 1, replicas: replica("u3")),
            ],
            objects: [
                CatalogObject(id: "u10", database: "materialize", schema: "public", name: "fast", kind: .source, cluster: "ingest",
                              createSQL: "CREATE SOURCE \"materialize\".\"public\".\"fast\" IN CLUSTER \"ingest\" FROM LOAD GENERATOR COUNTER",
                              sinceMs: t0 - 1000, upperMs: t0, lagMs: 0, hydrated: true, status: "running"),
                CatalogObject(id: "u11", database: "materialize", schema: "public", name: "slow", kind: .source, cluster: "ingest",
                              createSQL: "CREATE SOURCE \"materialize\".\"public\".\"slow\" IN CLUSTER \"ingest\" FROM LOAD GENERATOR AUCTION",
                              sinceMs: t0 - 5000, upperMs: t0 - 2000, lagMs: 2000, hydrated: true, status: "running"),
                CatalogObject(id: "u12", database: "materialize", schema: "public", name: "fast_idx", kind: .index, cluster: "b",
                              createSQL: "CREATE INDEX \"fast_idx\" IN CLUSTER \"b\" ON \"materialize\".\"public\".\"fast\" (\"counter\")",
                              on: "u10", dependsOn: ["u10"], imports: ["u10"], sinceMs: t0 - 1000, upperMs: t0, lagMs: 0, hydrated: true),
                CatalogObject(id: "u13", database: "materialize", schema: "public", name: "m", kind: .materializedView, cluster: "old",
                              createSQL: "CREATE MATERIALIZED VIEW \"materialize\".\"public\".\"m\" IN CLUSTER \"old\" AS SELECT * FROM \"materialize\".\"public\".\"fast\" JOIN \"materialize\".\"public\".\"slow\" ON true",
                              definition: "SELECT * FROM \"materialize\".\"public\".\"fast\" JOIN \"materialize\".\"public\".\"slow\" ON true",
                              dependsOn: ["u10", "u11"], imports: ["u10", "u11"], sinceMs: t0 - 4000, upperMs: t0 - 3000, lagMs: 3000,
                              hydrated: true, hydrationTimeMs: 8000),
            ]
        )
        return try ApplyFixture.make(snapshot: snapshot, manifest: "version: 1\nclusters:\n  b:\n    objects: [m]\n")
    }

    @Test("the move plans as `wait` and, with its source running, cuts over without skipping times", .timeLimit(.minutes(1)))
    func waitsThenCutsOver() async throws {
        let fixture = try Self.scenario()
        #expect(fixture.plan.moves.first?.feasibility == .wait)
        let environment = fixture.environment()
        let report = await ApplyFixture.driver(environment).apply(fixture.plan)
        #expect(report.outcome == .completed, "\(report.message)")
        #expect(environment.checkInvariants(plan: fixture.plan).isEmpty)
        #expect(environment.stalenessMs[fixture.plan.moves[0].object, default: 0] == 0)
    }

    @Test("a source that stalls turns the wait move into a non-cutover with a clear message (exit 3)", .timeLimit(.minutes(1)))
    func stallSkipsCutover() async throws {
        let fixture = try Self.scenario()
        var faults = SimulatorFaults()
        faults.stalledSources = [QualifiedName(database: "materialize", schema: "public", name: "slow")]
        let environment = fixture.environment(faults)
        let events = EventLog()
        let report = await ApplyFixture.driver(environment, events: events).apply(fixture.plan)
        #expect(report.exitStatus == .blocked)
        #expect(report.outcome == .notCutOver)
        let result = try #require(report.moves.first)
        #expect(result.state == .notCutOver)
        #expect(result.reason?.contains("'materialize.public.slow' (stalled)") == true)
        #expect(report.message.contains("skip times"))
        #expect(events.events.contains { $0.warningCode == "frontier-gap" })
        // Not cut over: the view stays where it was, and no times were skipped.
        #expect(environment.checkInvariants(plan: fixture.plan, notCutOver: [result.move.object]).isEmpty)
        #expect(environment.snapshot().objects.first { $0.name == "m" }?.cluster == "old")
    }
}
