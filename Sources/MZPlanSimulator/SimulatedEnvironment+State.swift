package import MZPlanCore

// `--simulate-state FILE`: the whole simulated environment, journal and lock included, so that a
// later `--resume` continues it (``SimulationStore`` keeps it current after every statement). The
// file is a catalog snapshot (readable by `--catalog`) with one extra member, `simulator`.

extension SimulatedEnvironment {
    /// The environment as a snapshot document with a `simulator` member.
    package func savedState() -> [UInt8] {
        let raw = CatalogSnapshot(takenAtMs: timeMs, version: "simulated", clusters: clusters, objects: order.compactMap { objects[$0] }, sizes: sizes)
        func map<V>(_ values: [String: V], _ encode: (V) -> JSONValue) -> JSONValue {
            .object(values.keys.sorted().map { ($0, encode(values[$0]!)) })
        }
        let simulator = JSONValue.object([
            ("generation", .int(generation)),
            ("next_id", .int(nextID)),
            ("statements", .int(statementsExecuted)),
            ("lock", lock.map(\.stateJSON) ?? .null),
            ("journal", .array(journal.map(\.stateJSON))),
            ("as_of", map(asOf.byID) { .uint($0) }),
            ("hydration_left", map(hydrationLeft) { .uint(UInt64($0.rounded(.up))) }),
            ("hydration_by_name", map(Dictionary(uniqueKeysWithValues: hydrationByName.map { ($0.key.description, $0.value) })) { .uint($0) }),
            ("memory_by_name", map(Dictionary(uniqueKeysWithValues: memoryByName.map { ($0.key.description, $0.value) })) { .uint($0) }),
            ("memory_oom_clusters", .strings(memoryLooping.sorted())),
            ("original_names", .strings(originalNames.map(\.description).sorted())),
            ("staleness_ms", map(Dictionary(uniqueKeysWithValues: stalenessMs.map { ($0.key.description, $0.value) })) { .uint($0) }),
            ("interrupted", .strings(interrupted.sorted())),
            ("downtime_ms", map(downtimeMs) { .uint($0) }),
            ("compute_downtime_ms", map(computeDowntimeMs) { .uint($0) }),
            ("violations", .array(violations.map { .object([("at_ms", .uint($0.atMs)), ("object", .string($0.object?.description)), ("message", .string($0.message))]) })),
            ("oom_clusters", .strings(faults.oomClusters.sorted())),
            ("stalled_sources", .strings(faults.stalledSources.map(\.description).sorted())),
        ])
        // The snapshot pretty-printed as a document, its last member `simulator`.
        var bytes = JSONPrettyPrinter.reindent(raw.encodedBytes())
        bytes.removeLast(2)
        bytes.append(contentsOf: ",\n  \"simulator\": ".utf8)
        bytes.append(contentsOf: simulator.serializedBytes(pretty: true, indent: 2))
        bytes.append(contentsOf: "\n}\n".utf8)
        return bytes
    }

    /// An environment saved by ``savedState()``.
    package static func restore(_ bytes: [UInt8], file: String) throws(DiagnosticsError) -> SimulatedEnvironment {
        let snapshot = try CatalogSnapshot.decode(bytes, file: file)
        let document = try JSONValue.parse(bytes, file: file)
        guard let state = document["simulator"] else {
            throw DiagnosticsError(Diagnostic(.error, code: "simulate.state", "\(file) is a snapshot, not a saved simulator state (no `simulator` member)"))
        }
        var faults = SimulatorFaults()
        faults.oomClusters = Set((state["oom_clusters"]?.arrayValue ?? []).compactMap(\.stringValue))
        faults.stalledSources = Set((state["stalled_sources"]?.arrayValue ?? []).compactMap { $0.stringValue.flatMap(QualifiedName.init(display:)) })
        let environment = SimulatedEnvironment(snapshot, faults: faults)
        func members(_ key: String) -> [(String, JSONValue)] {
            if case .object(let members)? = state[key] { return members }
            return []
        }
        environment.nextID = state["next_id"]?.intValue ?? environment.nextID
        environment.statementsExecuted = state["statements"]?.intValue ?? 0
        environment.generation = state["generation"]?.intValue ?? 0
        if let lock = state["lock"], !lock.isNull { environment.lock = LockHolder(stateJSON: lock) }
        environment.journal = (state["journal"]?.arrayValue ?? []).compactMap(JournalEntry.init(stateJSON:))
        environment.asOf = AsOfTable(Dictionary(uniqueKeysWithValues: members("as_of").compactMap { key, value in value.uintValue.map { (key, $0) } }))
        environment.hydrationLeft = Dictionary(uniqueKeysWithValues: members("hydration_left").compactMap { key, value in value.uintValue.map { (key, Double($0)) } })
        for (key, value) in members("hydration_by_name") {
            if let name = QualifiedName(display: key) { environment.hydrationByName[name] = value.uintValue }
        }
        for (key, value) in members("memory_by_name") {
            if let name = QualifiedName(display: key), let bytes = value.uintValue { environment.memoryByName[name] = bytes }
        }
        environment.memoryLooping = Set((state["memory_oom_clusters"]?.arrayValue ?? []).compactMap(\.stringValue))
        if let names = state["original_names"]?.arrayValue {
            environment.originalNames = Set(names.compactMap { $0.stringValue.flatMap(QualifiedName.init(display:)) })
            environment.originals = nil
        }
        environment.stalenessMs = Dictionary(uniqueKeysWithValues: members("staleness_ms").compactMap { key, value in
            guard let name = QualifiedName(display: key), let ms = value.uintValue else { return nil }
            return (name, ms)
        })
        environment.interrupted = Set((state["interrupted"]?.arrayValue ?? []).compactMap(\.stringValue))
        environment.downtimeMs = Dictionary(uniqueKeysWithValues: members("downtime_ms").compactMap { key, value in value.uintValue.map { (key, $0) } })
        environment.computeDowntimeMs = Dictionary(uniqueKeysWithValues: members("compute_downtime_ms").compactMap { key, value in value.uintValue.map { (key, $0) } })
        environment.violations = (state["violations"]?.arrayValue ?? []).map { row in
            SimulatorViolation(atMs: row["at_ms"]?.uintValue ?? 0, object: row["object"]?.stringValue.flatMap(QualifiedName.init(display:)), message: row["message"]?.stringValue ?? "")
        }
        return environment
    }
}

// Lock and journal rows as the state file and its write-ahead log hold them.

extension LockHolder {
    var stateJSON: JSONValue {
        .object([
            ("plan_fingerprint", .string(planFingerprint)),
            ("host", .string(host)),
            ("pid", .int(pid)),
            ("started_at_ms", .uint(startedAtMs)),
        ])
    }

    init(stateJSON value: JSONValue) {
        self.init(
            planFingerprint: value["plan_fingerprint"]?.stringValue ?? "",
            host: value["host"]?.stringValue ?? "",
            pid: value["pid"]?.intValue ?? 0,
            startedAtMs: value["started_at_ms"]?.uintValue ?? 0
        )
    }
}

extension JournalEntry {
    var stateJSON: JSONValue {
        .object([
            ("plan_fingerprint", .string(planFingerprint)),
            ("step_id", .int(stepID)),
            ("action", .string(action)),
            ("status", .string(status.rawValue)),
            ("at_ms", .uint(atMs)),
            ("detail", .string(detail)),
        ])
    }

    init?(stateJSON value: JSONValue) {
        guard let status = value["status"]?.stringValue.flatMap(Status.init(rawValue:)) else { return nil }
        self.init(
            planFingerprint: value["plan_fingerprint"]?.stringValue ?? "",
            stepID: value["step_id"]?.intValue ?? 0,
            action: value["action"]?.stringValue ?? "",
            status: status,
            atMs: value["at_ms"]?.uintValue ?? 0,
            detail: value["detail"]?.stringValue ?? ""
        )
    }
}
