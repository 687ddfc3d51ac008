import MZPlanCore
import MZPlanSimulator
import Testing

@Suite struct SimulatorModelTests {
    static let t0: UInt64 = 1_764_115_200_000

    /// One source `s` on `ingest`, an MV `m` on `old` reading it with `lag`, an index `m_idx` on `m`, and an empty `b`.
    static func environment(lag: UInt64 = 500, faults: SimulatorFaults = SimulatorFaults()) -> SimulatedEnvironment {
        let replica = { (id: String) in [CatalogReplica(id: id, name: "r1", size: "100cc", status: "online", oomKills24h: 0)] }
        return SimulatedEnvironment(CatalogSnapshot(
            takenAtMs: t0,
            clusters: ["ingest", "old", "b"].enumerated().map { CatalogCluster(id: "u\($0.offset + 1)", name: $0.element, managed: true, size: "100cc", replicationFactor: 1, replicas: replica("u\($0.offset + 1)")) },
            objects: [
                CatalogObject(id: "u10", database: "materialize", schema: "public", name: "s", kind: .source, cluster: "ingest",
                              createSQL: "CREATE SOURCE \"materialize\".\"public\".\"s\" IN CLUSTER \"ingest\" FROM LOAD GENERATOR COUNTER",
                              sinceMs: t0 - 1000, upperMs: t0, lagMs: 0, hydrated: true, status: "running"),
                CatalogObject(id: "u11", database: "materialize", schema: "public", name: "m", kind: .materializedView, cluster: "old",
                              dependsOn: ["u10"], imports: ["u10"], sinceMs: t0 - lag - 1000, upperMs: t0 - lag, lagMs: lag, hydrated: true, hydrationTimeMs: 10_000),
                CatalogObject(id: "u12", database: "materialize", schema: "public", name: "m_idx", kind: .index, cluster: "old",
                              on: "u11", dependsOn: ["u11"], imports: ["u11"], sinceMs: t0 - lag - 1000, upperMs: t0 - lag, lagMs: lag, hydrated: true, hydrationTimeMs: 4000),
            ]
        ), faults: faults)
    }

    static func name(_ text: String) -> QualifiedName { QualifiedName(database: "materialize", schema: "public", name: text) }

    static func object(_ environment: SimulatedEnvironment, _ name: String) -> CatalogObject? {
        environment.snapshot().objects.first { $0.name == name }
    }

    @Test("statements the planner does not emit are rejected like a server would", arguments: [
        "SELECT 1",
        "DROP TABLE \"materialize\".\"public\".\"s\"",
        "CREATE INDEX \"x\" IN CLUSTER \"nowhere\" ON \"materialize\".\"public\".\"m\" (\"a\")",
        "CREATE INDEX \"x\" IN CLUSTER \"b\" ON \"materialize\".\"public\".\"missing\" (\"a\")",
        "DROP INDEX \"materialize\".\"public\".\"m\"",
        "ALTER MATERIALIZED VIEW \"materialize\".\"public\".\"m\" APPLY REPLACEMENT \"materialize\".\"public\".\"m_idx\"",
        "CREATE CLUSTER \"old\" (SIZE = '100cc')",
        "DROP CLUSTER \"old\"",
        "DROP SOURCE \"materialize\".\"public\".\"s\"",
        "CREATE INDEX \"x\" IN CLUSTER \"b\" ON \"materialize\".\"public\".\"m\" (\"a\") trailing",
        "CREATE CLUSTER \"unterminated (SIZE = '100cc')",
    ])
    func rejects(sql: String) async {
        let environment = Self.environment()
        let before = environment.placementSignature()
        await #expect(throws: ApplyTargetError.self) { try await environment.execute(sql, timeoutMs: nil) }
        #expect(environment.placementSignature() == before)
    }

    @Test("hydration takes hydration_time_ms, stretched by the dataflows hydrating at once on the cluster", .timeLimit(.minutes(1)))
    func hydrationStretches() async throws {
        let environment = Self.environment()
        try await environment.execute("CREATE INDEX \"a\" IN CLUSTER \"b\" ON \"materialize\".\"public\".\"m\" (\"x\")", timeoutMs: nil)
        environment.advance(to: Self.t0 + 9_999)
        #expect(Self.object(environment, "a")?.hydrated == false)
        environment.advance(to: Self.t0 + 10_000)
        #expect(Self.object(environment, "a")?.hydrated == true)
        try await environment.execute("CREATE INDEX \"b1\" IN CLUSTER \"b\" ON \"materialize\".\"public\".\"m\" (\"x\")", timeoutMs: nil)
        try await environment.execute("CREATE INDEX \"b2\" IN CLUSTER \"b\" ON \"materialize\".\"public\".\"m\" (\"y\")", timeoutMs: nil)
        environment.advance(to: Self.t0 + 10_000 + 19_000)
        #expect(Self.object(environment, "b1")?.hydrated == false)
        environment.advance(to: Self.t0 + 10_000 + 20_000)
        #expect(Self.object(environment, "b1")?.hydrated == true)
        #expect(Self.object(environment, "b2")?.hydrated == true)
    }

    @Test("uppers advance with the clock minus lag; since is upper minus retention unless held", .timeLimit(.minutes(1)))
    func frontiers() async {
        let environment = Self.environment(lag: 500)
        environment.advance(to: Self.t0 + 5000)
        let view = Self.object(environment, "m")
        #expect(view?.upperMs == Self.t0 + 4500)
        #expect(view?.sinceMs == Self.t0 + 3500)
        // The source is imported by m's running dataflow: held at or below m's upper.
        #expect((Self.object(environment, "s")?.sinceMs ?? .max) <= Self.t0 + 4000)
    }

    @Test("a dataflow that is not hydrated and came without an upper keeps the one the first tick gives it", .timeLimit(.minutes(1)))
    func uppersSettleOnFirstTick() async throws {
        let replica = [CatalogReplica(id: "u9", name: "r1", size: "100cc", status: "offline", oomKills24h: 0)]
        let environment = SimulatedEnvironment(CatalogSnapshot(
            takenAtMs: Self.t0,
            clusters: [CatalogCluster(id: "u1", name: "down", managed: true, size: "100cc", replicationFactor: 1, replicas: replica)],
            objects: [
                CatalogObject(id: "u10", database: "materialize", schema: "public", name: "t", kind: .table,
                              createSQL: "CREATE TABLE \"materialize\".\"public\".\"t\" (\"a\" int4)", sinceMs: Self.t0 - 1000, upperMs: Self.t0),
                CatalogObject(id: "u11", database: "materialize", schema: "public", name: "m", kind: .materializedView, cluster: "down",
                              dependsOn: ["u10"], imports: ["u10"], lagMs: 0, hydrated: false, hydrationTimeMs: 10_000),
            ]
        ))
        environment.advance(to: Self.t0 + 1000)
        let probe = ReadinessProbe(object: Self.name("m"), standsInFor: nil, cluster: "down", condition: .ready, mirrorsOriginal: false)
        for later in [Self.t0 + 5000, Self.t0 + 60_000] {
            environment.advance(to: later)
            let sample = try #require(try await environment.readiness([probe]).first)
            #expect(sample.upperMs == Self.t0 + 1000)
            #expect(Self.object(environment, "m")?.upperMs == Self.t0 + 1000)
        }
    }

    @Test("a poll reports the since and upper the frontier pass gives each object (held by readers, at an as_of)", .timeLimit(.minutes(1)))
    func pollFrontiersMatchThePass() async throws {
        let environment = Self.environment(lag: 3000)
        try await environment.execute("CREATE INDEX \"s_idx\" IN CLUSTER \"b\" ON \"materialize\".\"public\".\"s\" (\"x\")", timeoutMs: nil)
        environment.advance(to: Self.t0 + 20_000)
        try await environment.execute("CREATE REPLACEMENT MATERIALIZED VIEW \"materialize\".\"public\".\"m_new\" FOR \"materialize\".\"public\".\"m\" IN CLUSTER \"b\" AS SELECT * FROM \"materialize\".\"public\".\"s\"", timeoutMs: nil)
        let probes = ["s", "m", "m_idx", "s_idx", "m_new"].map { ReadinessProbe(object: Self.name($0), standsInFor: nil, cluster: nil, condition: .ready) }
        for later in [Self.t0 + 21_000, Self.t0 + 45_000] {
            // Polled while the frontiers are stale (computed for the probes only), then the pass.
            environment.advance(to: later)
            let samples = try await environment.readiness(probes)
            let snapshot = environment.snapshot()
            for sample in samples {
                let object = try #require(snapshot.objects.first { $0.qualifiedName == sample.object })
                #expect(sample.sinceMs == object.sinceMs, "since of \(sample.object) at \(later)")
                #expect(sample.upperMs == object.upperMs, "upper of \(sample.object) at \(later)")
            }
        }
        // The source's since is held back by m, which imports it and lags 3 s behind it.
        let source = try #require(Self.object(environment, "s"))
        #expect(source.sinceMs == Self.object(environment, "m")?.upperMs)
        #expect(source.sinceMs! < source.upperMs! - 1000)
    }

    @Test("a new dataflow's upper starts at its as_of and stays there when an input it reads has stopped", .timeLimit(.minutes(1)))
    func upperStartsAtAsOf() async throws {
        let replica = { (id: String) in [CatalogReplica(id: id, name: "r1", size: "100cc", status: "online", oomKills24h: 0)] }
        let source = { (id: String, name: String) in
            CatalogObject(id: id, database: "materialize", schema: "public", name: name, kind: .source, cluster: "ingest",
                          createSQL: "CREATE SOURCE \"materialize\".\"public\".\"\(name)\" IN CLUSTER \"ingest\" FROM LOAD GENERATOR COUNTER",
                          sinceMs: Self.t0 - 1000, upperMs: Self.t0, lagMs: 0, hydrated: true, status: "running")
        }
        var faults = SimulatorFaults()
        faults.stalledSources = [Self.name("stopped")]
        let environment = SimulatedEnvironment(CatalogSnapshot(
            takenAtMs: Self.t0,
            clusters: ["ingest", "b"].enumerated().map { CatalogCluster(id: "u\($0.offset + 1)", name: $0.element, managed: true, size: "100cc", replicationFactor: 1, replicas: replica("u\($0.offset + 1)")) },
            objects: [
                source("u10", "moving"), source("u11", "stopped"),
                CatalogObject(id: "u12", database: "materialize", schema: "public", name: "v", kind: .view,
                              createSQL: "CREATE VIEW \"materialize\".\"public\".\"v\" AS SELECT * FROM \"materialize\".\"public\".\"moving\", \"materialize\".\"public\".\"stopped\"",
                              dependsOn: ["u10", "u11"]),
            ]
        ), faults: faults)
        environment.advance(to: Self.t0 + 600_000)
        // Its as_of will be the moving source's since, far past where the stopped one stands.
        let asOf = try #require(Self.object(environment, "moving")?.sinceMs)
        #expect(asOf > (Self.object(environment, "stopped")?.upperMs ?? .max))
        try await environment.execute("CREATE INDEX \"v_idx\" IN CLUSTER \"b\" ON \"materialize\".\"public\".\"v\" (\"x\")", timeoutMs: nil)
        // Hydrated with nothing read in between: its frontier does not go back to the stopped input's.
        environment.advance(to: Self.t0 + 2_000_000)
        let index = try #require(Self.object(environment, "v_idx"))
        #expect(index.hydrated == true)
        #expect(index.upperMs == asOf)
    }

    @Test("APPLY REPLACEMENT blocks until the view's upper reaches the replacement's as_of", .timeLimit(.minutes(1)))
    func replacementBlocks() async throws {
        let environment = Self.environment(lag: 3000)
        // On b the replacement reads s's storage, held by m: its as_of is behind m's upper, so make b read an index on s instead.
        try await environment.execute("CREATE INDEX \"s_idx\" IN CLUSTER \"b\" ON \"materialize\".\"public\".\"s\" (\"x\")", timeoutMs: nil)
        environment.advance(to: Self.t0 + 20_000)
        try await environment.execute("CREATE REPLACEMENT MATERIALIZED VIEW \"materialize\".\"public\".\"m_new\" FOR \"materialize\".\"public\".\"m\" IN CLUSTER \"b\" AS SELECT * FROM \"materialize\".\"public\".\"s\"", timeoutMs: nil)
        let asOf = try #require(Self.object(environment, "m_new")?.sinceMs)
        #expect(asOf > Self.object(environment, "m")!.upperMs!)
        let before = environment.timeMs
        try await environment.execute("ALTER MATERIALIZED VIEW \"materialize\".\"public\".\"m\" APPLY REPLACEMENT \"materialize\".\"public\".\"m_new\"", timeoutMs: nil)
        #expect(environment.timeMs > before)
        #expect(Self.object(environment, "m")?.cluster == "b")
        #expect(Self.object(environment, "m_new") == nil)
        #expect(environment.violations.isEmpty)
    }

    @Test("a blocking APPLY REPLACEMENT ends only when cancelled at its deadline (no 57014: statement_timeout does not bound it)", .timeLimit(.minutes(1)))
    func replacementTimeout() async throws {
        var faults = SimulatorFaults()
        faults.stalledSources = [QualifiedName(database: "materialize", schema: "public", name: "s")]
        let environment = Self.environment(lag: 3000, faults: faults)
        try await environment.execute("CREATE INDEX \"s_idx\" IN CLUSTER \"b\" ON \"materialize\".\"public\".\"s\" (\"x\")", timeoutMs: nil)
        try await environment.execute("CREATE REPLACEMENT MATERIALIZED VIEW \"materialize\".\"public\".\"m_new\" FOR \"materialize\".\"public\".\"m\" IN CLUSTER \"b\" AS SELECT * FROM \"materialize\".\"public\".\"s\"", timeoutMs: nil)
        environment.advance(to: Self.t0 + 1)
        if (Self.object(environment, "m_new")?.sinceMs ?? 0) > (Self.object(environment, "m")?.upperMs ?? 0) {
            await #expect(throws: ApplyTargetError(.timedOut, message: "APPLY REPLACEMENT cancelled at its deadline: 'materialize.public.m' had not reached its replacement's start \(Self.object(environment, "m_new")!.sinceMs!)")) {
                try await environment.execute("ALTER MATERIALIZED VIEW \"materialize\".\"public\".\"m\" APPLY REPLACEMENT \"materialize\".\"public\".\"m_new\"", timeoutMs: 5000)
            }
        } else {
            Issue.record("the scenario should put the replacement's as_of beyond the stalled view's upper")
        }
    }

    @Test("a native SET CLUSTER whose as_of is beyond the view's upper records a gap", .timeLimit(.minutes(1)))
    func nativeGap() async throws {
        let environment = Self.environment(lag: 3000)
        try await environment.execute("CREATE INDEX \"s_idx\" IN CLUSTER \"b\" ON \"materialize\".\"public\".\"s\" (\"x\")", timeoutMs: nil)
        environment.advance(to: Self.t0 + 20_000)
        try await environment.execute("ALTER MATERIALIZED VIEW \"materialize\".\"public\".\"m\" SET CLUSTER \"b\"", timeoutMs: nil)
        #expect(environment.violations.contains { $0.message.contains("skipped times") })
    }

    @Test("dropping an index before the index replacing it is hydrated is a violation", .timeLimit(.minutes(1)))
    func earlyIndexDrop() async throws {
        let environment = Self.environment()
        try await environment.execute("CREATE INDEX \"m_idx_mzplan\" IN CLUSTER \"b\" ON \"materialize\".\"public\".\"m\" (\"x\")", timeoutMs: nil)
        try await environment.execute("DROP INDEX \"materialize\".\"public\".\"m_idx\"", timeoutMs: nil)
        #expect(environment.violations.contains { $0.message.contains("before the index replacing it was ready") })
    }

    @Test("a second source of one upstream may run beside the first; left running after an apply, it is a violation", .timeLimit(.minutes(1)))
    func twoIngestions() async throws {
        let environment = Self.environment()
        try await environment.execute("CREATE SOURCE \"materialize\".\"public\".\"s_mzplan\" IN CLUSTER \"b\" FROM LOAD GENERATOR COUNTER", timeoutMs: nil)
        #expect(environment.violations.isEmpty, "a blue-green move runs both until its cutover")
        let plan = Plan(fingerprint: "", summary: PlanSummary())
        #expect(environment.checkInvariants(plan: plan).contains { $0.message.contains("2 ingestions after the apply, 1 before") })
        try await environment.execute("DROP SOURCE \"materialize\".\"public\".\"s_mzplan\"", timeoutMs: nil)
        #expect(environment.checkInvariants(plan: plan).isEmpty)
    }

    @Test("another source reading the same upstream is a second consumer, not a violation while it runs", .timeLimit(.minutes(1)))
    func secondConsumer() async throws {
        let environment = Self.environment()
        try await environment.execute("CREATE SOURCE \"materialize\".\"public\".\"s2\" IN CLUSTER \"b\" FROM LOAD GENERATOR COUNTER", timeoutMs: nil)
        #expect(environment.violations.isEmpty)
    }

    @Test("a source created from the planner's plain form is recognized as the same ingestion as the snapshot's resolved form", .timeLimit(.minutes(1)))
    func sameIngestionAcrossForms() async throws {
        let environment = try ApplyFixture.shop().environment()
        let plan = Plan(fingerprint: "", summary: PlanSummary())
        try await environment.execute("CREATE SOURCE \"materialize\".\"public\".\"kafka_clicks_mzplan\" IN CLUSTER \"ingest\" FROM KAFKA CONNECTION \"materialize\".\"public\".\"kafka_conn\" (TOPIC = 'shop.clicks') FORMAT JSON ENVELOPE NONE", timeoutMs: nil)
        let found = environment.checkInvariants(plan: plan)
        #expect(found.contains { $0.message.contains("'materialize.public.kafka_clicks', 'materialize.public.kafka_clicks_mzplan' ingest one upstream") }, "\(found)")
        try await environment.execute("CREATE SOURCE \"materialize\".\"public\".\"kafka_clicks_mzplan_2\" IN CLUSTER \"ingest\" FROM KAFKA CONNECTION \"materialize\".\"public\".\"kafka_conn\" (TOPIC = 'shop.other') FORMAT JSON ENVELOPE NONE", timeoutMs: nil)
        #expect(environment.checkInvariants(plan: plan).count == found.count, "a source of another topic is no second ingestion")
    }

    @Test("a crash after a statement keeps its effect; a drop before it has none", .timeLimit(.minutes(1)))
    func faultTiming() async throws {
        var faults = SimulatorFaults()
        faults.dropConnectionBeforeStatement = 1
        faults.crashAfterStatement = 2
        let environment = Self.environment(faults: faults)
        let sql = "CREATE INDEX \"a\" IN CLUSTER \"b\" ON \"materialize\".\"public\".\"m\" (\"x\")"
        await #expect(throws: ApplyTargetError.self) { try await environment.execute(sql, timeoutMs: nil) }
        #expect(Self.object(environment, "a") == nil)
        await #expect(throws: ApplyTargetError.self) { try await environment.execute(sql, timeoutMs: nil) }
        #expect(Self.object(environment, "a") != nil)
    }
}
