import MZPlanCore
import Testing
@testable import MZPlanPostgres

/// Putting decoded catalog rows together as a snapshot, without a server.
@Suite struct CatalogRowsTests {
    func object(_ id: String, type: String = "materialized-view", sourceType: String? = nil, cluster: String? = "c") -> CatalogRows.Object {
        CatalogRows.Object(id: id, type: type, database: "materialize", schema: "public", name: "o\(id)", cluster: cluster, sourceType: sourceType)
    }

    @Test("an MV's frontiers are its newest GlobalId's, by number not by text")
    func newestGlobalId() {
        let rows = [
            CatalogRows.Frontier(id: "u15", globalId: "u15", since: "10", upper: "20"),
            CatalogRows.Frontier(id: "u15", globalId: "u100", since: "30", upper: "40"),
            CatalogRows.Frontier(id: "u15", globalId: "u31", since: "25", upper: "35"),
        ]
        #expect(CatalogRows.newestFrontiers(rows)["u15"]?.globalId == "u100")
    }

    @Test("a NULL upper on an existing frontier row is sealed; no row is unknown")
    func sealed() {
        var rows = CatalogRows()
        rows.objects = [object("u1"), object("u2")]
        rows.frontiers = [CatalogRows.Frontier(id: "u1", globalId: "u1", since: "5", upper: nil)]
        let snapshot = rows.snapshot(takenAtMs: 0)
        #expect(snapshot.objects[0].sealed && snapshot.objects[0].upperMs == nil && snapshot.objects[0].sinceMs == 5)
        #expect(!snapshot.objects[1].sealed && snapshot.objects[1].upperMs == nil)
    }

    static let kindCases: [(String, String?, ObjectKind)] = [
        ("source", "postgres", .source), ("source", "subsource", .subsource), ("source", "progress", .subsource),
        ("table", nil, .table), ("index", nil, .index), ("sink", nil, .sink),
    ]

    @Test("kinds: subsource and progress sources are subsources, without a cluster", arguments: kindCases)
    func kinds(type: String, sourceType: String?, kind: ObjectKind) {
        var rows = CatalogRows()
        rows.objects = [object("u1", type: type, sourceType: sourceType)]
        let snapshot = rows.snapshot(takenAtMs: 0)
        #expect(snapshot.objects[0].kind == kind)
        #expect((snapshot.objects[0].cluster != nil) == kind.isPlaceable)
    }

    @Test("ids order by prefix, then number, then text; sorting splits each id once and keeps that order")
    func idOrder() {
        let ids = ["u10", "u2", "s1", "u1", "si3", "u01", "u", "s10", "s2"]
        let expected = ["s1", "s2", "s10", "si3", "u", "u01", "u1", "u2", "u10"]
        #expect(ids.sorted(by: CatalogId.precedes) == expected)
        #expect(CatalogId.sorted(ids.map { (id: $0, tag: 0) }, by: \.id).map(\.id) == expected)
    }

    @Test("references keep only snapshot objects, once each, ordered by number; objects too")
    func references() {
        var rows = CatalogRows()
        rows.objects = [object("u10"), object("u9"), object("u2")]
        rows.dependencies = [("u10", "u9"), ("u10", "u2"), ("u10", "u3"), ("u10", "u9"), ("u10", "s1"), ("u10", "u10")]
        let snapshot = rows.snapshot(takenAtMs: 0)
        #expect(snapshot.objects.map(\.id) == ["u2", "u9", "u10"])
        #expect(snapshot.objects[2].dependsOn == ["u2", "u9"])
    }

    @Test("a replica is online only when every process is; relations absent leave health null")
    func replicaHealth() {
        var rows = CatalogRows()
        rows.clusters = [CatalogRows.Cluster(id: "u1", name: "c", replicationFactor: "2")]
        rows.replicas = [
            CatalogRows.Replica(id: "u5", name: "r1", clusterId: "u1"),
            CatalogRows.Replica(id: "u6", name: "r2", clusterId: "u1"),
        ]
        #expect(rows.snapshot(takenAtMs: 0).clusters[0].replicas[0].status == nil)
        rows.replicaStatuses = ["u5": ["online", "online"], "u6": ["online", "offline"]]
        rows.oomKills = ["u6": 3]
        let replicas = rows.snapshot(takenAtMs: 0).clusters[0].replicas
        #expect(replicas.map(\.status) == ["online", "offline"])
        #expect(replicas.map(\.oomKills24h) == [0, 3])
        #expect(rows.snapshot(takenAtMs: 0).clusters[0].replicationFactor == 2)
    }

    @Test("seconds from the server become milliseconds without trapping, whatever the value", arguments: [
        (1.5, UInt64(1500)), (0, 0), (-3, 0), (.nan, 0), (.infinity, 0), (1e300, .max), (1.9e16, .max), (1.8e16, 18_000_000_000_000_000_000),
    ])
    func milliseconds(_ seconds: Double, _ expected: UInt64) {
        #expect(CatalogRows.milliseconds(seconds) == expected)
    }
}
