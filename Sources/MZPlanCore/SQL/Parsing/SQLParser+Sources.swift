// CREATE SOURCE (every connector), CREATE SUBSOURCE and CREATE TABLE [FROM SOURCE].

extension SQLParser {
    mutating func source() throws(SQLSyntaxError) -> CreateSourceStatement {
        let ifNotExists = consume("IF", "NOT", "EXISTS")
        let name = try objectName()
        let columns = isPunctuation("(") ? fragment(try parenthesized()) : nil
        var cluster: ClusterReference?
        if consume("IN", "CLUSTER") { cluster = try clusterReference() }
        try expect("FROM")
        let connector = try sourceConnector()
        var statement = CreateSourceStatement(name: name, cluster: cluster, connector: connector)
        statement.ifNotExists = ifNotExists
        statement.columns = columns
        if connector.kind == .webhook {
            guard !atEnd else { throw error("expected BODY FORMAT after WEBHOOK") }
            statement.body = fragment(position..<significant.count)
            position = significant.count
            return statement
        }
        let withStart = trailingWith(after: position) ?? significant.count
        let bodyEnd = firstTopLevel(in: position..<withStart) { at in
            (text.isWord(significant[at], "FOR") && at + 1 < withStart
                && (text.isWord(significant[at + 1], "ALL") || text.isWord(significant[at + 1], "TABLES") || text.isWord(significant[at + 1], "SCHEMAS")))
                || (text.isWord(significant[at], "EXPOSE") && at + 1 < withStart && text.isWord(significant[at + 1], "PROGRESS"))
        } ?? withStart
        if bodyEnd > position { statement.body = fragment(position..<bodyEnd) }
        position = bodyEnd
        if consume("FOR") { statement.references = try externalReferences() }
        if consume("EXPOSE", "PROGRESS", "AS") { statement.progress = try objectName() }
        statement.options = try withOptions()
        return statement
    }

    private mutating func sourceConnector() throws(SQLSyntaxError) -> SourceConnector {
        let kind: SourceConnector.Kind
        if consume("POSTGRES") {
            kind = .postgres
        } else if consume("MYSQL") {
            kind = .mysql
        } else if consume("SQL", "SERVER") {
            kind = .sqlServer
        } else if consume("KAFKA") {
            kind = .kafka
        } else if consume("LOAD", "GENERATOR") {
            kind = .loadGenerator(try identifier("a load generator").uppercased())
        } else if consume("WEBHOOK") {
            return SourceConnector(.webhook)
        } else {
            throw error("unsupported source type \(describe())")
        }
        var connection: ObjectName?
        if case .loadGenerator = kind {} else {
            try expect("CONNECTION")
            connection = try objectName()
        }
        let options = isPunctuation("(") ? try self.options(in: try parenthesized()) : []
        return SourceConnector(kind, connection: connection, options: options)
    }

    private mutating func externalReferences() throws(SQLSyntaxError) -> ExternalReferences {
        if consume("ALL", "TABLES") { return .all }
        if consume("SCHEMAS") {
            let inside = try parenthesized()
            var inner = self
            return .schemas(try split(inside).map { (item: Range<Int>) throws(SQLSyntaxError) -> String in
                inner.position = item.lowerBound
                let schema = try inner.identifier("a schema name")
                guard inner.position == item.upperBound else { throw inner.error("expected ',' or ')' but found \(inner.describe())") }
                return schema
            })
        }
        try expect("TABLES")
        let inside = try parenthesized()
        var inner = self
        var tables: [ExternalReference] = []
        for item in split(inside) {
            inner.position = item.lowerBound
            let upstream = try inner.objectName()
            let alias = inner.consume("AS") ? try inner.objectName() : nil
            guard inner.position == item.upperBound else { throw inner.error("expected ',' or ')' but found \(inner.describe())") }
            tables.append(ExternalReference(upstream: upstream, alias: alias))
        }
        return .tables(tables)
    }

    mutating func subsource() throws(SQLSyntaxError) -> CreateSubsourceStatement {
        let ifNotExists = consume("IF", "NOT", "EXISTS")
        let name = try objectName()
        let columns = isPunctuation("(") ? fragment(try parenthesized()) : nil
        var source: ObjectName?
        if consume("OF", "SOURCE") { source = try objectName() }
        var statement = CreateSubsourceStatement(name: name, columns: columns, ofSource: source, options: try withOptions())
        statement.ifNotExists = ifNotExists
        return statement
    }

    mutating func table() throws(SQLSyntaxError) -> CreateTableStatement {
        let ifNotExists = consume("IF", "NOT", "EXISTS")
        let name = try objectName()
        var statement = CreateTableStatement(name: name)
        statement.ifNotExists = ifNotExists
        if isPunctuation("(") { statement.columns = fragment(try parenthesized()) }
        if consume("FROM") {
            try expect("SOURCE")
            let source = try objectName()
            let options = isPunctuation("(") ? try self.options(in: try parenthesized()) : []
            statement.fromSource = TableSource(source: source, options: options)
        }
        let withStart = trailingWith(after: position) ?? significant.count
        if withStart > position {
            statement.body = fragment(position..<withStart)
            position = withStart
        }
        statement.options = try withOptions()
        return statement
    }
}
