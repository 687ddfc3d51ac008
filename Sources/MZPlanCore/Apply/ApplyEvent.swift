/// One progress event (SPEC §6.5): NDJSON with `--progress ndjson`, a line otherwise.
///
/// Every event has `event` and `ts_ms` (virtual time under `--simulate`), then `step` and
/// `object` where they apply, then the event's own fields.
public struct ApplyEvent: Sendable {
    public enum Name: String, Sendable {
        case plan
        case stepStarted = "step-started"
        case stepFinished = "step-finished"
        case objectStatus = "object-status"
        case ready
        case cutover
        case warning
        case violation
        case summary
    }

    public var name: Name
    public var tsMs: UInt64
    public var step: Int?
    public var object: QualifiedName?
    public var fields: [(String, JSONValue)]

    public init(_ name: Name, tsMs: UInt64, step: Int? = nil, object: QualifiedName? = nil, fields: [(String, JSONValue)] = []) {
        self.name = name
        self.tsMs = tsMs
        self.step = step
        self.object = object
        self.fields = fields
    }

    /// The event as one JSON line (no trailing newline).
    public func ndjson() -> String {
        var members: [(String, JSONValue)] = [("event", .string(name.rawValue)), ("ts_ms", .uint(tsMs))]
        if let step { members.append(("step", .int(step))) }
        if let object { members.append(("object", .string(object.description))) }
        return JSONValue.object(members + fields).serialized(pretty: false)
    }

    /// A field's value, when present.
    public subscript(field: String) -> JSONValue? {
        fields.first { $0.0 == field }?.1
    }
}
