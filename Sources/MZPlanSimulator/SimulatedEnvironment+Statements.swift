import MZPlanCore

// The simulator's SQL front end: every statement goes through MZPlanCore's one parser
// (``Statement``) and the one list of refusals (``SQLRefusal``), then is interpreted here.

extension SimulatedEnvironment {
    /// Runs one statement; anything Materialize would refuse fails with its message, anything the
    /// simulator does not model with SQLSTATE 42601 and the statement's text.
    func run(_ sql: String, timeoutMs: UInt64?) throws(ApplyTargetError) {
        let statement: Statement
        do {
            statement = try Statement(parsing: sql)
        } catch {
            throw ApplyTargetError(.sql, sqlState: "42601", message: "syntax error: \(error): \(sql.prefix(200))")
        }
        if let refusal = SQLRefusal.check(statement, tablesFromSources: tablesFromSources) {
            throw ApplyTargetError(.sql, sqlState: refusal.sqlState, message: refusal.message)
        }
        if Self.keepsFrontiers(statement) { settleNewObjects() } else { refreshFrontiers() }
        switch statement {
        case .createCluster(let create): try createCluster(create)
        case .alter(let alter):
            if let wait = GracefulWait(statement) {
                try resizeGracefully(alter.name.last, alter.action, wait)
            } else {
                try self.alter(alter, sql: sql, timeoutMs: timeoutMs)
            }
        case .drop(let drop): try self.drop(drop, sql: sql)
        case .createMaterializedView(let view):
            if view.replacementFor != nil {
                try createReplacement(view)
            } else {
                try createMaterializedView(view)
            }
        case .createView(let view): try createView(view)
        case .createIndex(let index): try createIndex(index)
        case .createSource(let source): try createSource(source)
        case .createTable(let table): try createTable(table, sql: sql)
        case .createSink(let sink): try createSink(sink)
        case .createSubsource: throw notModeled(sql)
        }
    }

    /// Statements after which computing the frontiers late still gives what a pass before them
    /// would have (see ``updateFrontiers()``), so they do not run it: adding a dataflow changes no
    /// upper and holds sinces back only from its as_of, which it computes from the sinces it
    /// imports; dropping objects with everything that reads them leaves the others' uppers as they
    /// were and only lets sinces advance further (a dropped source's subsources are kept for its
    /// re-creation, frontiers and all: that drop runs the pass); renaming an item changes no frontier;
    /// `APPLY REPLACEMENT` brings up to date the objects whose frontiers it changes the inputs of.
    private static func keepsFrontiers(_ statement: Statement) -> Bool {
        switch statement {
        case .createMaterializedView, .createView, .createIndex, .createSink:
            true
        case .drop(let drop):
            ![.cluster, .schema, .source].contains(drop.objectType)
        case .alter(let alter):
            switch alter.action {
            case .rename, .applyReplacement: alter.objectType != .cluster && alter.objectType != .schema
            default: false
            }
        default:
            false
        }
    }

    // MARK: Clusters

    private func createCluster(_ create: CreateClusterStatement) throws(ApplyTargetError) {
        guard cluster(named: create.name) == nil else { throw clusterExists(create.name) }
        let settings = try clusterSettings(create.options)
        let factor = settings.factor ?? 1
        let replicas = (0..<factor).map { CatalogReplica(id: newID(), name: "r\($0 + 1)", size: settings.size, status: "online", oomKills24h: faults.oomClusters.contains(create.name) ? 3 : 0) }
        clusters.append(CatalogCluster(id: newID(), name: create.name, managed: true, size: settings.size, replicationFactor: factor, replicas: replicas))
    }

    private func alterCluster(_ name: String, _ action: AlterStatement.Action, sql: String) throws(ApplyTargetError) {
        guard let index = clusters.firstIndex(where: { $0.name == name }) else { throw unknown("cluster '\(name)'") }
        switch action {
        case .rename(let newName):
            guard cluster(named: newName) == nil else { throw clusterExists(newName) }
            clusters[index].name = newName
            for id in order where objects[id]?.cluster == name { objects[id]?.cluster = newName }
        case .swap(let other):
            guard let otherIndex = clusters.firstIndex(where: { $0.name == other }) else { throw unknown("cluster '\(other)'") }
            clusters[index].name = other
            clusters[otherIndex].name = name
            for id in order {
                if objects[id]?.cluster == name { objects[id]?.cluster = other } else if objects[id]?.cluster == other { objects[id]?.cluster = name }
            }
        case .set(let options, let with):
            guard with.isEmpty else { throw notModeled(sql) }
            let settings = try clusterSettings(options)
            let sizeChanges = settings.size != nil && settings.size != clusters[index].size
            let previousFactor = clusters[index].replicationFactor ?? clusters[index].replicas.count
            reconfigure(index, settings)
            // A new size replaces every replica: everything on the cluster rehydrates. A new
            // replication factor alone adds or removes replicas beside the ones serving.
            if sizeChanges || (previousFactor == 0) != ((clusters[index].replicationFactor ?? 0) == 0) {
                restart(order.filter { objects[$0]?.cluster == name })
            }
        default:
            throw notModeled(sql)
        }
    }

    /// Sets size and replication factor; the replicas are new when the size changes, else
    /// added or removed at the end.
    private func reconfigure(_ index: Int, _ settings: (size: String?, factor: Int?)) {
        let sizeChanges = settings.size != nil && settings.size != clusters[index].size
        if let size = settings.size { clusters[index].size = size }
        let factor = settings.factor ?? clusters[index].replicationFactor ?? clusters[index].replicas.count
        clusters[index].replicationFactor = factor
        var replicas = sizeChanges ? [] : Array(clusters[index].replicas.prefix(factor))
        while replicas.count < factor {
            replicas.append(CatalogReplica(id: newID(), name: "r\(replicas.count + 1)", size: clusters[index].size, status: "online", oomKills24h: 0))
        }
        clusters[index].replicas = replicas
    }

    /// `ALTER CLUSTER … SET (…) WITH (WAIT UNTIL READY …)`: new replicas hydrate everything on the
    /// cluster beside the old ones, which serve meanwhile; the statement returns at the cutover.
    /// Sources and sinks run on one replica: they move at the cutover and restart there. Past
    /// the TIMEOUT, `ROLLBACK` keeps the old replicas and fails as Materialize's
    /// `AdapterError::AlterClusterTimeout` does (57014, `src/adapter/src/error.rs`); `COMMIT` cuts over anyway.
    private func resizeGracefully(_ name: String, _ action: AlterStatement.Action, _ wait: GracefulWait) throws(ApplyTargetError) {
        guard let index = clusters.firstIndex(where: { $0.name == name }) else { throw unknown("cluster '\(name)'") }
        guard case .set(let options, _) = action else { throw syntax("WAIT UNTIL READY goes with ALTER CLUSTER … SET (…)") }
        let settings = try clusterSettings(options)
        guard settings.size != nil && settings.size != clusters[index].size else {
            throw ApplyTargetError(.sql, sqlState: "0A000", message: "WAIT UNTIL READY needs a change of SIZE")
        }
        let ids = order.filter { objects[$0]?.cluster == name }
        let work = ids.reduce(UInt64(0)) { $0 + (objects[$1]?.hydrationTimeMs ?? Self.defaultHydrationMs) }
        if work > wait.timeoutMs {
            advance(to: timeMs + wait.timeoutMs)
            guard wait.commitsOnTimeout else {
                throw ApplyTargetError(.sql, sqlState: "57014", message: "canceling statement, provided timeout lapsed")
            }
            reconfigure(index, settings)
            restart(ids)
            return
        }
        advance(to: timeMs + work)
        reconfigure(index, settings)
        restart(ids.filter { [.source, .subsource, .sink, .table].contains(objects[$0]?.kind) })
    }

    /// `SIZE` and `REPLICATION FACTOR`; other cluster options are not modelled.
    private func clusterSettings(_ options: [SQLOption]) throws(ApplyTargetError) -> (size: String?, factor: Int?) {
        var size: String?
        var factor: Int?
        for option in options {
            switch option.name {
            case "SIZE":
                guard let value = option.value?.stringLiteral else { throw syntax("SIZE takes a string, such as SIZE = '100cc'") }
                size = value
            case "REPLICATION FACTOR":
                guard let value = option.value?.integer else { throw syntax("REPLICATION FACTOR takes a number") }
                factor = value
            default:
                throw ApplyTargetError(.sql, sqlState: "42601", message: "the simulator does not model the cluster option \(option.name)")
            }
        }
        if let size, let sizes, !sizes.contains(where: { $0.name == size }) { throw ApplyTargetError(.sql, sqlState: "22023", message: "unknown cluster size \(size)") }
        return (size, factor)
    }

    // MARK: ALTER

    private func alter(_ alter: AlterStatement, sql: String, timeoutMs: UInt64?) throws(ApplyTargetError) {
        if alter.objectType == .cluster {
            return try alterCluster(alter.name.last, alter.action, sql: sql)
        }
        guard alter.objectType != .schema else { throw notModeled(sql) }
        let name = qualified(alter.name)
        guard let object = object(named: name), SQLObjectType(object.kind) == alter.objectType, object.replacementFor == nil || alter.objectType != .materializedView else {
            if alter.ifExists { return }
            throw unknown("\(alter.objectType.rawValue.lowercased()) '\(name)'")
        }
        switch alter.action {
        case .rename(let newName):
            try renameItem(object, to: newName)
        case .applyReplacement(let replacement) where alter.objectType == .materializedView:
            try applyReplacement(of: object, with: qualified(replacement), timeoutMs: timeoutMs)
        case .setCluster(let cluster) where alter.objectType == .materializedView:
            try setCluster(of: object, to: cluster)
        case .setCluster:
            throw ApplyTargetError(.sql, sqlState: "0A000", message: "ALTER \(alter.objectType.rawValue) SET CLUSTER not yet supported")
        default:
            throw notModeled(sql)
        }
    }

    /// `APPLY REPLACEMENT`: blocks until the view reaches the replacement's as_of; the view then
    /// takes the replacement's id, cluster and dataflow, and its dependents point at the new id.
    private func applyReplacement(of view: CatalogObject, with replacementName: QualifiedName, timeoutMs: UInt64?) throws(ApplyTargetError) {
        guard let replacement = object(named: replacementName), replacement.replacementFor == view.id else {
            throw ApplyTargetError(.sql, sqlState: "XX000", message: "cannot replace materialized view \(view.name) with materialized view \(replacementName.name)")
        }
        let start = asOf[replacement.id] ?? 0
        let deadline = timeMs + (timeoutMs ?? 3_600_000)
        func viewUpper() -> UInt64 {
            var frontiers = currentUppers()
            return table.position(of: view.id).flatMap { frontiers.upper(at: $0) } ?? 0
        }
        while viewUpper() < start || table[replacement.id]?.hydrated != true {
            guard timeMs < deadline else {
                // Materialize's statement_timeout does not bound APPLY: it ends only when cancelled.
                throw ApplyTargetError(.timedOut, message: "APPLY REPLACEMENT cancelled at its deadline: '\(view.qualifiedName)' had not reached its replacement's start \(start)")
            }
            // Uppers advance with the clock: jump by what is missing (hydration stops the jump early).
            let missing = start - min(start, viewUpper())
            advance(to: min(deadline, timeMs + max(100, missing)))
        }
        // What the view's frontiers are computed from changes here: they, its readers' and those
        // of what either dataflow imports are brought up to date first (the rest can wait).
        refreshFrontiers(of: [view.id, replacement.id])
        let current = table[view.id]!
        if start > (current.upperMs ?? 0) {
            violations.append(SimulatorViolation(atMs: timeMs, object: view.qualifiedName, message: "skipped times [\(current.upperMs ?? 0), \(start))"))
        }
        let applied = table[replacement.id]!
        var updated = current
        updated.id = applied.id
        updated.cluster = applied.cluster
        updated.imports = applied.imports
        updated.dependsOn = applied.dependsOn
        updated.lagMs = applied.lagMs
        updated.hydrated = true
        updated.createSQL = applied.createSQL.map { Self.appliedCreateSQL($0, keeping: view.qualifiedName) }
        updated.replacementFor = nil
        remove([view.id, replacement.id])
        insert(updated)
        asOf[updated.id] = nil
        table.redirect(view.id, to: updated.id)
        frontiersStale = true
    }

    /// The stored statement of a view after `APPLY REPLACEMENT`: the replacement's, under the view's name.
    static func appliedCreateSQL(_ replacementSQL: String, keeping name: QualifiedName) -> String {
        guard case .createMaterializedView(var statement)? = try? Statement(parsing: replacementSQL) else { return replacementSQL }
        statement.name = ObjectName(name)
        statement.replacementFor = nil
        return statement.sql
    }

    /// The experimental `SET CLUSTER`: the dataflow restarts on the new cluster at the as_of of
    /// its imports there; a gap is recorded when that is past the view's upper.
    private func setCluster(of view: CatalogObject, to clusterName: String) throws(ApplyTargetError) {
        guard cluster(named: clusterName) != nil else { throw unknown("cluster '\(clusterName)'") }
        var moved = view
        moved.imports = []
        objects[view.id] = moved
        let (imports, start) = importsAndAsOf(view.dependsOn, on: clusterName)
        if let upper = view.upperMs, !view.sealed, start > upper {
            violations.append(SimulatorViolation(atMs: timeMs, object: view.qualifiedName, message: "native SET CLUSTER skipped times [\(upper), \(start))"))
        }
        moved.cluster = clusterName
        moved.imports = imports
        moved.hydrated = false
        objects[view.id] = moved
        objects.relink(id: view.id)
        asOf[view.id] = start
        hydrationLeft[view.id] = Double(hydrationTime(for: view.qualifiedName))
        frontiersStale = true
    }

    // MARK: DROP

    private func drop(_ drop: DropStatement, sql: String) throws(ApplyTargetError) {
        for name in drop.names {
            if drop.objectType == .cluster {
                try dropCluster(name.last, ifExists: drop.ifExists)
                continue
            }
            guard drop.objectType != .schema else { throw notModeled(sql) }
            try dropObject(qualified(name), type: drop.objectType, cascade: drop.cascade, ifExists: drop.ifExists)
        }
    }

    private func dropCluster(_ name: String, ifExists: Bool) throws(ApplyTargetError) {
        guard cluster(named: name) != nil else {
            if ifExists { return }
            throw unknown("cluster '\(name)'")
        }
        guard !order.contains(where: { objects[$0]?.cluster == name }) else {
            throw ApplyTargetError(.sql, sqlState: "2BP01", message: "cannot drop cluster \"\(name)\": still depended upon by objects on it")
        }
        clusters.removeAll { $0.name == name }
    }

    private func dropObject(_ name: QualifiedName, type: SQLObjectType, cascade: Bool, ifExists: Bool) throws(ApplyTargetError) {
        guard let object = object(named: name), SQLObjectType(object.kind) == type else {
            if ifExists { return }
            throw unknown("\(type.rawValue.lowercased()) '\(name)'")
        }
        let dependents = closure(of: object.id)
        let blocking = dependents.filter { table[$0]?.kind != .subsource && table[$0]?.replacementFor != object.id }
        if !cascade, let first = blocking.first.flatMap({ table[$0] }) {
            throw ApplyTargetError(.sql, sqlState: "2BP01", message: "cannot drop \(type.rawValue.lowercased()) \"\(name.name)\": still depended upon by \(first.kind.rawValue) \"\(first.name)\"")
        }
        if type == .index, object.hydrated != false {
            let others = object.on.map { table.indexes(on: $0) }?.filter { $0.id != object.id } ?? []
            if !others.isEmpty, !others.contains(where: { $0.hydrated == true }) {
                violations.append(SimulatorViolation(atMs: timeMs, object: name, message: "index dropped before the index replacing it was ready"))
            }
        }
        if type == .source {
            droppedSubsources[name] = dependents.compactMap { table[$0] }.filter { $0.kind == .subsource && $0.dependsOn == [object.id] }
        }
        remove(Set([object.id] + dependents))
        frontiersStale = true
    }

    /// Every object depending on `id`, transitively: its dependents, the indexes on it and its
    /// replacements, each level in creation order. By the ids each object names: a reader of an
    /// applied replacement names the id the view took over, which its positions do not follow.
    func closure(of id: String) -> [String] {
        guard let start = table.position(of: id) else { return [] }
        let table = self.table
        var result: [String] = []
        var seen: Set<Int> = [start]
        var pending = [start]
        while let next = pending.popLast() {
            guard let read = table.slots[next]?.id else { continue }
            for other in table.positions(naming: read) where !seen.contains(other) {
                guard let reader = table.slots[other], reader.dependsOn.contains(read) || reader.on == read || reader.replacementFor == read else { continue }
                seen.insert(other)
                result.append(reader.id)
                pending.append(other)
            }
        }
        return result
    }

    // MARK: Names and errors

    /// A statement's name in the simulated session: database `materialize`, schema `public` by default.
    func qualified(_ name: ObjectName) -> QualifiedName {
        if let id = name.id, let object = table[id] { return object.qualifiedName }
        return name.qualified(database: "materialize", schema: "public")
    }

    /// The ids of the relations `names` refer to; with `strict`, an unknown one is an error.
    func resolve(_ names: [ObjectName], strict: Bool) throws(ApplyTargetError) -> [String] {
        var ids: [String] = []
        for name in names {
            let qualified = qualified(name)
            if let object = object(named: qualified) {
                if !ids.contains(object.id) { ids.append(object.id) }
            } else if strict {
                throw ApplyTargetError(.sql, sqlState: "42P01", message: "unknown catalog item '\(qualified)'")
            }
        }
        return ids
    }

    /// The cluster a statement names; `IN CLUSTER` is required (mzplan always writes it).
    func clusterName(_ reference: ClusterReference?) throws(ApplyTargetError) -> String {
        guard let reference else { throw syntax("the simulator needs IN CLUSTER: it has no session cluster") }
        guard let name = reference.name({ id in self.clusters.first { $0.id == id }?.name }), cluster(named: name) != nil else {
            throw unknown("cluster '\(reference)'")
        }
        return name
    }

    func unknown(_ what: String) -> ApplyTargetError {
        ApplyTargetError(.sql, sqlState: "42704", message: "unknown \(what)")
    }

    func exists(_ name: QualifiedName) -> ApplyTargetError {
        ApplyTargetError(.sql, sqlState: "42710", message: "catalog item '\(name)' already exists")
    }

    private func clusterExists(_ name: String) -> ApplyTargetError {
        ApplyTargetError(.sql, sqlState: "42710", message: "cluster '\(name)' already exists")
    }

    func syntax(_ message: String) -> ApplyTargetError {
        ApplyTargetError(.sql, sqlState: "42601", message: "syntax error: \(message)")
    }

    /// A statement the parser reads but the simulator does not interpret.
    func notModeled(_ sql: String) -> ApplyTargetError {
        ApplyTargetError(.sql, sqlState: "42601", message: "the simulator does not model this statement: \(sql.prefix(200))")
    }
}
