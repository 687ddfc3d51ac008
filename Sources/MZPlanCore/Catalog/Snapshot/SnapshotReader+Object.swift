extension SnapshotReader {
    /// Reads one element of `objects`.
    mutating func readObject() throws(SnapshotReadError) -> CatalogObject {
        let start = scanner.valueStart()
        try scanner.expect(UInt8(ascii: "{"), "an object")
        var id: String?
        var database: String?
        var schema: String?
        var name: String?
        var kind: ObjectKind?
        var object = CatalogObject(id: "", database: "", schema: "", name: "", kind: .table)
        var idOffset = start
        var clusterOffset = -1
        if !scanner.consume(UInt8(ascii: "}")) {
            repeat {
                let key = try scanner.key()
                var field = ""
                do throws(SnapshotReadError) {
                    if scanner.matches(key, "id") {
                        field = ".id"; idOffset = scanner.valueStart(); id = try scanner.string()
                    } else if scanner.matches(key, "database") {
                        field = ".database"; database = try internedString()
                    } else if scanner.matches(key, "schema") {
                        field = ".schema"; schema = try internedString()
                    } else if scanner.matches(key, "name") {
                        field = ".name"; name = try scanner.string()
                    } else if scanner.matches(key, "kind") {
                        field = ".kind"; kind = try readKind()
                    } else if scanner.matches(key, "cluster") {
                        field = ".cluster"
                        clusterOffset = scanner.valueStart()
                        object.cluster = try optionalString()
                        if object.cluster == nil { clusterOffset = -1 }
                    } else if scanner.matches(key, "create_sql") {
                        field = ".create_sql"; object.createSQL = try scanner.null() ? nil : scanner.string()
                    } else if scanner.matches(key, "definition") {
                        field = ".definition"; object.definition = try scanner.null() ? nil : scanner.string()
                    } else if scanner.matches(key, "on") {
                        field = ".on"; object.on = try scanner.null() ? nil : scanner.string()
                    } else if scanner.matches(key, "source_type") {
                        field = ".source_type"; object.sourceType = try optionalString()
                    } else if scanner.matches(key, "depends_on") {
                        field = ".depends_on"; object.dependsOn = try stringArray()
                    } else if scanner.matches(key, "imports") {
                        field = ".imports"; object.imports = try stringArray()
                    } else if scanner.matches(key, "since_ms") {
                        field = ".since_ms"; object.sinceMs = try optionalUInt64()
                    } else if scanner.matches(key, "upper_ms") {
                        field = ".upper_ms"; object.upperMs = try optionalUInt64()
                    } else if scanner.matches(key, "lag_ms") {
                        field = ".lag_ms"; object.lagMs = try optionalUInt64()
                    } else if scanner.matches(key, "hydrated") {
                        field = ".hydrated"; object.hydrated = try scanner.null() ? nil : scanner.bool()
                    } else if scanner.matches(key, "hydration_time_ms") {
                        field = ".hydration_time_ms"; object.hydrationTimeMs = try optionalUInt64()
                    } else if scanner.matches(key, "retain_history_ms") {
                        field = ".retain_history_ms"; object.retainHistoryMs = try optionalUInt64()
                    } else if scanner.matches(key, "status") {
                        field = ".status"; object.status = try optionalString()
                    } else if scanner.matches(key, "sealed") {
                        field = ".sealed"; object.sealed = try scanner.null() ? false : scanner.bool()
                    } else if scanner.matches(key, "replacement_for") {
                        field = ".replacement_for"; object.replacementFor = try scanner.null() ? nil : scanner.string()
                    } else {
                        try scanner.skipValue(depth: 4)
                    }
                } catch {
                    throw error.under(field)
                }
            } while try scanner.next(closing: UInt8(ascii: "}"))
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

    private mutating func optionalUInt64() throws(SnapshotReadError) -> UInt64? {
        try scanner.null() ? nil : scanner.uint64()
    }

    private mutating func readKind() throws(SnapshotReadError) -> ObjectKind {
        let offset = scanner.valueStart()
        let text = try scanner.string()
        guard let kind = ObjectKind(rawValue: text) else {
            let expected = ObjectKind.allCases.map(\.rawValue).joined(separator: ", ")
            throw SnapshotReadError(at: offset, "catalog.invalid-value", "expected one of \(expected); found \"\(text)\"")
        }
        return kind
    }
}
