import Testing
@testable import MZPlanCore

@Suite struct SnapshotEncodingTests {
    @Test("encode: two-space indent, SPEC field order, every field, nulls included, escapes, trailing newline")
    func exactText() {
        let snapshot = CatalogSnapshot(
            takenAtMs: 5, version: "v1",
            clusters: [CatalogCluster(id: "u1", name: "c", managed: true, replicas: [CatalogReplica(id: "u2", name: "r1", oomKills24h: 0)])],
            objects: [CatalogObject(id: "u3", database: "d", schema: "s", name: "q\"\\\n\u{1}é", kind: .materializedView, cluster: "c",
                                    dependsOn: ["u4", "u5"], sinceMs: 1, sealed: true)],
            sizes: ["25cc"])
        let expected = """
        {
          "format": "mzplan.catalog.v1",
          "taken_at_ms": 5,
          "version": "v1",
          "clusters": [
            {
              "id": "u1",
              "name": "c",
              "managed": true,
              "size": null,
              "replication_factor": null,
              "replicas": [
                {
                  "id": "u2",
                  "name": "r1",
                  "size": null,
                  "status": null,
                  "oom_kills_24h": 0
                }
              ]
            }
          ],
          "objects": [
            {
              "id": "u3",
              "database": "d",
              "schema": "s",
              "name": "q\\"\\\\\\n\\u0001é",
              "kind": "materialized-view",
              "cluster": "c",
              "create_sql": null,
              "definition": null,
              "on": null,
              "source_type": null,
              "depends_on": [
                "u4",
                "u5"
              ],
              "imports": [],
              "since_ms": 1,
              "upper_ms": null,
              "lag_ms": null,
              "hydrated": null,
              "hydration_time_ms": null,
              "retain_history_ms": null,
              "status": null,
              "sealed": true,
              "replacement_for": null
            }
          ],
          "sizes": [
            "25cc"
          ]
        }

        """
        #expect(snapshot.encode() == expected)
    }

    @Test("an empty snapshot encodes with empty arrays and null sizes")
    func empty() {
        #expect(CatalogSnapshot().encode() == """
        {
          "format": "mzplan.catalog.v1",
          "taken_at_ms": null,
          "version": null,
          "clusters": [],
          "objects": [],
          "sizes": null
        }

        """)
    }
}
