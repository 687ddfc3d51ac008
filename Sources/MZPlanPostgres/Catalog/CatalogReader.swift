package import Logging
import MZPlanCore
import PostgresNIO

/// Reads a live catalog as snapshot v1 with a constant number of queries, one per relation
/// (SPEC §7), whatever the number of objects.
///
/// Order: Materialize-only session settings (only when the server announced `mz_version`), a
/// probe of which catalog relations exist, the version, then one query per relation. A relation
/// an older version lacks leaves its fields null and adds a warning; a server without
/// `mz_catalog` is "not a Materialize server".
package struct CatalogReader: Sendable {
    let logger: Logger

    /// Whether `mz_object_arrangement_sizes` can be trusted on `version`: from v26.35 its sizes stay
    /// correct across replica restarts; an unknown version is taken to be current.
    static func readsArrangementSizes(version: String?) -> Bool {
        guard let version = version.flatMap(MaterializeVersion.init) else { return true }
        return version >= MaterializeVersion(major: 26, minor: 35, patch: 0)
    }

    package init(logger: Logger) {
        self.logger = logger
    }

    package func read(from database: some CatalogQuerying, takenAtMs: UInt64) async throws(ConnectionError) -> CatalogReadResult {
        var warnings: [String] = []
        if database.announcedVersion != nil {
            await applyMaterializeSessionSettings(database)
        }
        let present = try await presentRelations(database)
        if let missing = CatalogRelation.required.first(where: { !present.contains($0) }) {
            throw ConnectionError(.notMaterialize, "the catalog has no \(missing): this server is not a Materialize version mzplan can read")
        }
        var rows = CatalogRows()
        rows.version = await version(database, warnings: &warnings)
        let versionText = rows.version ?? "unknown version"
        func available(_ relation: CatalogRelation, fields: String) -> Bool {
            available(relation, consequence: "\(fields) left null")
        }
        func available(_ relation: CatalogRelation, consequence: String) -> Bool {
            if present.contains(relation) { return true }
            warnings.append("\(relation) does not exist in this Materialize (\(versionText)): \(consequence)")
            return false
        }

        rows.clusters = try await fetch(database, CatalogQueries.clusters, "clusters") { row in
            let (id, name, managed, size, factor) = try row.decode((String, String, Bool?, String?, String?).self)
            return CatalogRows.Cluster(id: id, name: name, managed: managed, size: size, replicationFactor: factor)
        }
        rows.replicas = try await fetch(database, CatalogQueries.replicas, "replicas") { row in
            let (id, name, clusterId, size) = try row.decode((String, String, String, String?).self)
            return CatalogRows.Replica(id: id, name: name, clusterId: clusterId, size: size)
        }
        if available(.replicaStatuses, fields: "replica status") {
            let statuses = try await fetch(database, CatalogQueries.replicaStatuses, "replica statuses") { row in
                try row.decode((String, String).self)
            }
            rows.replicaStatuses = Dictionary(grouping: statuses, by: \.0).mapValues { $0.map(\.1) }
        }
        if available(.replicaStatusHistory, fields: "oom_kills_24h") {
            let kills = try await fetch(database, CatalogQueries.oomKills, "OOM kills") { row in
                try row.decode((String, Int).self)
            }
            rows.oomKills = Dictionary(kills, uniquingKeysWith: +)
        }
        rows.objects = try await fetch(database, CatalogQueries.objects, "objects") { row in
            let (id, type, db, schema, name, cluster, createSQL, definition, on, sourceType) =
                try row.decode((String, String, String, String, String, String?, String?, String?, String?, String?).self)
            return CatalogRows.Object(
                id: id, type: type, database: db, schema: schema, name: name, cluster: cluster,
                createSQL: createSQL, definition: definition, on: on, sourceType: sourceType)
        }
        if available(.objectDependencies, fields: "depends_on") {
            rows.dependencies = try await fetch(database, CatalogQueries.objectDependencies, "dependencies") { row in
                let (object, referenced) = try row.decode((String, String).self)
                return (object, referenced)
            }
        }
        let globalIds = available(.globalIds, consequence: "GlobalIds are taken to equal catalog ids")
        if available(.computeDependencies, fields: "imports") {
            rows.imports = try await fetch(database, CatalogQueries.computeDependencies(globalIds: globalIds), "compute dependencies") { row in
                let (object, dependency) = try row.decode((String, String).self)
                return (object, dependency)
            }
        }
        if available(.frontiers, fields: "since_ms, upper_ms") {
            rows.frontiers = try await fetch(database, CatalogQueries.frontiers(globalIds: globalIds), "frontiers") { row in
                let (id, globalId, since, upper) = try row.decode((String, String, String?, String?).self)
                return CatalogRows.Frontier(id: id, globalId: globalId, since: since, upper: upper)
            }
        }
        if available(.hydration, fields: "hydrated") {
            rows.hydration = try await fetch(database, CatalogQueries.hydration(globalIds: globalIds), "hydration") { row in
                let (id, hydrated) = try row.decode((String, Bool?).self)
                return (id, hydrated ?? false)
            }
        }
        if available(.computeHydration, fields: "hydration_time_ms") {
            rows.hydrationSeconds = try await fetch(database, CatalogQueries.hydrationTimes(globalIds: globalIds), "hydration times") { row in
                let (id, seconds) = try row.decode((String, Double).self)
                return (id, seconds)
            }
        }
        if available(.lag, fields: "lag_ms") {
            rows.lagSeconds = try await fetch(database, CatalogQueries.lag(globalIds: globalIds), "lag") { row in
                let (id, seconds) = try row.decode((String, Double?).self)
                return (id, seconds)
            }
        }
        if available(.retention, fields: "retain_history_ms") {
            rows.retention = try await fetch(database, CatalogQueries.retention, "retention") { row in
                let (id, strategy, value) = try row.decode((String, String, String?).self)
                return (id, strategy, value)
            }
        }
        if available(.replacements, fields: "replacement_for") {
            rows.replacements = try await fetch(database, CatalogQueries.replacements, "replacements") { row in
                let (id, target) = try row.decode((String, String).self)
                return (id, target)
            }
        }
        for (relation, query, what) in [
            (CatalogRelation.sourceStatuses, CatalogQueries.sourceStatuses, "source status"),
            (.sinkStatuses, CatalogQueries.sinkStatuses, "sink status"),
        ] where available(relation, fields: what) {
            let statuses = try await fetch(database, query, what) { row in try row.decode((String, String?).self) }
            for (id, status) in statuses {
                rows.statuses[id] = status
            }
        }
        let sizes = [CatalogRelation.sizes, .legacySizes].first(where: present.contains)
        if let sizes {
            rows.sizes = try await fetch(database, CatalogQueries.sizes(in: sizes), "replica sizes") { row in
                let (name, processes, workers, memory, credits) = try row.decode((String, String?, String?, String?, String?).self)
                return CatalogRows.Size(name: name, processes: processes, workers: workers, memoryBytes: memory, creditsPerHour: credits)
            }
        } else {
            warnings.append("\(CatalogRelation.sizes) does not exist in this Materialize (\(versionText)): sizes left null")
        }
        if present.contains(.arrangementSizes) {
            if !Self.readsArrangementSizes(version: rows.version) {
                warnings.append("\(CatalogRelation.arrangementSizes) is not reliable before v26.35 (sizes go stale across replica restarts) and this is \(versionText): memory_bytes left null")
            } else {
                let sizes = try await fetch(database, CatalogQueries.arrangementSizes(globalIds: globalIds), "arrangement sizes") { row in
                    try row.decode((String, String?).self)
                }
                rows.arrangementBytes = Dictionary(sizes.compactMap { id, bytes in bytes.map { (id, $0) } }, uniquingKeysWith: { first, _ in first })
            }
        }
        logger.debug("read the catalog", metadata: ["mzplan.objects": "\(rows.objects.count)"])
        return CatalogReadResult(snapshot: rows.snapshot(takenAtMs: takenAtMs), warnings: warnings)
    }

    /// Routes catalog queries to `mz_catalog_server`. The reader never depends on it, so a failure
    /// (a role without access to that cluster) is only logged.
    private func applyMaterializeSessionSettings(_ database: some CatalogQuerying) async {
        for statement: PostgresQuery in ["SET auto_route_catalog_queries = on", "SET cluster = mz_catalog_server"] {
            do {
                _ = try await database.rows(statement)
            } catch {
                logger.debug("session setting refused", metadata: ["mzplan.error": "\(error.message)"])
            }
        }
    }

    private func presentRelations(_ database: some CatalogQuerying) async throws(ConnectionError) -> Set<CatalogRelation> {
        do {
            let names = try await fetch(database, CatalogQueries.presentRelations(), "the catalog's relations") { row in
                try row.decode((String, String).self)
            }
            return Set(names.map { CatalogRelation(schema: $0.0, name: $0.1) })
        } catch where error.sqlState == "42P01" || error.sqlState == "3F000" {
            throw ConnectionError(
                .notMaterialize,
                "not a Materialize server: the database has no mz_catalog schema (is the URL pointing at PostgreSQL?)",
                sqlState: error.sqlState)
        }
    }

    /// `v26.10.1` from `mz_version()`'s `v26.10.1 (sha)`; nil, with a warning, when it cannot be read.
    private func version(_ database: some CatalogQuerying, warnings: inout [String]) async -> String? {
        do {
            let rows = try await fetch(database, CatalogQueries.version, "the version") { row in
                try row.decode((String, String?).self)
            }
            return rows.first.flatMap { $0.0.split(separator: " ").first.map(String.init) }
        } catch {
            warnings.append("cannot read the Materialize version: \(error.message); version left null")
            return nil
        }
    }

    private func fetch<T>(
        _ database: some CatalogQuerying,
        _ query: PostgresQuery,
        _ what: String,
        _ decode: (PostgresRow) throws -> T
    ) async throws(ConnectionError) -> [T] {
        let rows = try await database.rows(query)
        do {
            return try rows.map(decode)
        } catch let error as PostgresDecodingError {
            throw ConnectionError(.server, "unexpected result reading \(what): column '\(error.columnName)' has an unexpected type or NULL")
        } catch {
            throw ConnectionError(.server, "unexpected result reading \(what)")
        }
    }
}
