extension CatalogSnapshot {
    /// Deterministic pretty JSON in snapshot v1 form: two-space indent, fields in the order of SPEC §4,
    /// every field written (absent values as `null`), newline-terminated. `decode(encode(x)) == x`.
    public func encode() -> String {
        jsonValue.serialized(pretty: true) + "\n"
    }

    /// The snapshot as an ordered JSON document.
    var jsonValue: JSONValue {
        .object([
            ("format", .string(Self.format)),
            ("taken_at_ms", .uint(takenAtMs)),
            ("version", .string(version)),
            ("clusters", .array(clusters.map(\.jsonValue))),
            ("objects", .array(objects.map(\.jsonValue))),
            ("sizes", sizes.map(JSONValue.strings) ?? .null),
        ])
    }
}

extension CatalogCluster {
    var jsonValue: JSONValue {
        .object([
            ("id", .string(id)),
            ("name", .string(name)),
            ("managed", .bool(managed)),
            ("size", .string(size)),
            ("replication_factor", .int(replicationFactor)),
            ("replicas", .array(replicas.map(\.jsonValue))),
        ])
    }
}

extension CatalogReplica {
    var jsonValue: JSONValue {
        .object([
            ("id", .string(id)),
            ("name", .string(name)),
            ("size", .string(size)),
            ("status", .string(status)),
            ("oom_kills_24h", .int(oomKills24h)),
        ])
    }
}

extension CatalogObject {
    var jsonValue: JSONValue {
        .object([
            ("id", .string(id)),
            ("database", .string(database)),
            ("schema", .string(schema)),
            ("name", .string(name)),
            ("kind", .string(kind.rawValue)),
            ("cluster", .string(cluster)),
            ("create_sql", .string(createSQL)),
            ("definition", .string(definition)),
            ("on", .string(on)),
            ("source_type", .string(sourceType)),
            ("depends_on", .strings(dependsOn)),
            ("imports", .strings(imports)),
            ("since_ms", .uint(sinceMs)),
            ("upper_ms", .uint(upperMs)),
            ("lag_ms", .uint(lagMs)),
            ("hydrated", .bool(hydrated)),
            ("hydration_time_ms", .uint(hydrationTimeMs)),
            ("retain_history_ms", .uint(retainHistoryMs)),
            ("status", .string(status)),
            ("sealed", .bool(sealed)),
            ("replacement_for", .string(replacementFor)),
        ])
    }
}
