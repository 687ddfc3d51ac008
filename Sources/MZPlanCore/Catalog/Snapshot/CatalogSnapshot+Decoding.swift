extension CatalogSnapshot {
    /// Decodes snapshot JSON (SPEC §4). Unknown fields are ignored.
    ///
    /// Errors are a ``DiagnosticsError`` with a `catalog.*` code, located at `file:line:col` of the
    /// offending byte, with the JSON path in the message, e.g.
    /// `$.objects[3].kind: expected one of table, view, …; found "tabel"`. Malformed input of any kind
    /// (truncated, invalid UTF-8, bad escapes, nesting deeper than 512) is reported the same way.
    /// Ids in `depends_on`, `imports` and `on` that name no object in the snapshot are kept as-is.
    package static func decode(_ bytes: [UInt8], file: String) throws(DiagnosticsError) -> CatalogSnapshot {
        try decode(JSONDocument(bytes), file: file, parallelThreshold: 1 << 20)
    }

    /// ``decode(_:file:)`` of a document, such as a file mapped into memory
    /// (``JSONDocument/contents(ofFile:)``); undecoded texts keep it alive.
    package static func decode(_ document: JSONDocument, file: String) throws(DiagnosticsError) -> CatalogSnapshot {
        try decode(document, file: file, parallelThreshold: 1 << 20)
    }

    /// ``decode(_:file:)`` reading `objects` in two halves from `parallelThreshold` bytes on.
    static func decode(_ bytes: [UInt8], file: String, parallelThreshold: Int) throws(DiagnosticsError) -> CatalogSnapshot {
        try decode(JSONDocument(bytes), file: file, parallelThreshold: parallelThreshold)
    }

    private static func decode(_ document: JSONDocument, file: String, parallelThreshold: Int) throws(DiagnosticsError) -> CatalogSnapshot {
        let result = document.withBytes { buffer -> Result<CatalogSnapshot, JSONReadError> in
            var reader = SnapshotReader(buffer, of: document, parallelThreshold: parallelThreshold)
            do throws(JSONReadError) {
                let snapshot = try reader.readSnapshot()
                return .success(snapshot.withKnownPositions(try validate(snapshot, reader)))
            } catch {
                return .failure(error)
            }
        }
        switch result {
        case .success(let snapshot): return snapshot
        case .failure(let error): throw DiagnosticsError(error.diagnostic(in: document.bytes, file: file))
        }
    }

    /// Cross-field rules: unique cluster and object ids, unique cluster names, and every object's
    /// cluster named in `clusters`. Returns each object's position by id, built on the way.
    private static func validate(_ snapshot: CatalogSnapshot, _ reader: SnapshotReader) throws(JSONReadError) -> [String: Int] {
        var clusterIDs: [String: Int] = [:]
        var clusterNames = Set<String>()
        for (index, cluster) in snapshot.clusters.enumerated() {
            if let first = clusterIDs.updateValue(index, forKey: cluster.id) {
                throw JSONReadError(at: reader.clusterIDOffsets[index], "catalog.duplicate-id",
                                        "duplicate cluster id \"\(cluster.id)\" (also at $.clusters[\(first)])")
                    .under(".clusters[\(index)].id")
            }
            clusterNames.insert(cluster.name)
        }
        var objectIDs: [String: Int] = [:]
        objectIDs.reserveCapacity(snapshot.objects.count)
        for index in snapshot.objects.indices {
            let id = snapshot.objects[index].id
            if let first = objectIDs.updateValue(index, forKey: id) {
                throw JSONReadError(at: reader.objectIDOffsets[index], "catalog.duplicate-id",
                                        "duplicate object id \"\(id)\" (also at $.objects[\(first)])")
                    .under(".objects[\(index)].id")
            }
            if let cluster = snapshot.objects[index].cluster, !clusterNames.contains(cluster) {
                let known = Suggestion.didYouMean(cluster, among: clusterNames)
                throw JSONReadError(at: reader.objectClusterOffsets[index], "catalog.unknown-cluster",
                                        "cluster \"\(cluster)\" is not in $.clusters\(known)")
                    .under(".objects[\(index)].cluster")
            }
        }
        return objectIDs
    }
}
