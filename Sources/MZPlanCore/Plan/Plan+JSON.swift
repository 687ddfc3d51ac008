// Plan JSON v1 (SPEC §5): what `diff -o` writes and `--format json` prints.
//
// Keys are snake_case and always present (absent values are `null`), in a fixed order, so the
// same plan always gives the same bytes. Object names are written as display strings
// (`db.schema.name`, parts that are not plain lowercase identifiers double-quoted).

extension Plan {
    /// The plan as a JSON document, keys in a fixed order.
    package func jsonValue() -> JSONValue {
        .object([
            ("format", .string(Plan.format)),
            ("fingerprint", .string(fingerprint)),
            ("created_at_ms", .uint(createdAtMs)),
            ("summary", summary.jsonValue()),
            ("clusters", .array(clusters.map { $0.jsonValue() })),
            ("moves", .array(ParallelPair.map(moves.count, threshold: Self.parallelJSONCount) { moves[$0].jsonValue() })),
            ("steps", .array(ParallelPair.map(steps.count, threshold: Self.parallelJSONCount) { steps[$0].jsonValue() })),
            ("execution", execution.map { $0.jsonValue() } ?? .null),
        ])
    }

    /// From this many moves or steps on, their JSON values are built in two halves on two threads.
    private static let parallelJSONCount = 2048

    /// Plan JSON v1, pretty-printed with two-space indentation and a trailing newline.
    package func json() -> String {
        String(decoding: jsonBytes(), as: UTF8.self)
    }

    /// ``json()`` as UTF-8 bytes, without building a `String` (a 100 000-object plan is 29 MB).
    package func jsonBytes() -> [UInt8] {
        let value = jsonValue()
        var bytes = value.serializedBytes(pretty: true)
        bytes.append(UInt8(ascii: "\n"))
        // A large tree is freed on another thread while the bytes go out.
        if steps.count >= Self.parallelJSONCount { BackgroundRelease.release(consume value) }
        return bytes
    }
}

extension PlanSummary {
    func jsonValue() -> JSONValue {
        .object([
            ("moves", .int(moves)),
            ("blocked", .int(blocked)),
            ("clusters_created", .int(clustersCreated)),
            ("clusters_altered", .int(clustersAltered)),
            ("clusters_renamed", .int(clustersRenamed)),
            ("clusters_dropped", .int(clustersDropped)),
            ("unlisted", .int(unlisted)),
            ("unchanged", .int(unchanged)),
            ("warnings", .int(warnings)),
            ("credits_per_hour", creditsPerHour.map { .object([("before", .double($0.before)), ("after", .double($0.after))]) } ?? .null),
            ("transition_credits", .double(transitionCredits)),
        ])
    }
}

extension ClusterChange {
    func jsonValue() -> JSONValue {
        .object([
            ("name", .string(name)),
            ("action", .string(action.rawValue)),
            ("renamed_from", .string(renamedFrom)),
            ("from_size", .string(fromSize)),
            ("size", .string(size)),
            ("from_replication_factor", .int(fromReplicationFactor)),
            ("replication_factor", .int(replicationFactor)),
            ("strategy", .string(strategy?.rawValue)),
            ("estimated_downtime_ms", .uint(estimatedDowntimeMs)),
            ("hazards", .array(hazards.map { $0.jsonValue() })),
            ("steps", .array(steps.map { .int($0) })),
        ])
    }
}

extension Move {
    func jsonValue() -> JSONValue {
        .object([
            ("object", .string(object.description)),
            ("id", .string(id)),
            ("kind", .string(kind.rawValue)),
            ("from", .string(from)),
            ("to", .string(to)),
            ("strategy", .string(strategy.rawValue)),
            ("reason", .string(reason)),
            ("rule", .string(rule?.description)),
            ("feasibility", .string(feasibility.rawValue)),
            ("frontier", frontier.map { $0.jsonValue() } ?? .null),
            ("hazards", .array(hazards.map { $0.jsonValue() })),
            ("estimated_staleness_ms", .uint(estimatedStalenessMs)),
            ("steps", .array(steps.map { .int($0) })),
            ("recreates", .strings(recreates.map(\.description))),
        ])
    }
}

extension FrontierCheck {
    func jsonValue() -> JSONValue {
        .object([
            ("imports", .array(imports.map { $0.jsonValue() })),
            ("since_ms", .uint(sinceMs)),
            ("upper_ms", .uint(upperMs)),
            ("sealed", .bool(sealed)),
            ("estimated_wait_ms", .uint(estimatedWaitMs)),
        ])
    }
}

extension FrontierImport {
    func jsonValue() -> JSONValue {
        .object([
            ("relation", .string(relation.description)),
            ("via", .string(via.rawValue)),
            ("index", .string(index?.description)),
            ("since_ms", .uint(sinceMs)),
        ])
    }
}

extension Hazard {
    func jsonValue() -> JSONValue {
        .object([
            ("code", .string(code.rawValue)),
            ("severity", .string(severity.rawValue)),
            ("allowed", .bool(allowed)),
            ("message", .string(message)),
            ("remedies", .strings(remedies)),
        ])
    }
}

extension Step {
    func jsonValue() -> JSONValue {
        .object([
            ("id", .int(id)),
            ("action", .string(action.rawValue)),
            ("phase", .string(phase.rawValue)),
            ("sql", .string(sql)),
            ("after", .array(after.map { .int($0) })),
            ("wait", wait.map { $0.jsonValue() } ?? .null),
            ("object", .string(object?.description)),
            ("cluster", .string(cluster)),
            ("estimated_ms", .uint(estimatedMs)),
        ])
    }
}

extension StepWait {
    func jsonValue() -> JSONValue {
        .object([
            ("until", .string(until.rawValue)),
            ("object", .string(object.description)),
            ("stands_in_for", .string(standsInFor?.description)),
        ])
    }
}
