import Testing
@testable import MZPlanCore

@Suite struct SnapshotRoundTripTests {
    static let specExample = """
    {
      "format": "mzplan.catalog.v1",
      "taken_at_ms": 1764115200000,
      "version": "v26.10.1",
      "clusters": [
        {"id": "u2", "name": "transform", "managed": true, "size": "200cc", "replication_factor": 1,
         "replicas": [{"id": "u5", "name": "r1", "size": "200cc", "status": "online", "oom_kills_24h": 0}]}
      ],
      "objects": [
        {"id": "u12", "database": "materialize", "schema": "public", "name": "orders_enriched",
         "kind": "materialized-view", "cluster": "transform",
         "create_sql": "CREATE MATERIALIZED VIEW … IN CLUSTER [u2] AS SELECT …",
         "definition": "SELECT …", "on": null, "source_type": null,
         "depends_on": ["u7", "u9"], "imports": ["u10"],
         "since_ms": 1764115199000, "upper_ms": 1764115200000, "lag_ms": 250,
         "hydrated": true, "hydration_time_ms": 42000, "retain_history_ms": null, "status": null,
         "sealed": false, "replacement_for": null}
      ],
      "sizes": ["25cc", "50cc", "100cc", "200cc"]
    }
    """

    @Test("the SPEC §4 example decodes field by field")
    func specExampleDecodes() throws {
        let snapshot = try CatalogSnapshot.decode(Array(Self.specExample.utf8), file: "c.json")
        #expect(snapshot.takenAtMs == 1_764_115_200_000)
        #expect(snapshot.version == "v26.10.1")
        #expect(snapshot.sizes == ["25cc", "50cc", "100cc", "200cc"])
        #expect(snapshot.clusters == [CatalogCluster(id: "u2", name: "transform", managed: true, size: "200cc", replicationFactor: 1,
                                                     replicas: [CatalogReplica(id: "u5", name: "r1", size: "200cc", status: "online", oomKills24h: 0)])])
        #expect(snapshot.objects == [CatalogObject(
            id: "u12", database: "materialize", schema: "public", name: "orders_enriched", kind: .materializedView,
            cluster: "transform", createSQL: "CREATE MATERIALIZED VIEW … IN CLUSTER [u2] AS SELECT …", definition: "SELECT …",
            dependsOn: ["u7", "u9"], imports: ["u10"], sinceMs: 1_764_115_199_000, upperMs: 1_764_115_200_000, lagMs: 250,
            hydrated: true, hydrationTimeMs: 42000)])
    }

    static let everything = CatalogSnapshot(
        takenAtMs: UInt64.max, version: nil,
        clusters: [CatalogCluster(id: "u1", name: "c \"1\"", replicas: []),
                   CatalogCluster(id: "u2", name: "é😀", managed: false, size: "25cc", replicationFactor: 0,
                                  replicas: [CatalogReplica(id: "u3", name: "r1")])],
        objects: [
            CatalogObject(id: "u10", database: "d", schema: "s", name: "tab\there\nline\u{1}\\", kind: .table),
            CatalogObject(id: "u11", database: "d", schema: "s", name: "i", kind: .index, cluster: "é😀",
                          createSQL: #"CREATE INDEX "i" IN CLUSTER [u2] ON [u10 AS "d"."s"."t"] ("a")"#, on: "u10",
                          dependsOn: ["u10", "u999"], imports: ["u10"], sinceMs: 0, upperMs: 1, lagMs: 2, hydrated: false,
                          hydrationTimeMs: 3, retainHistoryMs: 4, status: "running", sealed: true, replacementFor: "u12"),
        ],
        sizes: [])

    @Test("decode(encode(x)) == x, with every field, odd strings and extreme numbers")
    func roundTrip() throws {
        let text = Self.everything.encode()
        #expect(try CatalogSnapshot.decode(Array(text.utf8), file: "c.json") == Self.everything)
    }

    @Test("unknown fields are ignored at every level, whatever their value")
    func unknownFields() throws {
        let json = #"""
        {"x": {"a": [1, 2.5e3, -0, true, null, "s\"", {}]}, "format": "mzplan.catalog.v1", "clusters": [{"id": "u1", "name": "c", "extra": [[]],
         "replicas": [{"id": "u2", "name": "r", "future": {}}]}],
         "objects": [{"id": "u3", "database": "d", "schema": "s", "name": "n", "kind": "sink", "cluster": "c", "new_field": null}]}
        """#
        let snapshot = try CatalogSnapshot.decode(Array(json.utf8), file: "c.json")
        #expect(snapshot.objects.map(\.id) == ["u3"])
        #expect(snapshot.clusters.first?.replicas.map(\.id) == ["u2"])
    }

    @Test("a UTF-8 byte order mark is skipped")
    func byteOrderMark() throws {
        let bytes: [UInt8] = [0xEF, 0xBB, 0xBF] + Array(#"{"format": "mzplan.catalog.v1"}"#.utf8)
        #expect(try CatalogSnapshot.decode(bytes, file: "c.json") == CatalogSnapshot())
    }

    @Test("escapes decode, including surrogate pairs")
    func escapes() throws {
        let json = #"{"format": "mzplan.catalog.v1", "version": "\u00e9\ud83d\ude00\n\t\/\\\"\b\f\r"}"#
        #expect(try CatalogSnapshot.decode(Array(json.utf8), file: "c.json").version == "é😀\n\t/\\\"\u{8}\u{C}\r")
    }

    @Test("optional fields may be absent or null; unknown ids in depends_on, imports and on are kept")
    func optionalFields() throws {
        let json = #"{"format": "mzplan.catalog.v1", "clusters": null, "objects": [{"id": "u1", "database": "d", "schema": "s", "name": "n", "kind": "index", "on": "u404", "depends_on": null, "imports": ["u405"], "sealed": null}]}"#
        let snapshot = try CatalogSnapshot.decode(Array(json.utf8), file: "c.json")
        #expect(snapshot.objects == [CatalogObject(id: "u1", database: "d", schema: "s", name: "n", kind: .index, on: "u404", imports: ["u405"])])
        #expect(snapshot.takenAtMs == nil && snapshot.sizes == nil)
    }
}
