import Foundation
import MZPlanCore
import MZPlanSimulator
import MZPlanTestSupport
import Testing

/// Blue-green source moves applied in the simulator (SPEC §10.5), on `examples/replication`:
/// the new closure hydrates beside the old one, one transaction of renames cuts over, every name
/// ends where it was, nothing goes stale, and the second ingestion ends with the old source.
@Suite struct SourceBlueGreenApplyTests {
    static func fixture(_ manifest: String? = nil) throws -> ApplyFixture {
        let root = repositoryRoot().appendingPathComponent("examples/replication")
        let snapshot = try CatalogSnapshot.decode([UInt8](Data(contentsOf: root.appendingPathComponent("catalog.json"))), file: "catalog.json")
        let text = try manifest ?? String(contentsOf: root.appendingPathComponent("mzplan.yaml"), encoding: .utf8)
        return try ApplyFixture.make(snapshot: snapshot, manifest: text)
    }

    /// The PostgreSQL source alone, with its sink's recreate allowed.
    static let postgresOnly = """
    version: 1
    clusters:
      ingest_pg: { size: 100cc, objects: [{ name: pg_orders, strategy: blue-green, allow: [sink-recreate] }] }
    """

    /// The PostgreSQL move applied up to its cutover and killed there: every new object is
    /// ready, the rename transaction not sent. Faults are cleared for what follows.
    static func crashedBeforeCutover() async throws -> (fixture: ApplyFixture, rename: Step, environment: SimulatedEnvironment) {
        let fixture = try fixture(postgresOnly)
        let rename = try #require(fixture.plan.steps.first { $0.action == .renameObjects })
        var faults = SimulatorFaults()
        faults.crashAfterStatement = rename.id - 1
        let environment = fixture.environment(faults)
        _ = await ApplyFixture.driver(environment).apply(fixture.plan)
        environment.faults = SimulatorFaults()
        return (fixture, rename, environment)
    }

    /// The names of the objects a catalog has, with their kinds.
    static func names(_ environment: SimulatedEnvironment) -> Set<String> {
        Set(environment.snapshot().objects.map { "\($0.kind.rawValue) \($0.qualifiedName)" })
    }

    @Test("the example applies: every name in place, closures on their clusters, no staleness, one ingestion per upstream")
    func applies() async throws {
        let fixture = try Self.fixture()
        #expect(!fixture.plan.isBlocked)
        let environment = fixture.environment()
        let before = Self.names(environment)
        let events = EventLog()
        let report = await ApplyFixture.driver(environment, events: events).apply(fixture.plan)
        #expect(report.outcome == .completed, "\(report.message)")
        #expect(environment.checkInvariants(plan: fixture.plan).isEmpty, "\(environment.checkInvariants(plan: fixture.plan))")
        #expect(environment.leftovers().isEmpty, "\(environment.leftovers())")
        #expect(Self.names(environment) == before, "every name is back, with its kind")
        let catalog = environment.snapshot()
        #expect(catalog.object(named: QualifiedName(database: "materialize", schema: "public", name: "pg_orders"))?.cluster == "ingest_pg")
        #expect(catalog.object(named: QualifiedName(database: "materialize", schema: "public", name: "customer_spend_idx"))?.cluster == "serving")
        // The new objects have new ids: the old closure is gone, not renamed back.
        let original = fixture.snapshot.object(named: QualifiedName(database: "materialize", schema: "public", name: "customer_spend"))
        #expect(catalog.object(named: QualifiedName(database: "materialize", schema: "public", name: "customer_spend"))?.id != original?.id)
        for name in ["customer_spend", "customer_spend_idx", "engagement", "low_stock", "order_totals"] {
            #expect(environment.stalenessMs[QualifiedName(database: "materialize", schema: "public", name: name)] ?? 0 == 0, "\(name) stayed fresh")
        }
        // One cutover event per transaction, after every new object was ready.
        let cutovers = events.events.filter { $0.name == "cutover" }
        #expect(cutovers.count == 2)
        // Converged: planning again changes nothing.
        let loaded = try ManifestLoader.load([ManifestSource(path: "mzplan.yaml", text: String(contentsOf: repositoryRoot().appendingPathComponent("examples/replication/mzplan.yaml"), encoding: .utf8))])
        let again = try Planner.plan(manifest: loaded.manifest, catalog: catalog).plan
        #expect(again.moves.isEmpty && again.steps.isEmpty)
    }

    @Test("both sources ingest until the cutover; after the drop, one again")
    func doubleIngestionEnds() async throws {
        let (fixture, _, environment) = try await Self.crashedBeforeCutover()
        let sources = environment.snapshot().objects.filter { $0.kind == .source }.map(\.name)
        #expect(sources.contains("pg_orders") && sources.contains("pg_orders_mzplan"))
        // Before the cutover, nothing of the old closure was touched: same ids, clusters and statements.
        for object in fixture.snapshot.objects {
            let now = environment.snapshot().object(named: object.qualifiedName)
            #expect(now?.id == object.id && now?.cluster == object.cluster && now?.createSQL == object.createSQL, "\(object.qualifiedName)")
        }
        environment.faults = SimulatorFaults()
        let resumed = await ApplyFixture.driver(environment).resume()
        #expect(resumed.outcome == .completed, "\(resumed.message)")
        #expect(!environment.snapshot().objects.contains { $0.name.hasSuffix("_mzplan") || $0.name.hasSuffix("_mzplan_old") })
        #expect(environment.checkInvariants(plan: fixture.plan).isEmpty)
    }

    @Test("a crash after every statement, then --resume: same catalog as an uninterrupted apply", .timeLimit(.minutes(2)))
    func crashEverywhere() async throws {
        let fixture = try Self.fixture()
        let clean = fixture.environment()
        _ = await ApplyFixture.driver(clean).apply(fixture.plan)
        let signature = clean.placementSignature()
        #expect(clean.statementsExecuted == fixture.plan.steps.count)
        for k in 1...clean.statementsExecuted {
            let (crashed, resumed, environment, _) = await fixture.crashAndResume(after: k)
            #expect(crashed == .crashed, "crash after \(k)")
            #expect(resumed.outcome == .completed, "crash after \(k): \(resumed.message)")
            #expect(environment.placementSignature() == signature, "crash after \(k)")
            #expect(environment.checkInvariants(plan: fixture.plan).isEmpty, "crash after \(k): \(environment.checkInvariants(plan: fixture.plan))")
            #expect(environment.leftovers().isEmpty, "crash after \(k)")
            #expect(environment.statementsExecuted == clean.statementsExecuted, "crash after \(k): every statement ran once")
        }
    }

    @Test("a dropped connection around the rename transaction: the catalog says whether it committed", .timeLimit(.minutes(1)), arguments: [false, true])
    func connectionDropAtCutover(after: Bool) async throws {
        let fixture = try Self.fixture()
        let clean = fixture.environment()
        _ = await ApplyFixture.driver(clean).apply(fixture.plan)
        for rename in fixture.plan.steps where rename.action == .renameObjects {
            var faults = SimulatorFaults()
            if after { faults.dropConnectionAfterStatement = rename.id } else { faults.dropConnectionBeforeStatement = rename.id }
            let environment = fixture.environment(faults)
            let report = await ApplyFixture.driver(environment).apply(fixture.plan)
            #expect(report.outcome == .completed, "\(report.message)")
            #expect(environment.placementSignature() == clean.placementSignature())
        }
    }

    @Test("--abort before the cutover drops the new closures and leaves the old ones as they were", .timeLimit(.minutes(1)))
    func abortBeforeCutover() async throws {
        let fixture = try Self.fixture(Self.postgresOnly)
        let original = fixture.environment().placementSignature()
        let firstRename = try #require(fixture.plan.steps.first { $0.action == .renameObjects })
        for k in 1..<firstRename.id {
            var faults = SimulatorFaults()
            faults.crashAfterStatement = k
            let environment = fixture.environment(faults)
            _ = await ApplyFixture.driver(environment).apply(fixture.plan)
            environment.faults = SimulatorFaults()
            let report = await ApplyFixture.driver(environment).abort()
            #expect(report.outcome == .aborted, "crash after \(k): \(report.message)")
            #expect(environment.placementSignature() == original, "crash after \(k)")
            #expect(environment.checkInvariants(plan: fixture.plan, notCutOver: Set(fixture.plan.moves.map(\.object))).isEmpty)
        }
    }

    @Test("a rename transaction that started but did not commit can still be aborted")
    func abortAfterRefusedCutover() async throws {
        let (fixture, rename, environment) = try await Self.crashedBeforeCutover()
        let original = fixture.environment().placementSignature()
        // The journal says the transaction started; the catalog says it changed nothing.
        try await environment.appendJournal(JournalEntry(planFingerprint: fixture.plan.fingerprint, stepID: rename.id, action: rename.action.rawValue, status: .started, atMs: environment.timeMs, detail: ""))
        environment.faults = SimulatorFaults()
        let report = await ApplyFixture.driver(environment).abort()
        #expect(report.outcome == .aborted, "\(report.message)")
        #expect(environment.placementSignature() == original)
    }

    @Test("an object created on the old closure during the apply is not dropped with it: the drop waits, saying why")
    func retiredClosureInUse() async throws {
        let (fixture, _, environment) = try await Self.crashedBeforeCutover()
        // Someone builds on the old view while the new closure hydrates.
        environment.faults = SimulatorFaults()
        try await environment.execute(#"CREATE VIEW "materialize"."public"."mine" AS SELECT "customer" FROM "materialize"."public"."customer_spend""#, timeoutMs: nil)
        let events = EventLog()
        let resumed = await ApplyFixture.driver(environment, events: events).resume()
        #expect(resumed.outcome != .completed, "\(resumed.message)")
        let drop = try #require(fixture.plan.steps.first { $0.action == .dropRetired })
        let warning = try #require(events.events.first { $0.name == "warning" && $0.step == drop.id })
        guard case .warning(let code, let message) = warning.kind else { return }
        #expect(code == "retired-in-use")
        #expect(message.contains("'materialize.public.mine' now reads the retired objects"), "\(message)")
        let names = Set(environment.snapshot().objects.map(\.name))
        #expect(names.contains("mine") && names.contains("pg_orders_mzplan_old"), "nothing was dropped")
    }

    @Test("--abort after the cutover refuses and --resume finishes")
    func abortAfterCutover() async throws {
        let fixture = try Self.fixture(Self.postgresOnly)
        let rename = try #require(fixture.plan.steps.first { $0.action == .renameObjects })
        var faults = SimulatorFaults()
        faults.crashAfterStatement = rename.id
        let environment = fixture.environment(faults)
        _ = await ApplyFixture.driver(environment).apply(fixture.plan)
        environment.faults = SimulatorFaults()
        let refused = await ApplyFixture.driver(environment).abort()
        #expect(refused.exitStatus == .failure && refused.message.contains("--resume"), "\(refused.message)")
        let resumed = await ApplyFixture.driver(environment).resume()
        #expect(resumed.outcome == .completed, "\(resumed.message)")
        #expect(environment.leftovers().isEmpty)
    }
}

/// The simulator's model of what a blue-green move relies on: renames as Materialize does them,
/// DDL-only transactions, and ingestions of one upstream.
@Suite struct SimulatorRenameTests {
    static func environment() throws -> SimulatedEnvironment {
        try SourceBlueGreenApplyTests.fixture().environment()
    }

    static let catalog = QualifiedName(database: "materialize", schema: "public", name: "")

    @Test("a rename rewrites the stored queries, indexes and sinks that read the item")
    func renameRewritesReaders() async throws {
        let environment = try Self.environment()
        try await environment.execute(#"ALTER VIEW "materialize"."public"."order_totals" RENAME TO "totals""#, timeoutMs: nil)
        let spend = try #require(environment.snapshot().object(named: Self.catalog.renamed("customer_spend")))
        #expect(spend.createSQL?.contains(#"[u13 AS "materialize"."public"."totals"]"#) == true, "\(spend.createSQL ?? "")")
        try await environment.execute(#"ALTER MATERIALIZED VIEW "materialize"."public"."customer_spend" RENAME TO "spend""#, timeoutMs: nil)
        let index = try #require(environment.snapshot().object(named: Self.catalog.renamed("customer_spend_idx")))
        #expect(index.createSQL?.contains(#"ON [u14 AS "materialize"."public"."spend"]"#) == true, "\(index.createSQL ?? "")")
        let engagement = try #require(environment.snapshot().object(named: Self.catalog.renamed("engagement")))
        #expect(engagement.createSQL?.contains(#"[u14 AS "materialize"."public"."spend"] AS "s""#) == true)
    }

    @Test("a rename Materialize finds ambiguous is refused with its message, and nothing changes")
    func ambiguousRenameRefused() async throws {
        let environment = try Self.environment()
        let before = environment.placementSignature()
        // customer_spend's own query selects its column "customer": that name is taken.
        let error = await #expect(throws: ApplyTargetError.self) {
            try await environment.execute(#"ALTER MATERIALIZED VIEW "materialize"."public"."customer_spend" RENAME TO "customer""#, timeoutMs: nil)
        }
        #expect(error?.message.contains(#"renaming conflict: in materialize.public.customer_spend, which uses materialize.public.customer_spend, found reference to "customer""#) == true, "\(error?.message ?? "")")
        #expect(environment.placementSignature() == before)
    }

    @Test("a transaction is all or nothing, and takes only renames and swaps")
    func transactionAtomic() async throws {
        let environment = try Self.environment()
        let before = environment.placementSignature()
        await #expect(throws: ApplyTargetError.self) {
            try await environment.executeTransaction([
                #"ALTER VIEW "materialize"."public"."order_totals" RENAME TO "totals""#,
                #"ALTER VIEW "materialize"."public"."no_such_view" RENAME TO "x""#,
            ], timeoutMs: nil)
        }
        #expect(environment.placementSignature() == before, "the first rename was rolled back")
        await #expect(throws: ApplyTargetError.self) {
            try await environment.executeTransaction([#"DROP VIEW "materialize"."public"."order_totals""#], timeoutMs: nil)
        }
        try await environment.executeTransaction([
            #"ALTER VIEW "materialize"."public"."order_totals" RENAME TO "totals""#,
            #"ALTER VIEW "materialize"."public"."totals" RENAME TO "order_totals_2""#,
        ], timeoutMs: nil)
        #expect(environment.snapshot().object(named: Self.catalog.renamed("order_totals_2")) != nil)
    }

    @Test("two sources may ingest one upstream; one left behind after an apply is a violation")
    func ingestionLeak() async throws {
        let fixture = try SourceBlueGreenApplyTests.fixture()
        let environment = fixture.environment()
        try await environment.execute(#"CREATE SOURCE "materialize"."public"."kafka_events_mzplan" IN CLUSTER "ingest" FROM KAFKA CONNECTION "materialize"."public"."kafka_conn" (TOPIC = 'shop.events') FORMAT JSON ENVELOPE NONE"#, timeoutMs: nil)
        #expect(environment.violations.isEmpty, "a second consumer of one topic is allowed")
        let empty = Plan(fingerprint: "", summary: PlanSummary())
        let found = environment.checkInvariants(plan: empty)
        #expect(found.contains { $0.message.contains("2 ingestions after the apply, 1 before") }, "\(found)")
        // While the move of that source is not cut over, its second ingestion is expected.
        #expect(environment.checkInvariants(plan: empty, notCutOver: [Self.catalog.renamed("kafka_events")]).allSatisfy { !$0.message.contains("ingestions") })
        #expect(environment.checkInvariants(plan: empty, notCutOver: [Self.catalog.renamed("other")]).contains { $0.message.contains("ingestions") })
    }
}
