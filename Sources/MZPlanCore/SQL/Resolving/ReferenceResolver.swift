/// Turns statements from Materialize's resolved form (`[u2 AS "db"."s"."t"]`, `IN CLUSTER [u1]`)
/// into the plain form a user session accepts: names by id (the current name), else as annotated.
struct ReferenceResolver {
    let names: (String) -> QualifiedName?
    let clusters: (String) -> String?

    func name(_ name: ObjectName) -> ObjectName { name.resolved(names) }

    func name(_ name: ObjectName?) -> ObjectName? { name.map(self.name) }

    func fragment(_ fragment: SQLFragment) -> SQLFragment { fragment.resolved(names) }

    func fragment(_ fragment: SQLFragment?) -> SQLFragment? { fragment.map(self.fragment) }

    func cluster(_ cluster: ClusterReference?) -> ClusterReference? {
        guard case .id(let id)? = cluster, let name = clusters(id) else { return cluster }
        return .named(name)
    }

    func options(_ options: [SQLOption]) -> [SQLOption] {
        options.map { option in
            var resolved = option
            resolved.value = fragment(option.value)
            return resolved
        }
    }

    func resolve(_ statement: CreateMaterializedViewStatement) -> CreateMaterializedViewStatement {
        var resolved = statement
        resolved.name = name(statement.name)
        resolved.replacementFor = name(statement.replacementFor)
        resolved.cluster = cluster(statement.cluster)
        resolved.options = options(statement.options)
        resolved.query = fragment(statement.query)
        return resolved
    }

    func resolve(_ statement: CreateViewStatement) -> CreateViewStatement {
        var resolved = statement
        resolved.name = name(statement.name)
        resolved.query = fragment(statement.query)
        return resolved
    }

    func resolve(_ statement: CreateIndexStatement) -> CreateIndexStatement {
        var resolved = statement
        resolved.cluster = cluster(statement.cluster)
        resolved.on = name(statement.on)
        resolved.keys = fragment(statement.keys)
        resolved.options = options(statement.options)
        return resolved
    }

    func resolve(_ statement: CreateSourceStatement) -> CreateSourceStatement {
        var resolved = statement
        resolved.name = name(statement.name)
        resolved.columns = fragment(statement.columns)
        resolved.cluster = cluster(statement.cluster)
        resolved.connector.connection = name(statement.connector.connection)
        resolved.connector.options = options(statement.connector.options)
        resolved.body = fragment(statement.body)
        if case .tables(let tables) = statement.references {
            resolved.references = .tables(tables.map { ExternalReference(upstream: name($0.upstream), alias: name($0.alias)) })
        }
        resolved.progress = name(statement.progress)
        resolved.options = options(statement.options)
        return resolved
    }

    func resolve(_ statement: CreateSubsourceStatement) -> CreateSubsourceStatement {
        var resolved = statement
        resolved.name = name(statement.name)
        resolved.columns = fragment(statement.columns)
        resolved.ofSource = name(statement.ofSource)
        resolved.options = options(statement.options)
        return resolved
    }

    func resolve(_ statement: CreateTableStatement) -> CreateTableStatement {
        var resolved = statement
        resolved.name = name(statement.name)
        resolved.columns = fragment(statement.columns)
        resolved.fromSource = statement.fromSource.map { TableSource(source: name($0.source), options: options($0.options)) }
        resolved.body = fragment(statement.body)
        resolved.options = options(statement.options)
        return resolved
    }

    func resolve(_ statement: CreateSinkStatement) -> CreateSinkStatement {
        var resolved = statement
        resolved.name = name(statement.name)
        resolved.cluster = cluster(statement.cluster)
        resolved.from = name(statement.from)
        resolved.into = fragment(statement.into)
        resolved.options = options(statement.options)
        return resolved
    }
}
