import Foundation
import MZPlanCore
import MZPlanSimulator
import MZPlanTestSupport

/// A scenario to apply in the simulator: a snapshot and the plan made from it.
struct ApplyFixture {
    let snapshot: CatalogSnapshot
    let plan: Plan

    /// `examples/shop`, with the source move's hazards allowed unless `allow` says otherwise.
    static func shop(allow: [HazardCode] = [.sourceRecreate, .cascadeDrop]) throws -> ApplyFixture {
        let root = repositoryRoot()
        let bytes = try [UInt8](Data(contentsOf: root.appendingPathComponent("examples/shop/catalog.json")))
        let snapshot = try CatalogSnapshot.decode(bytes, file: "catalog.json")
        let manifest = try String(contentsOf: root.appendingPathComponent("examples/shop/mzplan.yaml"), encoding: .utf8)
        return try make(snapshot: snapshot, manifest: manifest, allow: allow)
    }

    static func make(snapshot: CatalogSnapshot, manifest: String, allow: [HazardCode] = []) throws -> ApplyFixture {
        let loaded = try ManifestLoader.load([ManifestSource(path: "mzplan.yaml", text: manifest)])
        let plan = try Planner.plan(manifest: loaded.manifest, catalog: snapshot, allow: allow).plan
        return ApplyFixture(snapshot: snapshot, plan: plan)
    }

    /// A fresh environment with `faults`.
    func environment(_ faults: SimulatorFaults = SimulatorFaults()) -> SimulatedEnvironment {
        SimulatedEnvironment(snapshot, faults: faults)
    }

    /// Applies the plan with a crash right after statement `k`, then resumes it; the crashed
    /// run's outcome (with whether the dead apply still held the lock), the resumed run's
    /// report, and the environment both ran against.
    func crashAndResume(after k: Int) async -> (crashed: ApplyReport.Outcome, resumed: ApplyReport, environment: SimulatedEnvironment, lockKept: Bool) {
        var faults = SimulatorFaults()
        faults.crashAfterStatement = k
        let environment = environment(faults)
        let crashed = await Self.driver(environment).apply(plan)
        let lockKept = environment.lockHolder != nil
        environment.faults = SimulatorFaults()
        let resumed = await Self.driver(environment).resume()
        return (crashed.outcome, resumed, environment, lockKept)
    }

    /// A driver over `environment` collecting its events into `events`.
    static func driver(_ environment: SimulatedEnvironment, timeoutMs: UInt64? = nil, events: EventLog? = nil) -> ApplyDriver {
        ApplyDriver(target: environment, clock: environment, settings: ApplyDriver.Settings(timeoutMs: timeoutMs, host: "test", pid: 1)) { event in
            events?.events.append(event)
        }
    }
}

/// Events an apply emitted, in order.
final class EventLog {
    var events: [ApplyEvent] = []
}

/// Generated scenarios: `count` moves of materialized views and indexes from `old` to four
/// target clusters, over a few sources, with chains of views reading views.
enum GeneratedScenario {
    static func make(moves count: Int, seed: UInt64 = 7) throws -> ApplyFixture {
        var random = seed
        func next(_ bound: UInt64) -> UInt64 {
            random = random &* 6364136223846793005 &+ 1442695040888963407
            return (random >> 33) % bound
        }
        let t0: UInt64 = 1_764_115_200_000
        let replica = { (id: String) in [CatalogReplica(id: id, name: "r1", size: "100cc", status: "online", oomKills24h: 0)] }
        let targets = ["t0", "t1", "t2", "t3"]
        var clusters = [
            CatalogCluster(id: "u1", name: "ingest", managed: true, size: "100cc", replicationFactor: 1, replicas: replica("u1")),
            CatalogCluster(id: "u2", name: "old", managed: true, size: "400cc", replicationFactor: 1, replicas: replica("u2")),
        ]
        for (index, name) in targets.enumerated() {
            clusters.append(CatalogCluster(id: "u\(3 + index)", name: name, managed: true, size: "100cc", replicationFactor: 1, replicas: replica("u\(3 + index)")))
        }
        var objects: [CatalogObject] = []
        var nextID = 10
        func id() -> String { defer { nextID += 1 }; return "u\(nextID)" }
        func qualified(_ name: String) -> String { "\"materialize\".\"public\".\"\(name)\"" }
        let sourceCount = max(1, count / 10)
        var sources: [CatalogObject] = []
        for index in 0..<sourceCount {
            let name = "src_\(index)"
            let source = CatalogObject(
                id: id(), database: "materialize", schema: "public", name: name, kind: .source, cluster: "ingest",
                createSQL: "CREATE SOURCE \(qualified(name)) IN CLUSTER \"ingest\" FROM LOAD GENERATOR COUNTER (TICK INTERVAL '\(index + 1)s')",
                sourceType: "load-generator", sinceMs: t0 - 1000, upperMs: t0, lagMs: 0, hydrated: true, hydrationTimeMs: 5000, status: "running"
            )
            sources.append(source)
            objects.append(source)
        }
        var views: [CatalogObject] = []
        var manifest: [String: [String]] = [:]
        for index in 0..<count {
            if index % 2 == 0 || views.isEmpty {
                let name = "mv_\(index)"
                let input = index % 3 == 0 || views.isEmpty ? sources[Int(next(UInt64(sources.count)))] : views[Int(next(UInt64(views.count)))]
                let definition = "SELECT * FROM \(qualified(input.name))"
                let lag = 200 + next(600)
                let view = CatalogObject(
                    id: id(), database: "materialize", schema: "public", name: name, kind: .materializedView, cluster: "old",
                    createSQL: "CREATE MATERIALIZED VIEW \(qualified(name)) IN CLUSTER \"old\" AS \(definition)", definition: definition,
                    dependsOn: [input.id], imports: [input.id], sinceMs: t0 - lag - 1000, upperMs: t0 - lag, lagMs: lag,
                    hydrated: true, hydrationTimeMs: 5000 + next(55_000)
                )
                views.append(view)
                objects.append(view)
                manifest[targets[index % targets.count], default: []].append(name)
            } else {
                let name = "idx_\(index)"
                let on = views[Int(next(UInt64(views.count)))]
                let index = CatalogObject(
                    id: id(), database: "materialize", schema: "public", name: name, kind: .index, cluster: "old",
                    createSQL: "CREATE INDEX \"\(name)\" IN CLUSTER \"old\" ON \(qualified(on.name)) (\"a\")", on: on.id,
                    dependsOn: [on.id], imports: [on.id], sinceMs: (on.upperMs ?? t0) - 1000, upperMs: on.upperMs, lagMs: on.lagMs,
                    hydrated: true, hydrationTimeMs: 2000 + next(20_000)
                )
                objects.append(index)
                manifest[targets[Int(next(UInt64(targets.count)))], default: []].append(name)
            }
        }
        let snapshot = CatalogSnapshot(takenAtMs: t0, version: "generated", clusters: clusters, objects: objects, sizes: ["100cc", "400cc"])
        var yaml = "version: 1\nclusters:\n"
        for target in targets {
            yaml += "  \(target):\n    objects: [\((manifest[target] ?? []).joined(separator: ", "))]\n"
        }
        yaml += "options:\n  max_parallel_hydrations: 4\n"
        return try ApplyFixture.make(snapshot: snapshot, manifest: yaml)
    }
}

extension ApplyEvent {
    /// Why a polled object is not ready (object-status events).
    var waitingFor: String? {
        if case .objectStatus(let status) = kind { status.waitingFor } else { nil }
    }

    /// A warning's code (warning events).
    var warningCode: String? {
        if case .warning(let code, _) = kind { code } else { nil }
    }
}
