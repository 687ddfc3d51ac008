extension CatalogSnapshot {
    /// Deterministic pretty JSON in snapshot v1 form: two-space indent, one member per line, fields in the
    /// order of SPEC §4, every field written (absent values as `null`), newline-terminated.
    /// `decode(encode(x)) == x`.
    package func encode() -> String {
        String(decoding: encodedBytes(), as: UTF8.self)
    }

    /// ``encode()`` as UTF-8 bytes, without building a `String` (a 100 000-object snapshot is 100 MB).
    package func encodedBytes() -> [UInt8] {
        var writer = SnapshotWriter(capacity: 256 + objects.count * 900)
        writer.openObject()
        writer.key("format"); writer.string(Self.format)
        writer.key("taken_at_ms"); writer.number(takenAtMs)
        writer.key("version"); writer.string(version)
        writer.key("clusters"); writer.array(clusters) { $0.write($1) }
        writer.key("objects"); writer.array(objects) { $0.write($1) }
        writer.key("sizes")
        if let sizes { writer.array(sizes) { $0.write($1) } } else { writer.null() }
        writer.closeObject()
        return writer.finish()
    }
}

extension SnapshotWriter {
    fileprivate mutating func write(_ cluster: CatalogCluster) {
        openObject()
        key("id"); string(cluster.id)
        key("name"); string(cluster.name)
        key("managed"); bool(cluster.managed)
        key("size"); string(cluster.size)
        key("replication_factor"); number(cluster.replicationFactor)
        key("replicas")
        array(cluster.replicas) { writer, replica in
            writer.openObject()
            writer.key("id"); writer.string(replica.id)
            writer.key("name"); writer.string(replica.name)
            writer.key("size"); writer.string(replica.size)
            writer.key("status"); writer.string(replica.status)
            writer.key("oom_kills_24h"); writer.number(replica.oomKills24h)
            writer.closeObject()
        }
        closeObject()
    }

    fileprivate mutating func write(_ object: CatalogObject) {
        openObject()
        key("id"); string(object.id)
        key("database"); string(object.database)
        key("schema"); string(object.schema)
        key("name"); string(object.name)
        key("kind"); string(object.kind.rawValue)
        key("cluster"); string(object.cluster)
        key("create_sql"); string(object.createSQL)
        key("definition"); string(object.definition)
        key("on"); string(object.on)
        key("source_type"); string(object.sourceType)
        key("depends_on"); array(object.dependsOn) { $0.string($1) }
        key("imports"); array(object.imports) { $0.string($1) }
        key("since_ms"); number(object.sinceMs)
        key("upper_ms"); number(object.upperMs)
        key("lag_ms"); number(object.lagMs)
        key("hydrated"); bool(object.hydrated)
        key("hydration_time_ms"); number(object.hydrationTimeMs)
        key("retain_history_ms"); number(object.retainHistoryMs)
        key("status"); string(object.status)
        key("sealed"); bool(object.sealed)
        key("replacement_for"); string(object.replacementFor)
        key("memory_bytes"); number(object.memoryBytes)
        closeObject()
    }

    /// A size as its name, or as an object (SPEC §10.2) when more than the name is known.
    fileprivate mutating func write(_ size: ReplicaSize) {
        guard size.hasDetails else { return string(size.name) }
        openObject()
        key("size"); string(size.name)
        key("processes"); number(size.processes)
        key("workers"); number(size.workers)
        key("memory_bytes"); number(size.memoryBytes)
        key("credits_per_hour"); number(size.creditsPerHour)
        closeObject()
    }
}
