import Foundation
import MZPlanTestSupport
import Testing
@testable import MZPlanCore

/// Cluster resizes (SPEC §10.1): the strategy `auto` picks, the statements of each strategy, the
/// downtime estimate, and the plans that must not be made.
@Suite struct ResizeTests {
    static func shop() throws -> CatalogSnapshot {
        try CatalogSnapshot.decode([UInt8](Data(contentsOf: fixtureURL("../../../examples/shop/catalog.json"))), file: "catalog.json")
    }

    static func plan(_ fixture: String, catalog: CatalogSnapshot? = nil, allow: [HazardCode] = []) throws -> Planner.Result {
        let bytes = try [UInt8](Data(contentsOf: fixtureURL("resize/\(fixture).yaml")))
        let manifest = try ManifestLoader.load([ManifestSource(path: "\(fixture).yaml", bytes: bytes)]).manifest
        return try Planner.plan(manifest: manifest, catalog: catalog ?? shop(), allow: allow)
    }

    static func plan(yaml: String, catalog: CatalogSnapshot) throws -> Planner.Result {
        let manifest = try ManifestLoader.load([ManifestSource(path: "m.yaml", text: yaml)]).manifest
        return try Planner.plan(manifest: manifest, catalog: catalog)
    }

    @Test("golden plans for each strategy, text and SQL", arguments: ["blue-green", "restart", "graceful", "sink", "moves"])
    func golden(_ fixture: String) throws {
        let plan = try Self.plan(fixture).plan
        assertSnapshot(PlanRenderer().render(plan, format: .text), named: "resize-\(fixture)", pathExtension: "txt")
        assertSnapshot(PlanRenderer().render(plan, format: .sql), named: "resize-\(fixture)", pathExtension: "sql")
    }

    @Test("auto resizes a cluster without sources or sinks blue-green: a new cluster, every object moved, swapped, the old one dropped")
    func blueGreen() throws {
        let result = try Self.plan("blue-green")
        let plan = result.plan
        let change = try #require(plan.clusters.first)
        #expect(change.strategy == .blueGreen && change.estimatedDowntimeMs == 0 && change.hazards.isEmpty)
        #expect(!plan.isBlocked)
        #expect(plan.moves.count == 9)
        #expect(plan.moves.allSatisfy { $0.from == "compute" && $0.to == "compute" && $0.hazards.allSatisfy { $0.code != .indexLocality } })
        let actions = change.steps.compactMap(plan.step).map(\.action)
        #expect(actions == [.createCluster, .swapCluster, .dropCluster])
        let swap = try #require(plan.steps.first { $0.action == .swapCluster })
        #expect(swap.sql == #"ALTER CLUSTER "compute" SWAP WITH "compute_mzplan""#)
        // Every hydration and cutover comes before the swap; every cleanup after it.
        for step in plan.steps where step.id != swap.id {
            if step.phase == .hydrate || step.phase == .cutover { #expect(swap.after.contains(step.id), "step \(step.id)") }
            if step.phase == .cleanup { #expect(ApplyDriver.predecessors(of: step, in: plan).contains(swap.id), "step \(step.id)") }
        }
        // After the swap the stand-ins are renamed on the original name; the old indexes dropped on the temporary one.
        #expect(plan.steps.filter { $0.action == .renameIndex }.allSatisfy { $0.cluster == "compute" })
        #expect(plan.steps.filter { $0.action == .dropIndex }.allSatisfy { $0.cluster == "compute_mzplan" })
        let drop = try #require(plan.steps.last)
        #expect(drop.sql == #"DROP CLUSTER "compute_mzplan""# && ApplyDriver.predecessors(of: drop, in: plan).count == plan.steps.count - 1)
    }

    @Test("restart: the plain ALTER CLUSTER, blocked by cluster-restart naming every object and the downtime; allowed, it runs")
    func restart() throws {
        let blocked = try Self.plan("restart").plan
        let change = try #require(blocked.clusters.first)
        #expect(change.strategy == .restart && change.estimatedDowntimeMs == 273_000)
        #expect(change.isBlocked && change.hazards.map(\.code) == [.clusterRestart])
        #expect(change.hazards[0].message.contains("'materialize.public.customer_ltv' (1m 35s)") && change.hazards[0].message.contains("about 4m 33s in all"))
        #expect(blocked.steps.map(\.sql) == [#"ALTER CLUSTER "compute" SET (SIZE = '800cc')"#])
        let allowed = try Self.plan("restart", allow: [.clusterRestart]).plan
        #expect(!allowed.isBlocked)
    }

    @Test("graceful: WAIT UNTIL READY with the manifest's resize_timeout and ROLLBACK; no downtime without sources or sinks")
    func graceful() throws {
        let result = try Self.plan("graceful")
        let change = try #require(result.plan.clusters.first)
        #expect(change.strategy == .graceful && change.estimatedDowntimeMs == 0 && change.hazards.isEmpty)
        #expect(result.plan.steps.map(\.sql) == [#"ALTER CLUSTER "compute" SET (SIZE = '800cc') WITH (WAIT UNTIL READY (TIMEOUT = '30m', ON TIMEOUT = 'ROLLBACK'))"#])
        let wait = try #require(GracefulWait(try Statement(parsing: result.plan.steps[0].sql)))
        #expect(wait.timeoutMs == 1_800_000 && !wait.commitsOnTimeout)
        // The shop's snapshot is v26.10.1: the statement needs a feature flag there.
        #expect(result.warnings.map(\.code) == ["plan.graceful-resize"])
        #expect(result.warnings.first?.location?.line == 6)

        var catalog = try Self.shop()
        catalog.version = "v26.41.0 (abc)"
        var yaml = try String(contentsOf: fixtureURL("resize/graceful.yaml"), encoding: .utf8)
        yaml += "options:\n  resize_timeout: 1h30m\n"
        let newer = try Self.plan(yaml: yaml, catalog: catalog)
        #expect(newer.warnings.isEmpty)
        #expect(newer.plan.steps.first?.sql.contains("TIMEOUT = '90m'") == true)
        #expect(newer.plan.fingerprint != result.plan.fingerprint)
    }

    @Test("graceful on a cluster with a sink: the sink restarts at the cutover, hazard cluster-restart with its hydration time")
    func gracefulWithSink() throws {
        let yaml = "version: 1\nclusters:\n  sinks:\n    size: 50cc\n    resize: graceful\n    objects: [funnel_sink]\n"
        let change = try #require(try Self.plan(yaml: yaml, catalog: Self.shop()).plan.clusters.first)
        #expect(change.strategy == .graceful && change.estimatedDowntimeMs == 3_000)
        #expect(change.hazards.map(\.code) == [.clusterRestart] && change.hazards[0].message.contains("'materialize.public.funnel_sink' (3s)"))
    }

    @Test("auto on a cluster with a sink restarts, blocked; blue-green asked for it is an error at the resize key")
    func sinkCluster() throws {
        let change = try #require(try Self.plan("sink").plan.clusters.first)
        #expect(change.strategy == .restart && change.isBlocked)
        #expect(change.hazards[0].message.contains("blue-green cannot move its sources and sinks"))
        let yaml = "version: 1\nclusters:\n  sinks:\n    size: 50cc\n    resize: blue-green\n    objects: [funnel_sink]\n"
        #expect {
            try Self.plan(yaml: yaml, catalog: Self.shop())
        } throws: { error in
            let diagnostic = (error as? DiagnosticsError)?.diagnostics.first
            return diagnostic?.code == "plan.resize" && diagnostic?.location?.line == 5 && diagnostic?.location?.column == 13
                && diagnostic?.message.contains("'materialize.public.funnel_sink' is a sink") == true
                && diagnostic?.message.contains("use `resize: graceful` or `resize: restart`") == true
        }
    }

    @Test("an empty cluster and a change of replication factor alone are resized in place, without hazard")
    func inPlace() throws {
        let catalog = CatalogSnapshot(
            takenAtMs: Fixture.now,
            clusters: [Fixture.cluster("u1", "empty"), Fixture.cluster("u2", "busy")],
            objects: [Fixture.object("u10", "idx", .index, cluster: "busy")],
            sizes: ["100cc", "200cc"]
        )
        let yaml = "version: 1\nclusters:\n  empty:\n    size: 200cc\n  busy:\n    replication_factor: 2\n    objects: [idx]\n"
        let plan = try Self.plan(yaml: yaml, catalog: catalog).plan
        #expect(plan.clusters.map(\.strategy) == [.inPlace, .inPlace])
        #expect(plan.clusters.allSatisfy { $0.estimatedDowntimeMs == 0 && $0.hazards.isEmpty })
        #expect(plan.steps.map(\.sql) == [#"ALTER CLUSTER "empty" SET (SIZE = '200cc')"#, #"ALTER CLUSTER "busy" SET (REPLICATION FACTOR = 2)"#])

        let stop = try Self.plan(yaml: "version: 1\nclusters:\n  busy:\n    replication_factor: 0\n    objects: [idx]\n", catalog: catalog).plan
        let change = try #require(stop.clusters.first)
        #expect(change.strategy == .restart && change.estimatedDowntimeMs == nil && change.isBlocked)
        #expect(change.hazards[0].message.contains("stop until replicas are added again"))
    }

    @Test("auto restarts a cluster blue-green cannot empty: an unmanaged index stays, named in the hazard")
    func unmanagedObstacle() throws {
        let catalog = CatalogSnapshot(
            takenAtMs: Fixture.now,
            clusters: [Fixture.cluster("u2", "busy")],
            objects: [Fixture.object("u10", "idx", .index, cluster: "busy"), Fixture.object("u11", "kept", .index, cluster: "busy", schema: "scratch")],
            sizes: ["100cc", "200cc"]
        )
        let yaml = "version: 1\nclusters:\n  busy:\n    size: 200cc\n    objects: [idx]\nunmanaged: [\"scratch.*\"]\n"
        let change = try #require(try Self.plan(yaml: yaml, catalog: catalog).plan.clusters.first)
        #expect(change.strategy == .restart)
        #expect(change.hazards.first?.message.contains("blue-green cannot empty it: 'materialize.scratch.kept' is unmanaged") == true)
    }

    @Test("blue-green with moves out of and into the cluster: moves in land on the new cluster before the swap, moves out keep their target")
    func withMoves() throws {
        let plan = try Self.plan("moves").plan
        let swap = try #require(plan.steps.first { $0.action == .swapCluster })
        let into = try #require(plan.moves.first { $0.object.name == "customers_by_id_idx" })
        #expect(into.from == "serving" && into.to == "compute")
        let create = try #require(into.steps.compactMap(plan.step).first { $0.action == .createIndex })
        #expect(create.cluster == "compute_mzplan" && swap.after.contains(create.id))
        let out = try #require(plan.moves.first { $0.object.name == "customer_ltv" })
        #expect(out.to == "serving")
        let drop = try #require(plan.steps.last { $0.action == .dropCluster })
        #expect(out.steps.allSatisfy(drop.after.contains))
    }

    @Test("a renamed cluster with a new size is created at that size and its objects moved, not renamed and restarted")
    func renameWithResize() throws {
        let yaml = "version: 1\nclusters:\n  bigger:\n    size: 800cc\n    objects:\n      - match: \"*\"\n        kind: index\n      - match: \"*\"\n        kind: materialized-view\n  serving:\n    objects: [\"scratch.*\"]\n  ingest:\n    objects: [pg_shop, kafka_clicks, stripe_webhook]\n  sinks:\n    objects: [funnel_sink]\n"
        let plan = try Self.plan(yaml: yaml, catalog: Self.shop()).plan
        #expect(plan.clusters.contains { $0.name == "bigger" && $0.action == .create && $0.size == "800cc" })
        #expect(!plan.clusters.contains { $0.action == .rename })
    }

    @Test("an unknown new size is an error at the size, with the sizes offered")
    func unknownSize() throws {
        let yaml = "version: 1\nclusters:\n  compute:\n    size: 900cc\n    objects: [funnel]\n"
        #expect {
            try Self.plan(yaml: yaml, catalog: Self.shop())
        } throws: { error in
            let diagnostic = (error as? DiagnosticsError)?.diagnostics.first
            return diagnostic?.code == "plan.size" && diagnostic?.location?.line == 4 && diagnostic?.message.contains("valid sizes: 25cc") == true
        }
    }

    @Test("strategy and estimated downtime round-trip through plan JSON; the fingerprint depends on resize")
    func json() throws {
        let plan = try Self.plan("restart").plan
        let decoded = try Plan.decode(Array(plan.jsonValue().serialized(pretty: true).utf8), file: "plan.json")
        #expect(decoded.clusters == plan.clusters)
        let text = plan.jsonValue().serialized(pretty: true)
        #expect(text.contains(#""strategy": "restart""#) && text.contains(#""estimated_downtime_ms": 273000"#))
        #expect(try Self.plan("blue-green").plan.fingerprint != plan.fingerprint)
    }
}
