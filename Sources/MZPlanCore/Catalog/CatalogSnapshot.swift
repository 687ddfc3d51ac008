/// A saved picture of a Materialize catalog: snapshot format v1 (SPEC §4).
///
/// This is the type that crosses from the catalog stage into planning. It is produced by
/// ``CatalogSnapshot/decode(_:file:)`` from a JSON file, or by the live reader, and written back
/// by ``CatalogSnapshot/encode()``.
package struct CatalogSnapshot: Hashable, Sendable {
    /// The value of the `format` field.
    package static let format = "mzplan.catalog.v1"

    package var takenAtMs: UInt64?
    /// The Materialize version the snapshot was taken from, such as `v26.10.1`.
    package var version: String?
    package var clusters: [CatalogCluster]
    package var objects: [CatalogObject] {
        didSet { positionCache = PositionCache() }
    }
    /// Valid replica sizes (`mz_cluster_replica_sizes`), when known.
    package var sizes: [ReplicaSize]?
    /// Each object's position by id, when the reader built it while checking that ids are unique;
    /// forgotten whenever `objects` changes.
    private var positionCache = PositionCache()

    /// Positions in ``objects`` by id, when known without building them.
    var knownPositions: [String: Int]? { positionCache.byID }

    package init(
        takenAtMs: UInt64? = nil,
        version: String? = nil,
        clusters: [CatalogCluster] = [],
        objects: [CatalogObject] = [],
        sizes: [ReplicaSize]? = nil
    ) {
        self.takenAtMs = takenAtMs
        self.version = version
        self.clusters = clusters
        self.objects = objects
        self.sizes = sizes
    }

    /// The snapshot with `positions` known for its objects (ids unique, each at its position).
    func withKnownPositions(_ positions: [String: Int]) -> CatalogSnapshot {
        var snapshot = self
        snapshot.positionCache = PositionCache(byID: positions)
        return snapshot
    }

    /// Replaces the objects with ones of the same ids at the same positions (their frontiers or
    /// sealing changed), keeping the known positions.
    mutating func replaceObjects(keepingPositions objects: [CatalogObject]) {
        let cache = positionCache
        self.objects = objects
        positionCache = cache
    }

    /// Known positions: a cache, not part of the snapshot's value (equality, hashing).
    private struct PositionCache: Hashable, Sendable {
        var byID: [String: Int]?

        static func == (lhs: PositionCache, rhs: PositionCache) -> Bool { true }
        func hash(into hasher: inout Hasher) {}
    }
}

/// A user cluster and its replicas.
package struct CatalogCluster: Hashable, Sendable {
    package var id: String
    package var name: String
    package var managed: Bool?
    package var size: String?
    package var replicationFactor: Int?
    package var replicas: [CatalogReplica]

    package init(
        id: String,
        name: String,
        managed: Bool? = nil,
        size: String? = nil,
        replicationFactor: Int? = nil,
        replicas: [CatalogReplica] = []
    ) {
        self.id = id
        self.name = name
        self.managed = managed
        self.size = size
        self.replicationFactor = replicationFactor
        self.replicas = replicas
    }
}

/// One replica of a cluster, with the health facts the readiness gate and `capacity` hazard use.
package struct CatalogReplica: Hashable, Sendable {
    package var id: String
    package var name: String
    package var size: String?
    /// `online` or `offline`, when known.
    package var status: String?
    /// OOM kills in the 24 hours before the snapshot was taken.
    package var oomKills24h: Int?

    package init(id: String, name: String, size: String? = nil, status: String? = nil, oomKills24h: Int? = nil) {
        self.id = id
        self.name = name
        self.size = size
        self.status = status
        self.oomKills24h = oomKills24h
    }

    /// Online and not OOM-looping (fewer than 3 OOM kills in 24 hours).
    package var isHealthy: Bool { status == "online" && !isOOMLooping }

    /// Killed for running out of memory 3 or more times in 24 hours: it restarts in a loop.
    package var isOOMLooping: Bool { (oomKills24h ?? 0) >= 3 }
}

/// One user object: table, view, materialized view, index, source, subsource or sink.
///
/// A value type whose fields live in one shared, copy-on-write box: planning copies objects into
/// closures, claims and sorted lists, and a copy costs one retain instead of one per string and
/// array field (a quarter of the planning time on a 100 000-object catalog).
package struct CatalogObject: Hashable, Sendable {
    /// The fields; equal objects have equal fields.
    private struct Fields: Hashable {
        var id: String
        var database: String
        var schema: String
        var name: String
        var kind: ObjectKind
        /// The cluster's name; nil for tables, views and subsources.
        var cluster: String?
        /// Materialize's `create_sql`, in resolved or plain form.
        var createSQL: SnapshotText?
        /// A view's or materialized view's query, possibly with id annotations and a trailing `;`.
        var definition: SnapshotText?
        /// For an index, the id of the indexed relation.
        var on: String?
        /// For a source: `postgres`, `mysql`, `sql-server`, `kafka`, `load-generator`, `webhook`, …
        var sourceType: String?
        /// Logical dependencies (`mz_object_dependencies`), restricted to ids in the snapshot.
        var dependsOn: [String]
        /// What the running dataflow reads (`mz_compute_dependencies`), restricted to ids in the snapshot.
        var imports: [String]
        var sinceMs: UInt64?
        var upperMs: UInt64?
        var lagMs: UInt64?
        var hydrated: Bool?
        var hydrationTimeMs: UInt64?
        /// Compaction window; nil means Materialize's default of 1000 ms.
        var retainHistoryMs: UInt64?
        /// Source or sink status: `running|starting|stalled|paused|created|dropped`.
        var status: String?
        /// The upper is the empty frontier: the collection never changes again.
        var sealed: Bool
        /// On a replacement materialized view in flight, the id of the view it replaces.
        var replacementFor: String?
        /// The memory its dataflow's arrangements hold now, on its largest replica
        /// (`mz_object_arrangement_sizes`); nil when unknown or not maintained.
        var memoryBytes: UInt64?
    }

    /// `@unchecked Sendable`: a box is only mutated while it is uniquely referenced.
    private final class Box: @unchecked Sendable {
        /// Unchecked at run time: planning reads fields millions of times, and each checked access
        /// cost a call into the runtime. Sound for the same reason as `@unchecked Sendable`: a box
        /// is only mutated through ``CatalogObject/uniqueBox()``, while nothing else can read it.
        @exclusivity(unchecked) var fields: Fields

        init(_ fields: Fields) {
            self.fields = fields
        }
    }

    private var box: Box

    /// The box, copied first when another value shares it.
    private mutating func uniqueBox() -> Box {
        if !isKnownUniquelyReferenced(&box) { box = Box(box.fields) }
        return box
    }

    package init(
        id: String,
        database: String,
        schema: String,
        name: String,
        kind: ObjectKind,
        cluster: String? = nil,
        createSQL: String? = nil,
        definition: String? = nil,
        on: String? = nil,
        sourceType: String? = nil,
        dependsOn: [String] = [],
        imports: [String] = [],
        sinceMs: UInt64? = nil,
        upperMs: UInt64? = nil,
        lagMs: UInt64? = nil,
        hydrated: Bool? = nil,
        hydrationTimeMs: UInt64? = nil,
        retainHistoryMs: UInt64? = nil,
        status: String? = nil,
        sealed: Bool = false,
        replacementFor: String? = nil,
        memoryBytes: UInt64? = nil
    ) {
        box = Box(Fields(
            id: id,
            database: database,
            schema: schema,
            name: name,
            kind: kind,
            cluster: cluster,
            createSQL: createSQL.map(SnapshotText.init),
            definition: definition.map(SnapshotText.init),
            on: on,
            sourceType: sourceType,
            dependsOn: dependsOn,
            imports: imports,
            sinceMs: sinceMs,
            upperMs: upperMs,
            lagMs: lagMs,
            hydrated: hydrated,
            hydrationTimeMs: hydrationTimeMs,
            retainHistoryMs: retainHistoryMs,
            status: status,
            sealed: sealed,
            replacementFor: replacementFor,
            memoryBytes: memoryBytes
        ))
    }

    package var id: String {
        get { box.fields.id }
        _modify { yield &uniqueBox().fields.id }
    }
    package var database: String {
        get { box.fields.database }
        _modify { yield &uniqueBox().fields.database }
    }
    package var schema: String {
        get { box.fields.schema }
        _modify { yield &uniqueBox().fields.schema }
    }
    package var name: String {
        get { box.fields.name }
        _modify { yield &uniqueBox().fields.name }
    }
    package var kind: ObjectKind {
        get { box.fields.kind }
        _modify { yield &uniqueBox().fields.kind }
    }
    /// The cluster's name; nil for tables, views and subsources.
    package var cluster: String? {
        get { box.fields.cluster }
        _modify { yield &uniqueBox().fields.cluster }
    }
    /// Materialize's `create_sql`, in resolved or plain form; decoded on each read when the
    /// object was read from a snapshot file.
    package var createSQL: String? {
        get { box.fields.createSQL?.string }
        set { uniqueBox().fields.createSQL = newValue.map(SnapshotText.init) }
    }
    /// ``createSQL`` as stored, not yet decoded.
    package var createSQLText: SnapshotText? {
        get { box.fields.createSQL }
        _modify { yield &uniqueBox().fields.createSQL }
    }
    /// A view's or materialized view's query, possibly with id annotations and a trailing `;`;
    /// decoded on each read when the object was read from a snapshot file.
    package var definition: String? {
        get { box.fields.definition?.string }
        set { uniqueBox().fields.definition = newValue.map(SnapshotText.init) }
    }
    /// ``definition`` as stored, not yet decoded.
    package var definitionText: SnapshotText? {
        get { box.fields.definition }
        _modify { yield &uniqueBox().fields.definition }
    }
    /// For an index, the id of the indexed relation.
    package var on: String? {
        get { box.fields.on }
        _modify { yield &uniqueBox().fields.on }
    }
    /// For a source: `postgres`, `mysql`, `sql-server`, `kafka`, `load-generator`, `webhook`, …
    package var sourceType: String? {
        get { box.fields.sourceType }
        _modify { yield &uniqueBox().fields.sourceType }
    }
    /// Logical dependencies (`mz_object_dependencies`), restricted to ids in the snapshot.
    package var dependsOn: [String] {
        get { box.fields.dependsOn }
        _modify { yield &uniqueBox().fields.dependsOn }
    }
    /// What the running dataflow reads (`mz_compute_dependencies`), restricted to ids in the snapshot.
    package var imports: [String] {
        get { box.fields.imports }
        _modify { yield &uniqueBox().fields.imports }
    }
    package var sinceMs: UInt64? {
        get { box.fields.sinceMs }
        _modify { yield &uniqueBox().fields.sinceMs }
    }
    package var upperMs: UInt64? {
        get { box.fields.upperMs }
        _modify { yield &uniqueBox().fields.upperMs }
    }
    package var lagMs: UInt64? {
        get { box.fields.lagMs }
        _modify { yield &uniqueBox().fields.lagMs }
    }
    package var hydrated: Bool? {
        get { box.fields.hydrated }
        _modify { yield &uniqueBox().fields.hydrated }
    }
    package var hydrationTimeMs: UInt64? {
        get { box.fields.hydrationTimeMs }
        _modify { yield &uniqueBox().fields.hydrationTimeMs }
    }
    /// Compaction window; nil means Materialize's default of 1000 ms.
    package var retainHistoryMs: UInt64? {
        get { box.fields.retainHistoryMs }
        _modify { yield &uniqueBox().fields.retainHistoryMs }
    }
    /// Source or sink status: `running|starting|stalled|paused|created|dropped`.
    package var status: String? {
        get { box.fields.status }
        _modify { yield &uniqueBox().fields.status }
    }
    /// The upper is the empty frontier: the collection never changes again.
    package var sealed: Bool {
        get { box.fields.sealed }
        _modify { yield &uniqueBox().fields.sealed }
    }
    /// On a replacement materialized view in flight, the id of the view it replaces.
    package var replacementFor: String? {
        get { box.fields.replacementFor }
        _modify { yield &uniqueBox().fields.replacementFor }
    }
    /// The memory its dataflow's arrangements hold now, on its largest replica
    /// (`mz_object_arrangement_sizes`); nil when unknown or not maintained.
    package var memoryBytes: UInt64? {
        get { box.fields.memoryBytes }
        _modify { yield &uniqueBox().fields.memoryBytes }
    }

    package static func == (lhs: CatalogObject, rhs: CatalogObject) -> Bool {
        lhs.box === rhs.box || lhs.box.fields == rhs.box.fields
    }

    package func hash(into hasher: inout Hasher) {
        box.fields.hash(into: &hasher)
    }

    /// `database.schema.name` as a value.
    package var qualifiedName: QualifiedName {
        QualifiedName(database: database, schema: schema, name: name)
    }

    /// The effective compaction window in milliseconds.
    package var retentionMs: UInt64 { retainHistoryMs ?? 1000 }
}

extension CatalogSnapshot {
    /// The object with this qualified name, by a linear scan (for the few look-ups apply makes).
    package func object(named name: QualifiedName) -> CatalogObject? {
        objects.first { $0.database == name.database && $0.schema == name.schema && $0.name == name.name }
    }
}
