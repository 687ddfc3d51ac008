// CREATE CLUSTER, ALTER, DROP, and the CREATE statements of relations: materialized views,
// views, indexes and sinks.

extension SQLParser {
    mutating func statement() throws(SQLSyntaxError) -> Statement {
        guard !atEnd else { throw error("empty statement") }
        let statement: Statement
        if consume("CREATE") {
            statement = try create()
        } else if consume("ALTER") {
            statement = .alter(try alter())
        } else if consume("DROP") {
            statement = .drop(try drop())
        } else {
            throw error("unsupported statement starting with \(describe()): mzplan reads CREATE, ALTER and DROP")
        }
        try expectEnd()
        return statement
    }

    private mutating func create() throws(SQLSyntaxError) -> Statement {
        let prefixStart = position
        let orReplace = consume("OR", "REPLACE")
        let temporary = consume("TEMPORARY") || consume("TEMP")
        let isDefault = consume("DEFAULT")
        let replacement = consume("REPLACEMENT")
        func refuse(_ allowed: Bool, _ word: String) throws(SQLSyntaxError) {
            if !allowed {
                throw SQLSyntaxError("\(word) does not apply to this statement", position: text.position(ofToken: significant[prefixStart]))
            }
        }
        if consume("MATERIALIZED", "VIEW") {
            try refuse(!temporary && !isDefault, "TEMPORARY or DEFAULT")
            return .createMaterializedView(try materializedView(orReplace: orReplace, replacement: replacement))
        }
        try refuse(!replacement, "REPLACEMENT")
        if consume("VIEW") {
            try refuse(!isDefault, "DEFAULT")
            var view = try self.view()
            view.orReplace = orReplace
            view.temporary = temporary
            return .createView(view)
        }
        if consume("INDEX") {
            try refuse(!orReplace && !temporary, "OR REPLACE or TEMPORARY")
            return .createIndex(try index(isDefault: isDefault))
        }
        try refuse(!orReplace && !isDefault, "OR REPLACE or DEFAULT")
        if consume("TABLE") {
            try refuse(!temporary, "TEMPORARY")
            return .createTable(try table())
        }
        try refuse(!temporary, "TEMPORARY")
        if consume("CLUSTER") { return .createCluster(try cluster()) }
        if consume("SOURCE") { return .createSource(try source()) }
        if consume("SUBSOURCE") { return .createSubsource(try subsource()) }
        if consume("SINK") { return .createSink(try sink()) }
        throw error("unsupported statement: CREATE … \(describe())")
    }

    private mutating func cluster() throws(SQLSyntaxError) -> CreateClusterStatement {
        let name = try identifier("a cluster name")
        let options = isPunctuation("(") ? try self.options(in: try parenthesized()) : []
        return CreateClusterStatement(name: name, options: options)
    }

    // MARK: Views

    private mutating func materializedView(orReplace: Bool, replacement: Bool) throws(SQLSyntaxError) -> CreateMaterializedViewStatement {
        let ifNotExists = consume("IF", "NOT", "EXISTS")
        let name = try objectName()
        let columns = isPunctuation("(") ? try identifierList() : nil
        var target: ObjectName?
        if replacement {
            try expect("FOR")
            target = try objectName()
        }
        var cluster: ClusterReference?
        var options: [SQLOption]?
        while !isWord("AS") {
            if cluster == nil, consume("IN", "CLUSTER") {
                cluster = try clusterReference()
            } else if options == nil, isWord("WITH"), isPunctuation(at: 1, "(") {
                options = try withOptions()
            } else {
                throw error("expected IN CLUSTER, WITH or AS but found \(describe())")
            }
        }
        position += 1
        var end = significant.count
        var asOf: UInt64?
        if end - position >= 4, text.isWord(significant[end - 3], "AS"), text.isWord(significant[end - 2], "OF"),
           text.tokens[significant[end - 1]].kind == .number {
            guard let value = UInt64(text.string(at: significant[end - 1])) else { throw error("AS OF needs a timestamp") }
            asOf = value
            end -= 3
        }
        guard end > position else { throw error("expected the view's query after AS") }
        var statement = CreateMaterializedViewStatement(
            name: name, columns: columns, replacementFor: target, cluster: cluster, options: options ?? [], query: fragment(position..<end)
        )
        statement.orReplace = orReplace
        statement.ifNotExists = ifNotExists
        statement.asOf = asOf
        position = significant.count
        return statement
    }

    private mutating func view() throws(SQLSyntaxError) -> CreateViewStatement {
        let ifNotExists = consume("IF", "NOT", "EXISTS")
        let name = try objectName()
        let columns = isPunctuation("(") ? try identifierList() : nil
        try expect("AS")
        guard !atEnd else { throw error("expected the view's query after AS") }
        var statement = CreateViewStatement(name: name, columns: columns, query: fragment(position..<significant.count))
        statement.ifNotExists = ifNotExists
        position = significant.count
        return statement
    }

    // MARK: Indexes and sinks

    private mutating func index(isDefault: Bool) throws(SQLSyntaxError) -> CreateIndexStatement {
        let ifNotExists = consume("IF", "NOT", "EXISTS")
        var name: String?
        if !isWord("ON"), !(isWord("IN") && isWord(at: 1, "CLUSTER")) {
            name = try identifier("the index's name")
        }
        var cluster: ClusterReference?
        if consume("IN", "CLUSTER") { cluster = try clusterReference() }
        try expect("ON")
        let relation = try objectName()
        let keys = isPunctuation("(") ? fragment(try parenthesized()) : nil
        var statement = CreateIndexStatement(name: name, cluster: cluster, on: relation, keys: keys, options: try withOptions())
        statement.isDefault = isDefault
        statement.ifNotExists = ifNotExists
        return statement
    }

    private mutating func sink() throws(SQLSyntaxError) -> CreateSinkStatement {
        let ifNotExists = consume("IF", "NOT", "EXISTS")
        let name = try objectName()
        var cluster: ClusterReference?
        if consume("IN", "CLUSTER") { cluster = try clusterReference() }
        try expect("FROM")
        let relation = try objectName()
        try expect("INTO")
        let end = trailingWith(after: position) ?? significant.count
        guard end > position else { throw error("expected the sink's connection after INTO") }
        let into = fragment(position..<end)
        position = end
        var statement = CreateSinkStatement(name: name, cluster: cluster, from: relation, into: into, options: try withOptions())
        statement.ifNotExists = ifNotExists
        return statement
    }

    // MARK: ALTER and DROP

    private mutating func objectType() throws(SQLSyntaxError) -> SQLObjectType {
        if consume("MATERIALIZED", "VIEW") { return .materializedView }
        for type in SQLObjectType.allCases where type != .materializedView {
            if isWord(type.keyword) {
                position += 1
                return type
            }
        }
        throw error("unsupported object type \(describe())")
    }

    private mutating func alter() throws(SQLSyntaxError) -> AlterStatement {
        let type = try objectType()
        let ifExists = consume("IF", "EXISTS")
        let name = try objectName()
        let action: AlterStatement.Action
        if consume("RENAME", "TO") {
            action = .rename(to: try identifier("the new name"))
        } else if consume("SWAP", "WITH") {
            action = .swap(with: try identifier("the name to swap with"))
        } else if consume("SET", "CLUSTER") {
            action = .setCluster(try identifier("a cluster name"))
        } else if consume("APPLY", "REPLACEMENT") {
            action = .applyReplacement(try objectName())
        } else if consume("SET", "FROM") {
            action = .setFrom(try objectName())
        } else if consume("SET") {
            let options = try options(in: try parenthesized())
            action = .set(options, with: try withOptions())
        } else if consume("RESET") {
            action = .reset(try options(in: try parenthesized()).map(\.name))
        } else {
            throw error("unsupported ALTER \(type.rawValue) action \(describe())")
        }
        return AlterStatement(type, name, action, ifExists: ifExists)
    }

    private mutating func drop() throws(SQLSyntaxError) -> DropStatement {
        let type = try objectType()
        let ifExists = consume("IF", "EXISTS")
        var names = [try objectName()]
        while consumePunctuation(",") { names.append(try objectName()) }
        let cascade = consume("CASCADE")
        if !cascade { _ = consume("RESTRICT") }
        return DropStatement(type, names: names, cascade: cascade, ifExists: ifExists)
    }
}

extension SQLObjectType {
    /// The single keyword of every type but `MATERIALIZED VIEW`.
    var keyword: StaticString {
        switch self {
        case .cluster: "CLUSTER"
        case .index: "INDEX"
        case .materializedView: "VIEW"
        case .view: "VIEW"
        case .source: "SOURCE"
        case .sink: "SINK"
        case .table: "TABLE"
        case .schema: "SCHEMA"
        }
    }
}
