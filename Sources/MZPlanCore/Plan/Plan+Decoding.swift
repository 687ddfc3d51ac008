// Plan JSON v1 read back (`mzplan apply plan.json`): the inverse of `Plan+JSON.swift`.

extension Plan {
    /// Reads plan JSON v1. Errors name the file and the JSON path of the offending member.
    package static func decode(_ bytes: [UInt8], file: String) throws(DiagnosticsError) -> Plan {
        let document = try JSONValue.parse(bytes, file: file)
        do {
            return try PlanDecoder(file: file).plan(document)
        } catch {
            throw DiagnosticsError(Diagnostic(.error, code: "plan.read", "\(file): \(error.path): \(error.message)"))
        }
    }
}

/// A member of plan JSON that is missing or has the wrong type.
struct PlanDecodingError: Error {
    var path: String
    var message: String
}

/// Field-by-field reading of plan JSON with JSON paths in errors.
struct PlanDecoder {
    let file: String

    func plan(_ document: JSONValue) throws(PlanDecodingError) -> Plan {
        let format = try string(document, "format", "$")
        guard format == Plan.format else {
            throw PlanDecodingError(path: "$.format", message: "expected \"\(Plan.format)\"; found \"\(format)\"")
        }
        return Plan(
            fingerprint: try string(document, "fingerprint", "$"),
            createdAtMs: try uint(document, "created_at_ms", "$"),
            summary: try summary(try member(document, "summary", "$")),
            clusters: try array(document, "clusters", "$").enumerated().map { index, value throws(PlanDecodingError) in try cluster(value, "$.clusters[\(index)]") },
            moves: try array(document, "moves", "$").enumerated().map { index, value throws(PlanDecodingError) in try move(value, "$.moves[\(index)]") },
            steps: try array(document, "steps", "$").enumerated().map { index, value throws(PlanDecodingError) in try step(value, "$.steps[\(index)]") },
            execution: try execution(document["execution"])
        )
    }

    private func summary(_ value: JSONValue) throws(PlanDecodingError) -> PlanSummary {
        let path = "$.summary"
        return PlanSummary(
            moves: try int(value, "moves", path),
            blocked: try int(value, "blocked", path),
            clustersCreated: try int(value, "clusters_created", path),
            clustersAltered: value["clusters_altered"]?.intValue ?? 0,
            clustersRenamed: value["clusters_renamed"]?.intValue ?? 0,
            clustersDropped: value["clusters_dropped"]?.intValue ?? 0,
            unlisted: try int(value, "unlisted", path),
            unchanged: value["unchanged"]?.intValue ?? 0,
            warnings: value["warnings"]?.intValue ?? 0,
            creditsPerHour: value["credits_per_hour"].flatMap { credits in
                guard let before = credits["before"]?.doubleValue, let after = credits["after"]?.doubleValue else { return nil }
                return CreditsPerHour(before: before, after: after)
            },
            transitionCredits: value["transition_credits"]?.doubleValue
        )
    }

    private func cluster(_ value: JSONValue, _ path: String) throws(PlanDecodingError) -> ClusterChange {
        ClusterChange(
            name: try string(value, "name", path),
            action: try enumeration(value, "action", path, ClusterChange.Action.init(rawValue:)),
            renamedFrom: value["renamed_from"]?.stringValue,
            fromSize: value["from_size"]?.stringValue,
            size: value["size"]?.stringValue,
            fromReplicationFactor: value["from_replication_factor"]?.intValue,
            replicationFactor: value["replication_factor"]?.intValue,
            strategy: try value["strategy"]?.stringValue.map { text throws(PlanDecodingError) in
                guard let strategy = ResizeStrategy(rawValue: text) else {
                    throw PlanDecodingError(path: "\(path).strategy", message: "unknown resize strategy '\(text)'")
                }
                return strategy
            },
            estimatedDowntimeMs: value["estimated_downtime_ms"]?.uintValue,
            hazards: try array(value, "hazards", path).enumerated().map { index, item throws(PlanDecodingError) in try hazard(item, "\(path).hazards[\(index)]") },
            steps: try ints(value, "steps", path)
        )
    }

    private func move(_ value: JSONValue, _ path: String) throws(PlanDecodingError) -> Move {
        Move(
            object: try name(value, "object", path),
            id: try string(value, "id", path),
            kind: try enumeration(value, "kind", path, ObjectKind.init(rawValue:)),
            from: try string(value, "from", path),
            to: try string(value, "to", path),
            strategy: try enumeration(value, "strategy", path, Strategy.init(rawValue:)),
            reason: value["reason"]?.stringValue ?? "",
            rule: value["rule"]?.stringValue.flatMap(SourceLocation.init(parsing:)),
            feasibility: try enumeration(value, "feasibility", path, Feasibility.init(rawValue:)),
            frontier: try frontier(value["frontier"], "\(path).frontier"),
            hazards: try array(value, "hazards", path).enumerated().map { index, item throws(PlanDecodingError) in try hazard(item, "\(path).hazards[\(index)]") },
            estimatedStalenessMs: value["estimated_staleness_ms"]?.uintValue ?? 0,
            steps: try ints(value, "steps", path),
            recreates: (value["recreates"]?.arrayValue ?? []).compactMap { $0.stringValue.flatMap(QualifiedName.init(display:)) }
        )
    }

    private func frontier(_ value: JSONValue?, _ path: String) throws(PlanDecodingError) -> FrontierCheck? {
        guard let value, !value.isNull else { return nil }
        let imports = try array(value, "imports", path).enumerated().map { index, item throws(PlanDecodingError) -> FrontierImport in
            let itemPath = "\(path).imports[\(index)]"
            return FrontierImport(
                relation: try name(item, "relation", itemPath),
                via: try enumeration(item, "via", itemPath, FrontierImport.Via.init(rawValue:)),
                index: item["index"]?.stringValue.flatMap(QualifiedName.init(display:)),
                sinceMs: item["since_ms"]?.uintValue
            )
        }
        return FrontierCheck(
            imports: imports,
            sinceMs: value["since_ms"]?.uintValue,
            upperMs: value["upper_ms"]?.uintValue,
            sealed: value["sealed"]?.boolValue ?? false,
            estimatedWaitMs: value["estimated_wait_ms"]?.uintValue
        )
    }

    private func hazard(_ value: JSONValue, _ path: String) throws(PlanDecodingError) -> Hazard {
        Hazard(
            try enumeration(value, "code", path, HazardCode.init(rawValue:)),
            allowed: value["allowed"]?.boolValue ?? false,
            message: value["message"]?.stringValue ?? "",
            remedies: (value["remedies"]?.arrayValue ?? []).compactMap(\.stringValue)
        )
    }

    private func step(_ value: JSONValue, _ path: String) throws(PlanDecodingError) -> Step {
        var wait: StepWait?
        if let member = value["wait"], !member.isNull {
            wait = StepWait(
                until: try enumeration(member, "until", "\(path).wait", StepWait.Condition.init(rawValue:)),
                object: try name(member, "object", "\(path).wait"),
                standsInFor: member["stands_in_for"]?.stringValue.flatMap(QualifiedName.init(display:))
            )
        }
        return Step(
            id: try int(value, "id", path),
            action: try enumeration(value, "action", path, Step.Action.init(rawValue:)),
            phase: try enumeration(value, "phase", path, Step.Phase.init(rawValue:)),
            sql: try string(value, "sql", path),
            after: try ints(value, "after", path),
            wait: wait,
            object: value["object"]?.stringValue.flatMap(QualifiedName.init(display:)),
            cluster: value["cluster"]?.stringValue,
            estimatedMs: value["estimated_ms"]?.uintValue ?? 0
        )
    }

    private func execution(_ value: JSONValue?) throws(PlanDecodingError) -> PlanExecution? {
        guard let value, !value.isNull else { return nil }
        let path = "$.execution"
        return PlanExecution(
            catalogFingerprint: try string(value, "catalog_fingerprint", path),
            options: ApplyOptions(
                lagThresholdMs: try uint(value, "lag_threshold_ms", path),
                stablePolls: try int(value, "stable_polls", path),
                pollIntervalMs: try uint(value, "poll_interval_ms", path),
                hydrationTimeoutMs: try uint(value, "hydration_timeout_ms", path),
                maxParallelHydrations: try int(value, "max_parallel_hydrations", path)
            )
        )
    }

    // MARK: Members

    private func member(_ value: JSONValue, _ key: String, _ path: String) throws(PlanDecodingError) -> JSONValue {
        guard let member = value[key] else { throw PlanDecodingError(path: "\(path).\(key)", message: "missing") }
        return member
    }

    private func string(_ value: JSONValue, _ key: String, _ path: String) throws(PlanDecodingError) -> String {
        guard let text = try member(value, key, path).stringValue else { throw PlanDecodingError(path: "\(path).\(key)", message: "expected a string") }
        return text
    }

    private func uint(_ value: JSONValue, _ key: String, _ path: String) throws(PlanDecodingError) -> UInt64 {
        guard let number = try member(value, key, path).uintValue else { throw PlanDecodingError(path: "\(path).\(key)", message: "expected a non-negative integer") }
        return number
    }

    private func int(_ value: JSONValue, _ key: String, _ path: String) throws(PlanDecodingError) -> Int {
        guard let number = try member(value, key, path).intValue else { throw PlanDecodingError(path: "\(path).\(key)", message: "expected a non-negative integer") }
        return number
    }

    private func array(_ value: JSONValue, _ key: String, _ path: String) throws(PlanDecodingError) -> [JSONValue] {
        guard let values = try member(value, key, path).arrayValue else { throw PlanDecodingError(path: "\(path).\(key)", message: "expected an array") }
        return values
    }

    private func ints(_ value: JSONValue, _ key: String, _ path: String) throws(PlanDecodingError) -> [Int] {
        try array(value, key, path).enumerated().map { index, item throws(PlanDecodingError) in
            guard let number = item.intValue else { throw PlanDecodingError(path: "\(path).\(key)[\(index)]", message: "expected an integer") }
            return number
        }
    }

    private func name(_ value: JSONValue, _ key: String, _ path: String) throws(PlanDecodingError) -> QualifiedName {
        let text = try string(value, key, path)
        guard let name = QualifiedName(display: text) else { throw PlanDecodingError(path: "\(path).\(key)", message: "expected a name db.schema.name; found \"\(text)\"") }
        return name
    }

    private func enumeration<T>(_ value: JSONValue, _ key: String, _ path: String, _ make: (String) -> T?) throws(PlanDecodingError) -> T {
        let text = try string(value, key, path)
        guard let result = make(text) else { throw PlanDecodingError(path: "\(path).\(key)", message: "unknown value \"\(text)\"") }
        return result
    }
}
