import MZPlanCore

// What the simulated catalog stores for the statements it runs: the purified, resolved forms
// Materialize writes to `create_sql` (`../shared/reference/materialize.md`, Corrections), which a
// user session would refuse back. A later plan on the saved state must translate them again,
// as it must on a real catalog.

extension SimulatedEnvironment {
    /// A materialized view: `REFRESH = ON COMMIT` when it has no `REFRESH`, and `AS OF` its creation.
    func stored(_ statement: CreateMaterializedViewStatement) -> String {
        var stored = statement
        stored.cluster = storedCluster(statement.cluster)
        stored.query = annotated(statement.query)
        if stored.options.first(named: "REFRESH") == nil {
            stored.options.append(SQLOption("REFRESH", .keyword("ON COMMIT")))
        }
        stored.asOf = timeMs
        return stored.sql
    }

    /// A source: no table list (its subsources are statements of their own), `DETAILS` last in
    /// the connection's options of a replication source.
    func stored(_ statement: CreateSourceStatement) -> String {
        var stored = statement
        stored.cluster = storedCluster(statement.cluster)
        if stored.references != nil, stored.connector.kind != .webhook {
            stored.references = nil
            if stored.connector.kind.isReplication {
                stored.connector.options.append(SQLOption("DETAILS", .literal(Self.details(for: statement.name.last))))
            }
        }
        return stored.sql
    }

    /// A subsource: `CREATE SUBSOURCE … OF SOURCE [uN AS …] WITH (EXTERNAL REFERENCE = …, DETAILS = …)`,
    /// with the columns it had when it was dropped.
    func storedSubsource(_ name: QualifiedName, upstream: ObjectName?, of source: ObjectName, previous: CatalogObject?) -> String {
        var columns: SQLFragment?
        if let sql = previous?.createSQL, case .createSubsource(let old)? = try? Statement(parsing: sql) { columns = old.columns }
        var options: [SQLOption] = []
        if let upstream { options.append(SQLOption("EXTERNAL REFERENCE", .name(upstream))) }
        options.append(SQLOption("DETAILS", .literal(Self.details(for: name.name))))
        return CreateSubsourceStatement(name: ObjectName(name), columns: columns, ofSource: source, options: options).sql
    }

    /// A table from a source: bound to the source by id, `DETAILS` last in its options.
    func storedTable(_ statement: CreateTableStatement, source: ObjectName) -> String {
        var stored = statement
        stored.fromSource?.source = source
        stored.options.append(SQLOption("DETAILS", .literal(Self.details(for: statement.name.last))))
        return stored.sql
    }

    /// A view: its query's names bound to ids.
    func stored(_ statement: CreateViewStatement) -> String {
        var stored = statement
        stored.query = annotated(statement.query)
        return stored.sql
    }

    /// An index or sink: the cluster by id, the relation it reads bound to its id.
    func stored(_ statement: CreateIndexStatement) -> String {
        var stored = statement
        stored.cluster = storedCluster(statement.cluster)
        stored.on = annotated(statement.on)
        return stored.sql
    }

    func stored(_ statement: CreateSinkStatement) -> String {
        var stored = statement
        stored.cluster = storedCluster(statement.cluster)
        stored.from = annotated(statement.from)
        return stored.sql
    }

    /// A query's three-part names of catalog items as `[uN AS …]`.
    private func annotated(_ query: SQLFragment) -> SQLFragment {
        query.annotating { name in self.object(named: name.qualified(database: "materialize", schema: "public"))?.id }
    }

    /// A name bound to the id of the item it names now.
    private func annotated(_ name: ObjectName) -> ObjectName {
        guard name.id == nil, let object = object(named: qualified(name)) else { return name }
        let current = object.qualifiedName
        return ObjectName([current.database, current.schema, current.name], id: object.id)
    }

    /// `IN CLUSTER [uN]`, as Materialize stores it.
    private func storedCluster(_ reference: ClusterReference?) -> ClusterReference? {
        guard case .named(let name)? = reference, let cluster = cluster(named: name) else { return reference }
        return .id(cluster.id)
    }

    /// A stand-in for the hex that purification writes: deterministic, and never read back.
    static func details(for name: String) -> String {
        var hash: UInt64 = 0xcbf2_9ce4_8422_2325
        for byte in name.utf8 {
            hash ^= UInt64(byte)
            hash = hash &* 0x0000_0100_0000_01B3
        }
        let hex = String(hash, radix: 16)
        return "0a" + String(repeating: "0", count: 16 - hex.count) + hex
    }
}
