import MZPlanCore

extension CatalogRows {
    /// Puts the rows together as snapshot v1 (SPEC §4): user objects only, ids ordered by number,
    /// references restricted to objects in the snapshot, an MV's frontiers from its newest GlobalId.
    func snapshot(takenAtMs: UInt64) -> CatalogSnapshot {
        let replicasByCluster = Dictionary(grouping: replicas, by: \.clusterId)
        let snapshotClusters = clusters.sorted { CatalogId.precedes($0.id, $1.id) }.map { cluster in
            CatalogCluster(
                id: cluster.id,
                name: cluster.name,
                managed: cluster.managed,
                size: cluster.size,
                replicationFactor: cluster.replicationFactor.flatMap { Int($0) },
                replicas: (replicasByCluster[cluster.id] ?? []).sorted { CatalogId.precedes($0.id, $1.id) }.map(replica)
            )
        }

        let ids = Set(objects.map(\.id))
        let dependsOn = Self.grouped(dependencies.map { ($0.object, $0.referenced) }, within: ids)
        let importsById = imports.map { Self.grouped($0.map { ($0.object, $0.dependency) }, within: ids) }
        let frontierById = frontiers.map(Self.newestFrontiers)
        let hydratedById = hydration.map { rows in
            Dictionary(rows.map { ($0.id, $0.hydrated) }, uniquingKeysWith: { $0 || $1 })
        }
        let hydrationMs = Dictionary(hydrationSeconds.map { ($0.id, Self.milliseconds($0.seconds)) }, uniquingKeysWith: max)
        let lagMs = lagSeconds.map { rows in
            Dictionary(rows.compactMap { row in row.seconds.map { (row.id, Self.milliseconds($0)) } }, uniquingKeysWith: max)
        }
        let retentionMs = Dictionary(
            retention.compactMap { row -> (String, UInt64)? in
                guard row.strategy.uppercased() == "FOR", let value = row.value.flatMap(Self.integer) else { return nil }
                return (row.id, value)
            },
            uniquingKeysWith: { first, _ in first }
        )
        let clustersWithReplicas = Set(clusters.filter { replicasByCluster[$0.id] != nil }.map(\.name))
        let replacementTargets = Dictionary(replacements.map { ($0.id, $0.target) }, uniquingKeysWith: { first, _ in first })

        let snapshotObjects = CatalogId.sorted(objects, by: \.id).map { row in
            let kind = Self.kind(type: row.type, sourceType: row.sourceType)
            let frontier = frontierById?[row.id]
            let reportsHydration = kind.isPlaceable || kind == .subsource
            return CatalogObject(
                id: row.id,
                database: row.database,
                schema: row.schema,
                name: row.name,
                kind: kind,
                cluster: kind.isPlaceable ? row.cluster : nil,
                createSQL: row.createSQL,
                definition: row.definition,
                on: row.on,
                sourceType: kind == .source || kind == .subsource ? row.sourceType : nil,
                dependsOn: dependsOn[row.id] ?? [],
                imports: importsById?[row.id] ?? [],
                sinceMs: frontier?.since.flatMap(Self.integer),
                upperMs: frontier?.upper.flatMap(Self.integer),
                lagMs: lagMs?[row.id],
                hydrated: reportsHydration ? hydratedById.map { $0[row.id] ?? false } : nil,
                hydrationTimeMs: hydrationMs[row.id],
                retainHistoryMs: retentionMs[row.id],
                status: kind == .source || kind == .subsource || kind == .sink ? statuses[row.id] : nil,
                sealed: frontier.map { $0.upper == nil } ?? false,
                replacementFor: replacementTargets[row.id],
                memoryBytes: memoryBytes(row, kind: kind, clustersWithReplicas: clustersWithReplicas)
            )
        }
        return CatalogSnapshot(
            takenAtMs: takenAtMs,
            version: version,
            clusters: snapshotClusters,
            objects: snapshotObjects,
            sizes: sizes?.map { size in
                ReplicaSize(
                    size.name,
                    processes: size.processes.flatMap(Self.count),
                    workers: size.workers.flatMap(Self.count),
                    memoryBytes: size.memoryBytes.flatMap(Self.bytes),
                    creditsPerHour: size.creditsPerHour.flatMap(Double.init).flatMap { $0.isFinite && $0 >= 0 ? $0 : nil }
                )
            }
        )
    }

    /// What an object's arrangements hold: the figure read, else 0 for a dataflow (index,
    /// materialized view, sink) running on a replica, which then holds no arrangement; nil when
    /// the sizes were not read, for sources (their ingestion state is not an arrangement) and
    /// for objects on no replica.
    private func memoryBytes(_ row: Object, kind: ObjectKind, clustersWithReplicas: Set<String>) -> UInt64? {
        guard let arrangementBytes else { return nil }
        if let text = arrangementBytes[row.id] { return Self.bytes(text) }
        guard kind == .index || kind == .materializedView || kind == .sink,
              let cluster = row.cluster, clustersWithReplicas.contains(cluster) else { return nil }
        return 0
    }

    private func replica(_ row: Replica) -> CatalogReplica {
        let status = replicaStatuses.map { statuses -> String in
            let processes = statuses[row.id] ?? []
            return !processes.isEmpty && processes.allSatisfy { $0 == "online" } ? "online" : "offline"
        }
        return CatalogReplica(
            id: row.id,
            name: row.name,
            size: row.size,
            status: status,
            oomKills24h: oomKills.map { $0[row.id] ?? 0 }
        )
    }

    /// `source` rows whose source type is `subsource` or `progress` are subsources.
    static func kind(type: String, sourceType: String?) -> ObjectKind {
        if type == "source", sourceType == "subsource" || sourceType == "progress" { return .subsource }
        return ObjectKind(rawValue: type) ?? .view
    }

    /// Per catalog id, the frontiers of its newest GlobalId (the highest number): after
    /// `APPLY REPLACEMENT` a materialized view keeps its old GlobalId next to the new one.
    static func newestFrontiers(_ rows: [Frontier]) -> [String: Frontier] {
        Dictionary(rows.map { ($0.id, $0) }, uniquingKeysWith: { first, second in
            CatalogId.precedes(first.globalId, second.globalId) ? second : first
        })
    }

    /// Edges grouped by source, restricted to targets in `ids`, without duplicates or self-edges, ordered by id.
    static func grouped(_ edges: [(String, String)], within ids: Set<String>) -> [String: [String]] {
        var result: [String: [String]] = [:]
        for (from, to) in edges where ids.contains(to) && from != to {
            result[from, default: []].append(to)
        }
        // Sorted, equal ids are neighbours: each is kept once.
        return result.mapValues { targets in
            let sorted = CatalogId.sorted(targets) { $0 }
            return sorted.indices.filter { $0 == 0 || sorted[$0] != sorted[$0 - 1] }.map { sorted[$0] }
        }
    }

    /// An `mz_timestamp::text` or jsonb number as milliseconds; nil when it is not a whole number.
    static func integer(_ text: String) -> UInt64? {
        UInt64(text)
    }

    /// A byte count as `uint8`/`numeric` text (`8589934592`, `8589934592.0`); nil when negative or not a number.
    static func bytes(_ text: String) -> UInt64? {
        if let value = UInt64(text) { return value }
        guard let value = Double(text), value.isFinite, value >= 0 else { return nil }
        return value >= 18_446_744_073_709_549_568 ? .max : UInt64(value)
    }

    /// A small count as text; nil when it is not one.
    static func count(_ text: String) -> Int? {
        Int(text).flatMap { $0 >= 0 ? $0 : nil }
    }

    /// Seconds as milliseconds: 0 for a negative or non-finite value, `UInt64.max` past it (a
    /// server value never traps).
    static func milliseconds(_ seconds: Double) -> UInt64 {
        guard seconds.isFinite, seconds > 0 else { return 0 }
        let milliseconds = (seconds * 1000).rounded()
        return milliseconds >= 18_446_744_073_709_549_568 ? .max : UInt64(milliseconds)
    }
}
