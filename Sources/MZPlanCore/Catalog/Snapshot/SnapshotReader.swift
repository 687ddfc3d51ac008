/// Reads snapshot v1 JSON straight into the model in one pass (SPEC §4).
///
/// Each `read…` function reads one JSON object of a known shape; errors thrown inside a member are
/// prefixed with that member's key on the way out, so messages carry the full JSON path.
struct SnapshotReader {
    var scanner: JSONScanner
    /// The document `scanner` reads, which undecoded texts keep alive.
    let document: JSONDocument
    /// Byte offsets of each object's `id` and `cluster` values (-1 when absent), for checks after reading.
    private(set) var objectIDOffsets: [Int] = []
    private(set) var objectClusterOffsets: [Int] = []
    private(set) var clusterIDOffsets: [Int] = []
    /// Repeated short strings (database, schema, cluster names, statuses) share one storage.
    private var interned: [String: String] = [:]
    /// From this many bytes on, the `objects` array is read in two halves on two threads.
    let parallelThreshold: Int

    /// A reader of `document`, whose bytes are `bytes`.
    init(_ bytes: UnsafeBufferPointer<UInt8>, of document: JSONDocument, parallelThreshold: Int = 1 << 20) {
        scanner = JSONScanner(bytes)
        self.document = document
        self.parallelThreshold = parallelThreshold
    }

    mutating func readSnapshot() throws(JSONReadError) -> CatalogSnapshot {
        let start = scanner.valueStart()
        var snapshot = CatalogSnapshot()
        var format: String?
        try readMembers(expecting: "'{' at the start of the snapshot") { reader, key, name throws(JSONReadError) in
            if reader.scanner.matches(key, "objects") {
                name = ".objects"
                snapshot.objects = try reader.scanner.null() ? [] : reader.readObjects()
            } else if reader.scanner.matches(key, "clusters") {
                name = ".clusters"
                snapshot.clusters = try reader.scanner.null() ? [] : reader.readArray { reader throws(JSONReadError) in try reader.readCluster() }
            } else if reader.scanner.matches(key, "format") {
                name = ".format"
                format = try reader.readFormat()
            } else if reader.scanner.matches(key, "taken_at_ms") {
                name = ".taken_at_ms"
                snapshot.takenAtMs = try reader.scanner.null() ? nil : reader.scanner.uint64()
            } else if reader.scanner.matches(key, "version") {
                name = ".version"
                snapshot.version = try reader.optionalString()
            } else if reader.scanner.matches(key, "sizes") {
                name = ".sizes"
                snapshot.sizes = try reader.scanner.null() ? nil : reader.readArray { reader throws(JSONReadError) in try reader.readSize() }
            } else {
                try reader.scanner.skipValue(depth: 2)
            }
        }
        try scanner.expectEnd()
        guard format != nil else {
            throw JSONReadError(at: start, "catalog.missing-field", "missing required field \"format\" (expected \"\(CatalogSnapshot.format)\")")
        }
        return snapshot
    }

    private mutating func readFormat() throws(JSONReadError) -> String {
        let offset = scanner.valueStart()
        let found = try scanner.null() ? nil : scanner.string()
        guard found == CatalogSnapshot.format else {
            let shown = found.map { "\"\($0)\"" } ?? "null"
            throw JSONReadError(at: offset, "catalog.format", "unsupported snapshot format \(shown); expected \"\(CatalogSnapshot.format)\"")
        }
        return CatalogSnapshot.format
    }

    // MARK: Clusters and replicas

    private mutating func readCluster() throws(JSONReadError) -> CatalogCluster {
        let start = scanner.valueStart()
        var id: String?
        var name: String?
        var cluster = CatalogCluster(id: "", name: "")
        var idOffset = start
        try readMembers { reader, key, field throws(JSONReadError) in
            if reader.scanner.matches(key, "id") {
                field = ".id"; idOffset = reader.scanner.valueStart(); id = try reader.scanner.string()
            } else if reader.scanner.matches(key, "name") {
                field = ".name"; name = try reader.internedString()
            } else if reader.scanner.matches(key, "managed") {
                field = ".managed"; cluster.managed = try reader.scanner.null() ? nil : reader.scanner.bool()
            } else if reader.scanner.matches(key, "size") {
                field = ".size"; cluster.size = try reader.optionalString()
            } else if reader.scanner.matches(key, "replication_factor") {
                field = ".replication_factor"; cluster.replicationFactor = try reader.scanner.null() ? nil : reader.scanner.int()
            } else if reader.scanner.matches(key, "replicas") {
                field = ".replicas"
                cluster.replicas = try reader.scanner.null() ? [] : reader.readArray { reader throws(JSONReadError) in try reader.readReplica() }
            } else {
                try reader.scanner.skipValue(depth: 4)
            }
        }
        guard let id else { throw missing("id", at: start) }
        guard let name else { throw missing("name", at: start) }
        cluster.id = id
        cluster.name = name
        clusterIDOffsets.append(idOffset)
        return cluster
    }

    private mutating func readReplica() throws(JSONReadError) -> CatalogReplica {
        let start = scanner.valueStart()
        var id: String?
        var name: String?
        var replica = CatalogReplica(id: "", name: "")
        try readMembers { reader, key, field throws(JSONReadError) in
            if reader.scanner.matches(key, "id") {
                field = ".id"; id = try reader.scanner.string()
            } else if reader.scanner.matches(key, "name") {
                field = ".name"; name = try reader.internedString()
            } else if reader.scanner.matches(key, "size") {
                field = ".size"; replica.size = try reader.optionalString()
            } else if reader.scanner.matches(key, "status") {
                field = ".status"; replica.status = try reader.optionalString()
            } else if reader.scanner.matches(key, "oom_kills_24h") {
                field = ".oom_kills_24h"; replica.oomKills24h = try reader.scanner.null() ? nil : reader.scanner.int()
            } else {
                try reader.scanner.skipValue(depth: 6)
            }
        }
        guard let id else { throw missing("id", at: start) }
        guard let name else { throw missing("name", at: start) }
        replica.id = id
        replica.name = name
        return replica
    }

    /// One entry of `sizes`: a name, or an object from `mz_cluster_replica_sizes` (SPEC §10.2).
    private mutating func readSize() throws(JSONReadError) -> ReplicaSize {
        if scanner.peek() == UInt8(ascii: "\"") { return ReplicaSize(try scanner.string()) }
        let start = scanner.valueStart()
        var name: String?
        var size = ReplicaSize("")
        try readMembers(expecting: "a size name or an object with \"size\"") { reader, key, field throws(JSONReadError) in
            if reader.scanner.matches(key, "size") {
                field = ".size"; name = try reader.scanner.string()
            } else if reader.scanner.matches(key, "processes") {
                field = ".processes"; size.processes = try reader.scanner.null() ? nil : reader.scanner.int()
            } else if reader.scanner.matches(key, "workers") {
                field = ".workers"; size.workers = try reader.scanner.null() ? nil : reader.scanner.int()
            } else if reader.scanner.matches(key, "memory_bytes") {
                field = ".memory_bytes"; size.memoryBytes = try reader.scanner.null() ? nil : reader.scanner.uint64()
            } else if reader.scanner.matches(key, "credits_per_hour") {
                field = ".credits_per_hour"; size.creditsPerHour = try reader.scanner.null() ? nil : reader.scanner.double()
            } else {
                try reader.scanner.skipValue(depth: 4)
            }
        }
        guard let name else { throw missing("size", at: start) }
        size.name = name
        return size
    }

    // MARK: Shared helpers

    /// Reads `{ "key": value, … }`: `member` names the field in `field` (for the JSON path of
    /// errors) and reads or skips its value.
    @inline(__always)
    mutating func readMembers(
        expecting expected: String = "an object",
        _ member: (inout SnapshotReader, KeyBytes, inout String) throws(JSONReadError) -> Void
    ) throws(JSONReadError) {
        try scanner.expect(UInt8(ascii: "{"), expected)
        if scanner.consume(UInt8(ascii: "}")) { return }
        repeat {
            let key = try scanner.key()
            var field = ""
            do throws(JSONReadError) {
                try member(&self, key, &field)
            } catch {
                throw error.under(field)
            }
        } while try scanner.next(closing: UInt8(ascii: "}"))
    }

    /// Reads `[ element, … ]`, prefixing element errors with `[index]`.
    mutating func readArray<Element>(
        _ element: (inout SnapshotReader) throws(JSONReadError) -> Element
    ) throws(JSONReadError) -> [Element] {
        try scanner.expect(UInt8(ascii: "["), "an array")
        var result: [Element] = []
        if scanner.consume(UInt8(ascii: "]")) { return result }
        repeat {
            do throws(JSONReadError) {
                result.append(try element(&self))
            } catch {
                throw error.under("[\(result.count)]")
            }
        } while try scanner.next(closing: UInt8(ascii: "]"))
        return result
    }

    /// An array of strings; null reads as empty.
    mutating func stringArray() throws(JSONReadError) -> [String] {
        if try scanner.null() { return [] }
        return try readArray { reader throws(JSONReadError) in try reader.scanner.string() }
    }

    mutating func optionalString() throws(JSONReadError) -> String? {
        try scanner.null() ? nil : internedString()
    }

    /// A string, sharing storage with an equal earlier one when it is long enough to be heap-allocated
    /// and short enough to be a name rather than SQL.
    mutating func internedString() throws(JSONReadError) -> String {
        let value = try scanner.string()
        guard value.utf8.count > 15 && value.utf8.count <= 64 else { return value }
        if let existing = interned[value] { return existing }
        interned[value] = value
        return value
    }

    func missing(_ field: String, at offset: Int) -> JSONReadError {
        JSONReadError(at: offset, "catalog.missing-field", "missing required field \"\(field)\"")
    }

    mutating func noteObject(idOffset: Int, clusterOffset: Int) {
        objectIDOffsets.append(idOffset)
        objectClusterOffsets.append(clusterOffset)
    }

    /// The offsets of objects read by another reader, in element order.
    mutating func appendOffsets(ids: [Int], clusters: [Int]) {
        objectIDOffsets.append(contentsOf: ids)
        objectClusterOffsets.append(contentsOf: clusters)
    }
}
