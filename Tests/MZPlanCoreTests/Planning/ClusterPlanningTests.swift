import Testing
@testable import MZPlanCore

/// Cluster creations, resizes, whole-cluster renames, drops and the capacity hazard.
@Suite struct ClusterPlanningTests {
    /// c1 holds `mv` and `idx`; `ingest` holds source `s`; c2 is empty.
    var catalog: CatalogSnapshot {
        CatalogSnapshot(
            takenAtMs: Fixture.now,
            clusters: [Fixture.cluster("u1", "c1"), Fixture.cluster("u2", "c2"), Fixture.cluster("u3", "ingest")],
            objects: [
                Fixture.object("u10", "s", .source, cluster: "ingest", schema: "raw", since: Fixture.now - 5000, upper: Fixture.now - 100),
                Fixture.object("u11", "mv", .materializedView, cluster: "c1", dependsOn: ["u10"], since: Fixture.now - 1500, upper: Fixture.now - 500),
                Fixture.object("u12", "idx", .index, cluster: "c1", on: "u11", dependsOn: ["u11"]),
            ],
            sizes: ["25cc", "100cc", "200cc"]
        )
    }

    func diagnostics(_ manifest: Manifest) -> [Diagnostic] {
        do throws(DiagnosticsError) {
            _ = try Planner.plan(manifest: manifest, catalog: catalog)
            return []
        } catch {
            return error.diagnostics
        }
    }

    @Test("every object on a cluster moving to one new cluster renames it, at no cost")
    func rename() throws {
        let manifest = Fixture.manifest([("transform", nil, [Fixture.rule("transform", Fixture.glob("*"))])])
        let plan = try Fixture.plan(manifest, catalog)
        #expect(plan.steps.map(\.sql) == ["ALTER CLUSTER \"c1\" RENAME TO \"transform\""])
        #expect(plan.moves.map(\.strategy) == [.rename, .rename])
        #expect(plan.moves.allSatisfy { $0.steps == [1] && $0.estimatedStalenessMs == 0 })
        #expect(plan.clusters.map(\.action) == [.rename])
        #expect(plan.summary.clustersRenamed == 1)
    }

    @Test("a rename to another size of a cluster without sources or sinks is a new cluster at that size and moves, not a restart")
    func renameAndResize() throws {
        let manifest = Fixture.manifest([("transform", "200cc", [Fixture.rule("transform", Fixture.glob("*"))])])
        let plan = try Fixture.plan(manifest, catalog)
        #expect(plan.steps.first?.sql == "CREATE CLUSTER \"transform\" (SIZE = '200cc')")
        #expect(plan.clusters.map(\.action) == [.create])
        #expect(plan.moves.map(\.strategy).sorted { $0.rawValue < $1.rawValue } == [.rebuild, .replace])
        #expect(!plan.isBlocked)
    }

    @Test("no rename when the old cluster is still named, or an object stays behind")
    func noRename() throws {
        let named = Fixture.manifest([
            ("transform", "200cc", [Fixture.rule("transform", Fixture.glob("*"))]),
            ("c1", nil, []),
        ])
        #expect(try Fixture.plan(named, catalog).clusters.map(\.action) == [.create])
        let partial = Fixture.manifest([("transform", "200cc", [Fixture.rule("transform", Fixture.exact("mv"))])])
        #expect(try Fixture.plan(partial, catalog).moves.map(\.strategy) == [.replace])
    }

    @Test("resizing a cluster with sources or sinks restarts them: cluster-restart blocks")
    func restart() throws {
        let manifest = Fixture.manifest([("ingest", "200cc", [])])
        let plan = try Fixture.plan(manifest, catalog)
        #expect(plan.steps.map(\.sql) == ["ALTER CLUSTER \"ingest\" SET (SIZE = '200cc')"])
        #expect(plan.clusters.first?.hazards.map(\.code) == [.clusterRestart])
        #expect(plan.isBlocked)
        let allowed = try Fixture.plan(manifest, catalog, allow: [.clusterRestart])
        #expect(!allowed.isBlocked)
    }

    @Test("a resize of a compute-only cluster is blue-green, an empty one in place, an unchanged size nothing: nothing risky")
    func computeResize() throws {
        let plan = try Fixture.plan(Fixture.manifest([("c1", "200cc", []), ("c2", "200cc", []), ("ingest", "100cc", [])]), catalog)
        #expect(plan.clusters.map(\.strategy) == [.blueGreen, .inPlace])
        #expect(plan.steps.first?.sql == "CREATE CLUSTER \"c1_mzplan\" (SIZE = '200cc', REPLICATION FACTOR = 1)")
        #expect(plan.steps.contains { $0.sql == "ALTER CLUSTER \"c2\" SET (SIZE = '200cc')" })
        #expect(!plan.isBlocked)
    }

    @Test("a missing cluster without a size is an error at its key, with a suggestion")
    func missingCluster() throws {
        let found = diagnostics(Fixture.manifest([("c3", nil, [Fixture.rule("c3", Fixture.exact("mv"))])]))
        #expect(found.map(\.code) == ["plan.unknown-cluster"])
        #expect(found.first?.location == Fixture.at(100, 3))
        #expect(found.first?.message.contains("did you mean 'c1' or 'c2'?") == true)
    }

    @Test("a size the snapshot does not offer is an error at the size")
    func unknownSize() throws {
        let found = diagnostics(Fixture.manifest([("c3", "250cc", [])]))
        #expect(found.map(\.code) == ["plan.size"])
        #expect(found.first?.location == Fixture.at(100, 11))
        #expect(found.first?.message.contains("'200cc'") == true)
    }

    @Test("capacity: a target without online replicas blocks the move")
    func capacity() throws {
        var catalog = catalog
        catalog.clusters[1] = Fixture.cluster("u2", "c2", status: "offline")
        let plan = try Fixture.plan(Fixture.manifest([("c2", nil, [Fixture.rule("c2", Fixture.exact("mv"))])]), catalog)
        #expect(plan.moves.first?.hazards.map(\.code) == [.capacity])
        #expect(plan.isBlocked)
    }

    @Test("drop_empty_clusters drops a cluster the plan empties, last, behind cluster-drop")
    func drop() throws {
        var options = PlanOptions()
        options.dropEmptyClusters = true
        let manifest = Fixture.manifest([("c2", nil, [Fixture.rule("c2", Fixture.glob("*"))])], options: options)
        let plan = try Fixture.plan(manifest, catalog)
        let last = try #require(plan.steps.last)
        #expect(last.sql == "DROP CLUSTER \"c1\"")
        #expect(last.after == Array(1..<last.id))
        #expect(plan.clusters.first { $0.action == .drop }?.hazards.map(\.code) == [.clusterDrop])
        #expect(plan.isBlocked)
        #expect(!(try Fixture.plan(manifest, catalog, allow: [.clusterDrop])).isBlocked)
    }
}

extension ClusterPlanningTests {
    @Test("a rename followed by a resize still restarts the renamed cluster's sources")
    func renameResizeRestart() throws {
        let manifest = Fixture.manifest([("ingest_v2", "200cc", [Fixture.rule("ingest_v2", Fixture.glob("*", schema: "raw"))])])
        let plan = try Fixture.plan(manifest, catalog)
        #expect(plan.clusters.map(\.action) == [.rename, .alter])
        #expect(plan.clusters.last?.hazards.map(\.code) == [.clusterRestart])
        #expect(plan.isBlocked)
    }

    @Test("capacity: a replication factor in the manifest does not hide an offline target; factor 0 is no capacity")
    func capacityWithFactor() throws {
        var catalog = catalog
        catalog.clusters[1] = Fixture.cluster("u2", "c2", status: "offline")
        let unchangedFactor = Fixture.manifest([("c2", nil, [Fixture.rule("c2", Fixture.exact("mv"))])])
        var specs = unchangedFactor.clusters
        specs[0].replicationFactor = 1
        let plan = try Fixture.plan(Manifest(clusters: specs), catalog)
        #expect(plan.moves.first?.hazards.map(\.code) == [.capacity])
        specs[0].replicationFactor = 0
        let zero = try Fixture.plan(Manifest(clusters: specs), self.catalog)
        #expect(zero.moves.first?.hazards.map(\.code) == [.capacity])
    }

    @Test("feasibility sees the indexes of a cluster renamed to the target")
    func renamedIndexes() throws {
        let catalog = CatalogSnapshot(
            takenAtMs: Fixture.now,
            clusters: [Fixture.cluster("u1", "a"), Fixture.cluster("u2", "c"), Fixture.cluster("u3", "ingest")],
            objects: [
                Fixture.object("u10", "s", .source, cluster: "ingest", schema: "raw", since: Fixture.now - 9000, upper: Fixture.now - 8000, status: "paused"),
                Fixture.object("u11", "s_idx", .index, cluster: "a", on: "u10", dependsOn: ["u10"], since: Fixture.now - 5000, upper: Fixture.now - 4500),
                Fixture.object("u12", "m", .materializedView, cluster: "c", dependsOn: ["u10"], since: Fixture.now - 7000, upper: Fixture.now - 6000),
            ]
        )
        let manifest = Fixture.manifest([("b", nil, [
            Fixture.rule("b", Fixture.exact("s_idx")),
            Fixture.rule("b", Fixture.exact("m")),
        ])])
        let plan = try Fixture.plan(manifest, catalog)
        let move = try #require(plan.moves.first { $0.object.name == "m" })
        #expect(plan.clusters.map(\.action) == [.rename])
        #expect(move.frontier?.imports.map(\.via) == [.index])
        #expect(move.feasibility == .gap)
    }
}
