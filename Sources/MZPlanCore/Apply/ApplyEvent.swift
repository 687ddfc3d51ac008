/// One progress event (SPEC §6.5): NDJSON with `--progress ndjson`, a line otherwise.
///
/// Every event has `event` and `ts_ms` (virtual time under `--simulate`), then `step` and
/// `object` where they apply, then the fields of its ``Kind``, encoded in one place
/// (``ndjsonLine()``) and read, typed, by the progress printer.
package struct ApplyEvent: Sendable {
    /// What happened, with its fields.
    package enum Kind: Sendable {
        case plan(fingerprint: String, moves: Int, steps: Int, blocked: Int)
        /// A statement starts: a step's, or one of `--abort`'s drops (`action` "abort").
        case stepStarted(action: String, cluster: String?, sql: String)
        case stepFinished(action: String)
        case objectStatus(ObjectStatus)
        case ready(standsInFor: QualifiedName?)
        case cutover(cluster: String?)
        case warning(code: String, message: String)
        case violation(message: String)
        case summary(Summary)
    }

    /// A waiting object's state at one readiness poll.
    package struct ObjectStatus: Sendable {
        package var hydrated: Bool
        package var upperMs: UInt64?
        package var lagMs: UInt64?
        package var status: String?
        package var ready: Bool
        /// Why it is not ready yet.
        package var waitingFor: String?

        package init(hydrated: Bool, upperMs: UInt64?, lagMs: UInt64?, status: String?, ready: Bool, waitingFor: String?) {
            self.hydrated = hydrated
            self.upperMs = upperMs
            self.lagMs = lagMs
            self.status = status
            self.ready = ready
            self.waitingFor = waitingFor
        }
    }

    /// The last event: how the run ended and what happened to each move.
    package struct Summary: Sendable {
        package var outcome: String
        package var exitCode: Int32
        package var message: String
        package var makespanMs: UInt64
        package var statements: Int
        package var polls: Int
        package var moves: [Move]
        /// Simulated runs: the bounds the benchmark compares with.
        package var simulation: Simulation?
        /// Simulated runs: each resized cluster's measured downtime.
        package var clusters: [ClusterDowntime]?
    }

    /// One move in the summary.
    package struct Move: Sendable {
        package var object: QualifiedName
        package var kind: ObjectKind
        package var strategy: Strategy
        package var from: String
        package var to: String
        package var state: ApplyReport.MoveResult.State
        package var waitMs: UInt64
        /// Simulated runs: how long the object was missing or not hydrated.
        package var stalenessMs: UInt64?
        package var reason: String?
    }

    /// What a simulated apply measured against its bounds (``ApplyReport`` has the rest).
    package struct Simulation: Sendable {
        package var lowerBoundMs: UInt64
        package var criticalPathMs: UInt64
        package var clusterWorkMs: UInt64
        package var sequentialMs: UInt64
        package var recreateStalenessMs: UInt64
        package var violations: Int

        package init(lowerBoundMs: UInt64, criticalPathMs: UInt64, clusterWorkMs: UInt64, sequentialMs: UInt64, recreateStalenessMs: UInt64, violations: Int) {
            self.lowerBoundMs = lowerBoundMs
            self.criticalPathMs = criticalPathMs
            self.clusterWorkMs = clusterWorkMs
            self.sequentialMs = sequentialMs
            self.recreateStalenessMs = recreateStalenessMs
            self.violations = violations
        }
    }

    /// A resized cluster's strategy and measured downtime.
    package struct ClusterDowntime: Sendable {
        package var name: String
        package var strategy: String
        package var downtimeMs: UInt64

        package init(name: String, strategy: String, downtimeMs: UInt64) {
            self.name = name
            self.strategy = strategy
            self.downtimeMs = downtimeMs
        }
    }

    package var kind: Kind
    package var tsMs: UInt64
    package var step: Int?
    /// The object's name as written in plans (``QualifiedName/description``): rendered once by
    /// whoever emits events about the same object poll after poll.
    package var object: String?

    package init(_ kind: Kind, tsMs: UInt64, step: Int? = nil, object: String? = nil) {
        self.kind = kind
        self.tsMs = tsMs
        self.step = step
        self.object = object
    }

    /// The `event` member's value.
    package var name: String {
        switch kind {
        case .plan: "plan"
        case .stepStarted: "step-started"
        case .stepFinished: "step-finished"
        case .objectStatus: "object-status"
        case .ready: "ready"
        case .cutover: "cutover"
        case .warning: "warning"
        case .violation: "violation"
        case .summary: "summary"
        }
    }

    /// The event as one JSON line with its line feed: what `--progress ndjson` writes.
    package func ndjsonLine() -> [UInt8] {
        var line: [UInt8] = []
        appendNDJSONLine(to: &line)
        return line
    }

    /// ``ndjsonLine()`` appended to `output`, its members written straight into it (an apply of
    /// thousands of objects reports each waiting one at every poll).
    package func appendNDJSONLine(to output: inout [UInt8]) {
        // The buffer moves into the writer and back, so that appending never copies it.
        var line = NDJSONMembers(output: output)
        output = []
        line.literal(#"{"event":"#)
        JSONValue.writeString(name, to: &line.output)
        line.add("ts_ms", tsMs)
        if let step { line.add("step", step) }
        if let object { line.add("object", object) }
        switch kind {
        case .plan(let fingerprint, let moves, let steps, let blocked):
            line.add("fingerprint", fingerprint)
            line.add("moves", moves)
            line.add("steps", steps)
            line.add("blocked", blocked)
        case .stepStarted(let action, let cluster, let sql):
            line.add("action", action)
            line.add("cluster", cluster)
            line.add("sql", sql)
        case .stepFinished(let action):
            line.add("action", action)
        case .objectStatus(let status):
            line.add("hydrated", status.hydrated)
            line.add("upper_ms", status.upperMs)
            line.add("lag_ms", status.lagMs)
            line.add("status", status.status)
            line.add("ready", status.ready)
            line.add("waiting_for", status.waitingFor)
        case .ready(let standsInFor):
            line.add("stands_in_for", standsInFor?.description)
        case .cutover(let cluster):
            line.add("cluster", cluster)
        case .warning(let code, let message):
            line.add("code", code)
            line.add("message", message)
        case .violation(let message):
            line.add("message", message)
        case .summary(let summary):
            for (key, value) in summary.fields { line.add(key, value) }
        }
        line.literal("}\n")
        output = line.output
    }
}

/// Members after the first of a one-line JSON object: `,"key":value`, `null` for absent values.
private struct NDJSONMembers {
    var output: [UInt8]

    mutating func add(_ key: StaticString, _ value: String?) {
        open(key)
        if let value { JSONValue.writeString(value, to: &output) } else { literal("null") }
    }

    mutating func add(_ key: StaticString, _ value: UInt64?) {
        open(key)
        if let value { JSONValue.writeDigits(value, to: &output) } else { literal("null") }
    }

    mutating func add(_ key: StaticString, _ value: Int) {
        open(key)
        JSONValue.writeInteger(Int64(value), to: &output)
    }

    mutating func add(_ key: StaticString, _ value: Bool) {
        open(key)
        literal(value ? "true" : "false")
    }

    mutating func add(_ key: String, _ value: JSONValue) {
        output.append(UInt8(ascii: ","))
        JSONValue.writeString(key, to: &output)
        output.append(UInt8(ascii: ":"))
        value.write(to: &output, pretty: false, indent: 0)
    }

    /// Fixed text, copied straight from the binary (appending a literal string's `.utf8` goes through
    /// the string's representation every time).
    mutating func literal(_ text: StaticString) {
        output.append(contentsOf: UnsafeBufferPointer(start: text.utf8Start, count: text.utf8CodeUnitCount))
    }

    /// `,"key":`; keys are plain ASCII names.
    private mutating func open(_ key: StaticString) {
        literal(",\"")
        literal(key)
        literal(#"":"#)
    }
}

extension ApplyEvent.Summary {
    fileprivate var fields: [(String, JSONValue)] {
        var members: [(String, JSONValue)] = [
            ("outcome", .string(outcome)),
            ("exit_code", .int(Int(exitCode))),
            ("message", .string(message)),
            ("makespan_ms", .uint(makespanMs)),
            ("statements", .int(statements)),
            ("polls", .int(polls)),
            ("moves", .array(moves.map(\.json))),
        ]
        if let simulation {
            members.append(("simulation", .object([
                ("lower_bound_ms", .uint(simulation.lowerBoundMs)),
                ("critical_path_ms", .uint(simulation.criticalPathMs)),
                ("cluster_work_ms", .uint(simulation.clusterWorkMs)),
                ("sequential_ms", .uint(simulation.sequentialMs)),
                ("recreate_staleness_ms", .uint(simulation.recreateStalenessMs)),
                ("violations", .int(simulation.violations)),
            ])))
        }
        if let clusters {
            members.append(("clusters", .array(clusters.map { cluster in
                .object([("name", .string(cluster.name)), ("strategy", .string(cluster.strategy)), ("downtime_ms", .uint(cluster.downtimeMs))])
            })))
        }
        return members
    }
}

extension ApplyEvent.Move {
    fileprivate var json: JSONValue {
        var members: [(String, JSONValue)] = [
            ("object", .string(object.description)),
            ("kind", .string(kind.rawValue)),
            ("strategy", .string(strategy.rawValue)),
            ("from", .string(from)),
            ("to", .string(to)),
            ("state", .string(state.rawValue)),
            ("wait_ms", .uint(waitMs)),
        ]
        if let stalenessMs { members.append(("staleness_ms", .uint(stalenessMs))) }
        members.append(("reason", .string(reason)))
        return .object(members)
    }
}
