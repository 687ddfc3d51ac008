import MZPlanCore

extension SimulatedEnvironment {
    /// Runs one statement of the shapes the planner emits; anything else fails like on a server.
    func run(_ sql: String, timeoutMs: UInt64?) throws(ApplyTargetError) {
        var cursor = SimCursor(tokens: try SimLexer.tokens(sql))
        if cursor.keyword("CREATE", "CLUSTER") { return try createCluster(&cursor) }
        if cursor.keyword("ALTER", "CLUSTER") { return try alterCluster(&cursor) }
        if cursor.keyword("DROP", "CLUSTER") {
            let name = try cursor.identifierOrFail()
            try cursor.expectEnd()
            guard cluster(named: name) != nil else { throw unknown("cluster '\(name)'") }
            guard !order.contains(where: { objects[$0]?.cluster == name }) else {
                throw ApplyTargetError(.sql, sqlState: "2BP01", message: "cannot drop cluster '\(name)': objects depend on it")
            }
            clusters.removeAll { $0.name == name }
            return
        }
        if cursor.keyword("CREATE", "REPLACEMENT", "MATERIALIZED", "VIEW") { return try createReplacement(&cursor) }
        if cursor.keyword("CREATE", "MATERIALIZED", "VIEW") { return try createDataflow(&cursor, kind: .materializedView) }
        if cursor.keyword("CREATE", "VIEW") { return try createView(&cursor) }
        if cursor.keyword("CREATE", "INDEX") { return try createIndex(&cursor) }
        if cursor.keyword("CREATE", "SINK") { return try createDataflow(&cursor, kind: .sink) }
        if cursor.keyword("CREATE", "SOURCE") { return try createSource(&cursor) }
        if cursor.keyword("ALTER", "MATERIALIZED", "VIEW") { return try alterView(&cursor, timeoutMs: timeoutMs) }
        for kind in [ObjectKind.index, .sink] where cursor.keyword("ALTER", kind == .index ? "INDEX" : "SINK") {
            let name = try cursor.name()
            try cursor.expect("RENAME", "TO")
            let newName = name.renamed(try cursor.identifierOrFail())
            try cursor.expectEnd()
            guard let object = object(named: name), object.kind == kind else { throw unknown("\(kind.rawValue) '\(name)'") }
            guard self.object(named: newName) == nil else { throw exists(newName) }
            rename(object.id, to: newName.name)
            return
        }
        for (keyword, kind) in [("INDEX", ObjectKind.index), ("SINK", .sink), ("SOURCE", .source)] where cursor.keyword("DROP", keyword) {
            return try drop(&cursor, kind: kind)
        }
        if cursor.keyword("DROP", "MATERIALIZED", "VIEW") { return try drop(&cursor, kind: .materializedView) }
        throw ApplyTargetError(.sql, sqlState: "42601", message: "syntax error: the simulator does not accept this statement: \(sql.prefix(60))")
    }

    // MARK: Clusters

    private func createCluster(_ cursor: inout SimCursor) throws(ApplyTargetError) {
        let name = try cursor.identifierOrFail()
        guard cluster(named: name) == nil else { throw ApplyTargetError(.sql, sqlState: "42710", message: "cluster '\(name)' already exists") }
        let settings = try clusterSettings(&cursor)
        try cursor.expectEnd()
        let factor = settings.factor ?? 1
        let replicas = (0..<factor).map { CatalogReplica(id: newID(), name: "r\($0 + 1)", size: settings.size, status: "online", oomKills24h: faults.oomClusters.contains(name) ? 3 : 0) }
        clusters.append(CatalogCluster(id: newID(), name: name, managed: true, size: settings.size, replicationFactor: factor, replicas: replicas))
    }

    private func alterCluster(_ cursor: inout SimCursor) throws(ApplyTargetError) {
        let name = try cursor.identifierOrFail()
        guard let index = clusters.firstIndex(where: { $0.name == name }) else { throw unknown("cluster '\(name)'") }
        if cursor.keyword("RENAME", "TO") {
            let newName = try cursor.identifierOrFail()
            try cursor.expectEnd()
            guard cluster(named: newName) == nil else { throw ApplyTargetError(.sql, sqlState: "42710", message: "cluster '\(newName)' already exists") }
            clusters[index].name = newName
            for id in order where objects[id]?.cluster == name { objects[id]?.cluster = newName }
            return
        }
        try cursor.expect("SET")
        let settings = try clusterSettings(&cursor)
        try cursor.expectEnd()
        if let size = settings.size { clusters[index].size = size }
        if let factor = settings.factor {
            clusters[index].replicationFactor = factor
            clusters[index].replicas = (0..<factor).map { CatalogReplica(id: newID(), name: "r\($0 + 1)", size: clusters[index].size, status: "online", oomKills24h: 0) }
        }
        for id in order where objects[id]?.cluster == name {
            objects[id]?.hydrated = false
            hydrationLeft[id] = Double(objects[id]?.hydrationTimeMs ?? Self.defaultHydrationMs)
        }
    }

    private func clusterSettings(_ cursor: inout SimCursor) throws(ApplyTargetError) -> (size: String?, factor: Int?) {
        guard let group = cursor.group() else { throw SimCursor.syntax("expected ( SIZE = … )") }
        var size: String?
        var factor: Int?
        var inner = SimCursor(tokens: group)
        while !inner.atEnd {
            if inner.keyword("SIZE") {
                guard inner.position + 1 < group.count, group[inner.position] == .punctuation("="), case .string(let value) = group[inner.position + 1] else { throw SimCursor.syntax("SIZE = 'size'") }
                size = value
                inner.position += 2
            } else if inner.keyword("REPLICATION", "FACTOR") {
                guard inner.position + 1 < group.count, group[inner.position] == .punctuation("="), case .number(let value) = group[inner.position + 1], let number = Int(value) else { throw SimCursor.syntax("REPLICATION FACTOR = n") }
                factor = number
                inner.position += 2
            } else if group[inner.position] == .punctuation(",") {
                inner.position += 1
            } else {
                throw SimCursor.syntax("unknown cluster option")
            }
        }
        if let size, let sizes, !sizes.contains(size) { throw ApplyTargetError(.sql, sqlState: "22023", message: "unknown cluster size \(size)") }
        return (size, factor)
    }

    // MARK: Changes

    private func alterView(_ cursor: inout SimCursor, timeoutMs: UInt64?) throws(ApplyTargetError) {
        let name = try cursor.name()
        guard let view = object(named: name), view.kind == .materializedView, view.replacementFor == nil else { throw unknown("materialized view '\(name)'") }
        if cursor.keyword("APPLY", "REPLACEMENT") {
            let replacementName = try cursor.name()
            try cursor.expectEnd()
            guard let replacement = object(named: replacementName), replacement.replacementFor == view.id else {
                throw ApplyTargetError(.sql, sqlState: "42809", message: "'\(replacementName)' is not a replacement for '\(name)'")
            }
            let start = asOf[replacement.id] ?? 0
            let deadline = timeMs + (timeoutMs ?? 3_600_000)
            while (objects[view.id]?.upperMs ?? 0) < start || objects[replacement.id]?.hydrated != true {
                guard timeMs < deadline else {
                    throw ApplyTargetError(.sql, sqlState: "57014", message: "canceling statement due to statement timeout (APPLY REPLACEMENT waited for '\(name)' to reach \(start))")
                }
                advance(to: min(deadline, timeMs + 100))
            }
            let current = objects[view.id]!
            if start > (current.upperMs ?? 0) {
                violations.append(SimulatorViolation(atMs: timeMs, object: name, message: "skipped times [\(current.upperMs ?? 0), \(start))"))
            }
            let applied = objects[replacement.id]!
            var updated = current
            updated.cluster = applied.cluster
            updated.imports = applied.imports
            updated.dependsOn = applied.dependsOn
            updated.lagMs = applied.lagMs
            updated.hydrated = true
            objects[view.id] = updated
            remove([replacement.id])
            updateFrontiers()
            return
        }
        try cursor.expect("SET", "CLUSTER")
        let clusterName = try cursor.identifierOrFail()
        try cursor.expectEnd()
        guard cluster(named: clusterName) != nil else { throw unknown("cluster '\(clusterName)'") }
        var moved = view
        moved.imports = []
        objects[view.id] = moved
        let (imports, start) = importsAndAsOf(view.dependsOn, on: clusterName)
        if let upper = view.upperMs, !view.sealed, start > upper {
            violations.append(SimulatorViolation(atMs: timeMs, object: name, message: "native SET CLUSTER skipped times [\(upper), \(start))"))
        }
        moved.cluster = clusterName
        moved.imports = imports
        moved.hydrated = false
        objects[view.id] = moved
        asOf[view.id] = start
        hydrationLeft[view.id] = Double(hydrationTime(for: name))
        updateFrontiers()
    }

    private func drop(_ cursor: inout SimCursor, kind: ObjectKind) throws(ApplyTargetError) {
        let name = try cursor.name()
        let cascade = cursor.keyword("CASCADE")
        try cursor.expectEnd()
        guard let object = object(named: name), object.kind == kind else { throw unknown("\(kind.rawValue) '\(name)'") }
        let dependents = closure(of: object.id)
        if !cascade, dependents.contains(where: { objects[$0]?.kind != .subsource && objects[$0]?.replacementFor != object.id }) {
            throw ApplyTargetError(.sql, sqlState: "2BP01", message: "cannot drop '\(name)': other objects depend on it (use CASCADE)")
        }
        if kind == .index, object.hydrated != false {
            let others = order.compactMap { objects[$0] }.filter { $0.kind == .index && $0.on == object.on && $0.id != object.id && $0.hydrated == true }
            if others.isEmpty, order.contains(where: { objects[$0]?.kind == .index && objects[$0]?.on == object.on && $0 != object.id }) {
                violations.append(SimulatorViolation(atMs: timeMs, object: name, message: "index dropped before the index replacing it was ready"))
            }
        }
        if kind == .source {
            droppedSubsources[name] = dependents.compactMap { objects[$0] }.filter { $0.kind == .subsource && $0.dependsOn == [object.id] }
        }
        remove(Set([object.id] + dependents))
        updateFrontiers()
    }

    /// Every object depending on `id`, transitively.
    func closure(of id: String) -> [String] {
        var result: [String] = []
        var seen: Set<String> = [id]
        var pending = [id]
        while let next = pending.popLast() {
            for other in order where !seen.contains(other) {
                guard let object = objects[other], object.dependsOn.contains(next) || object.on == next || object.replacementFor == next else { continue }
                seen.insert(other)
                result.append(other)
                pending.append(other)
            }
        }
        return result
    }

    func resolve(_ names: [QualifiedName], strict: Bool) throws(ApplyTargetError) -> [String] {
        var ids: [String] = []
        for name in names {
            if let object = object(named: name) {
                if !ids.contains(object.id) { ids.append(object.id) }
            } else if strict {
                throw ApplyTargetError(.sql, sqlState: "42P01", message: "unknown catalog item '\(name)'")
            }
        }
        return ids
    }

    func unknown(_ what: String) -> ApplyTargetError {
        ApplyTargetError(.sql, sqlState: "42704", message: "unknown \(what)")
    }

    func exists(_ name: QualifiedName) -> ApplyTargetError {
        ApplyTargetError(.sql, sqlState: "42710", message: "catalog item '\(name)' already exists")
    }
}

extension SimCursor {
    mutating func identifierOrFail() throws(ApplyTargetError) -> String {
        guard let name = identifier() else { throw SimCursor.syntax("expected an identifier at token \(position + 1)") }
        return name
    }
}
