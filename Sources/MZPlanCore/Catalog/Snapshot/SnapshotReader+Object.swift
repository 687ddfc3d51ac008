extension SnapshotReader {
    /// Reads one element of `objects`.
    mutating func readObject() throws(JSONReadError) -> CatalogObject {
        let start = scanner.valueStart()
        var id: String?
        var database: String?
        var schema: String?
        var name: String?
        var kind: ObjectKind?
        var object = CatalogObject(id: "", database: "", schema: "", name: "", kind: .table)
        var idOffset = start
        var clusterOffset = -1
        try readMembers { reader, key, field throws(JSONReadError) in
            if reader.scanner.matches(key, "id") {
                field = ".id"; idOffset = reader.scanner.valueStart(); id = try reader.scanner.string()
            } else if reader.scanner.matches(key, "database") {
                field = ".database"; database = try reader.internedString()
            } else if reader.scanner.matches(key, "schema") {
                field = ".schema"; schema = try reader.internedString()
            } else if reader.scanner.matches(key, "name") {
                field = ".name"; name = try reader.scanner.string()
            } else if reader.scanner.matches(key, "kind") {
                field = ".kind"; kind = try reader.readKind()
            } else if reader.scanner.matches(key, "cluster") {
                field = ".cluster"
                clusterOffset = reader.scanner.valueStart()
                object.cluster = try reader.optionalString()
                if object.cluster == nil { clusterOffset = -1 }
            } else if reader.scanner.matches(key, "create_sql") {
                field = ".create_sql"; object.createSQLText = try reader.scanner.null() ? nil : reader.text()
            } else if reader.scanner.matches(key, "definition") {
                field = ".definition"; object.definitionText = try reader.scanner.null() ? nil : reader.text()
            } else if reader.scanner.matches(key, "on") {
                field = ".on"; object.on = try reader.scanner.null() ? nil : reader.scanner.string()
            } else if reader.scanner.matches(key, "source_type") {
                field = ".source_type"; object.sourceType = try reader.optionalString()
            } else if reader.scanner.matches(key, "depends_on") {
                field = ".depends_on"; object.dependsOn = try reader.stringArray()
            } else if reader.scanner.matches(key, "imports") {
                field = ".imports"; object.imports = try reader.stringArray()
            } else if reader.scanner.matches(key, "since_ms") {
                field = ".since_ms"; object.sinceMs = try reader.optionalUInt64()
            } else if reader.scanner.matches(key, "upper_ms") {
                field = ".upper_ms"; object.upperMs = try reader.optionalUInt64()
            } else if reader.scanner.matches(key, "lag_ms") {
                field = ".lag_ms"; object.lagMs = try reader.optionalUInt64()
            } else if reader.scanner.matches(key, "hydrated") {
                field = ".hydrated"; object.hydrated = try reader.scanner.null() ? nil : reader.scanner.bool()
            } else if reader.scanner.matches(key, "hydration_time_ms") {
                field = ".hydration_time_ms"; object.hydrationTimeMs = try reader.optionalUInt64()
            } else if reader.scanner.matches(key, "retain_history_ms") {
                field = ".retain_history_ms"; object.retainHistoryMs = try reader.optionalUInt64()
            } else if reader.scanner.matches(key, "status") {
                field = ".status"; object.status = try reader.optionalString()
            } else if reader.scanner.matches(key, "sealed") {
                field = ".sealed"; object.sealed = try reader.scanner.null() ? false : reader.scanner.bool()
            } else if reader.scanner.matches(key, "memory_bytes") {
                field = ".memory_bytes"; object.memoryBytes = try reader.optionalUInt64()
            } else if reader.scanner.matches(key, "replacement_for") {
                field = ".replacement_for"; object.replacementFor = try reader.scanner.null() ? nil : reader.scanner.string()
            } else {
                try reader.scanner.skipValue(depth: 4)
            }
        }
        guard let id else { throw missing("id", at: start) }
        guard let database else { throw missing("database", at: start) }
        guard let schema else { throw missing("schema", at: start) }
        guard let name else { throw missing("name", at: start) }
        guard let kind else { throw missing("kind", at: start) }
        object.id = id
        object.database = database
        object.schema = schema
        object.name = name
        object.kind = kind
        noteObject(idOffset: idOffset, clusterOffset: clusterOffset)
        return object
    }

    /// A long text, checked and kept undecoded in the document.
    private mutating func text() throws(JSONReadError) -> SnapshotText {
        SnapshotText(try scanner.stringLiteral(), in: document)
    }

    private mutating func optionalUInt64() throws(JSONReadError) -> UInt64? {
        try scanner.null() ? nil : scanner.uint64()
    }

    private mutating func readKind() throws(JSONReadError) -> ObjectKind {
        let offset = scanner.valueStart()
        let text = try scanner.string()
        guard let kind = ObjectKind(rawValue: text) else {
            let expected = ObjectKind.allCases.map(\.rawValue).joined(separator: ", ")
            throw JSONReadError(at: offset, "catalog.invalid-value", "expected one of \(expected); found \"\(text)\"")
        }
        return kind
    }
}
