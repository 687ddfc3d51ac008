@testable import MZPlanCore

/// Small builders for catalogs and manifests used by the planning tests.
enum Fixture {
    static let now: UInt64 = 1_764_115_200_000

    static func cluster(_ id: String, _ name: String, size: String = "100cc", replicas: Int = 1, status: String = "online") -> CatalogCluster {
        CatalogCluster(
            id: id,
            name: name,
            managed: true,
            size: size,
            replicationFactor: replicas,
            replicas: (0..<replicas).map { CatalogReplica(id: "\(id)r\($0)", name: "r\($0 + 1)", size: size, status: status, oomKills24h: 0) }
        )
    }

    static func object(
        _ id: String,
        _ name: String,
        _ kind: ObjectKind,
        cluster: String? = nil,
        schema: String = "public",
        on: String? = nil,
        dependsOn: [String] = [],
        imports: [String] = [],
        since: UInt64? = nil,
        upper: UInt64? = nil,
        status: String? = nil,
        sourceType: String? = nil,
        sealed: Bool = false,
        sql: String? = nil,
        definition: String? = nil,
        replacementFor: String? = nil
    ) -> CatalogObject {
        let qualified = QualifiedName(database: "materialize", schema: schema, name: name)
        let clusterClause = cluster.map { " IN CLUSTER \(SQLIdentifier.quote($0))" } ?? ""
        let defaultSQL: String
        switch kind {
        case .index: defaultSQL = "CREATE INDEX \(SQLIdentifier.quote(name))\(clusterClause) ON \"materialize\".\"public\".\"t\" (\"a\")"
        case .materializedView: defaultSQL = "CREATE MATERIALIZED VIEW \(qualified.sql)\(clusterClause) AS SELECT 1"
        case .source: defaultSQL = "CREATE SOURCE \(qualified.sql)\(clusterClause) FROM LOAD GENERATOR COUNTER"
        case .sink: defaultSQL = "CREATE SINK \(qualified.sql)\(clusterClause) FROM \"materialize\".\"public\".\"mv\" INTO KAFKA CONNECTION \"materialize\".\"public\".\"kc\" (TOPIC = 't') FORMAT JSON ENVELOPE DEBEZIUM"
        case .view: defaultSQL = "CREATE VIEW \(qualified.sql) AS SELECT 1"
        case .table: defaultSQL = "CREATE TABLE \(qualified.sql) (a int)"
        case .subsource: defaultSQL = "CREATE SUBSOURCE \(qualified.sql) (a int4)"
        }
        return CatalogObject(
            id: id,
            database: "materialize",
            schema: schema,
            name: name,
            kind: kind,
            cluster: cluster,
            createSQL: sql ?? defaultSQL,
            definition: definition ?? (kind == .materializedView || kind == .view ? "SELECT 1;" : nil),
            on: on,
            sourceType: sourceType ?? (kind == .source ? "load-generator" : nil),
            dependsOn: dependsOn,
            imports: imports,
            sinceMs: since,
            upperMs: upper,
            lagMs: upper.map { now - $0 },
            hydrated: true,
            hydrationTimeMs: 5000,
            status: status ?? (kind == .source || kind == .sink || kind == .subsource ? "running" : nil),
            sealed: sealed,
            replacementFor: replacementFor
        )
    }

    static let here = MZPlanCore.SourceLocation(file: "mzplan.yaml", line: 1, column: 1)

    static func at(_ line: Int, _ column: Int = 7) -> MZPlanCore.SourceLocation {
        MZPlanCore.SourceLocation(file: "mzplan.yaml", line: line, column: column)
    }

    /// An exact-name pattern in materialize.public.
    static func exact(_ name: String, schema: String = "public") -> NamePattern {
        NamePattern(database: .init("materialize"), schema: .init(schema), name: .init(name))
    }

    /// A glob over names in materialize.<schema>.
    static func glob(_ name: String, schema: String = "public") -> NamePattern {
        NamePattern(database: .init("materialize"), schema: .init(schema), name: .init(name))
    }

    static func rule(
        _ cluster: String,
        _ pattern: NamePattern,
        kind: ObjectKind? = nil,
        strategy: Strategy? = nil,
        allow: [HazardCode] = [],
        line: Int = 1
    ) -> PlacementRule {
        PlacementRule(cluster: cluster, pattern: pattern, kind: kind, strategy: strategy, allow: allow, location: at(line))
    }

    static func manifest(_ clusters: [(String, String?, [PlacementRule])], options: PlanOptions = PlanOptions(), unmanaged: [NamePattern] = []) -> Manifest {
        Manifest(
            clusters: clusters.enumerated().map { index, entry in
                ClusterSpec(name: entry.0, location: at(100 + index, 3), size: entry.1, sizeLocation: entry.1 == nil ? nil : at(100 + index, 11), rules: entry.2)
            },
            unmanaged: unmanaged.map { UnmanagedPattern(pattern: $0, location: here) },
            options: options
        )
    }

    /// The epic's scenario (#17417): `mv` on `c1` reads source `s` through `idx1` on `c1`;
    /// `c2` has `idx2` on `s` whose since is `idx2Since`. `mv`'s upper is `upper`.
    static func epic(upper: UInt64?, idx2Since: UInt64?, sourceStatus: String = "running", sealed: Bool = false) -> CatalogSnapshot {
        CatalogSnapshot(
            takenAtMs: now,
            clusters: [cluster("u1", "c1"), cluster("u2", "c2"), cluster("u3", "ingest")],
            objects: [
                object("u10", "s", .source, cluster: "ingest", since: now - 5000, upper: now - 100, status: sourceStatus),
                object("u11", "idx1", .index, cluster: "c1", on: "u10", dependsOn: ["u10"], imports: ["u10"], since: now - 1100, upper: now - 100),
                object("u12", "idx2", .index, cluster: "c2", on: "u10", dependsOn: ["u10"], imports: ["u10"], since: idx2Since, upper: now - 100),
                object("u13", "mv", .materializedView, cluster: "c1", dependsOn: ["u10"], imports: ["u11"], since: (upper ?? now) - 1000, upper: upper, sealed: sealed),
            ]
        )
    }

    static func plan(_ manifest: Manifest, _ catalog: CatalogSnapshot, allow: [HazardCode] = []) throws -> Plan {
        try Planner.plan(manifest: manifest, catalog: catalog, allow: allow).plan
    }
}
