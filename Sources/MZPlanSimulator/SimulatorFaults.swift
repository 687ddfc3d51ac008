public import MZPlanCore

/// Faults to inject into a simulated environment (SPEC §8). Statement numbers count every
/// `execute` call, 1-based, retries included.
public struct SimulatorFaults: Sendable {
    /// Clusters whose replicas are OOM-looping (3 kills in 24 h): nothing hydrates there.
    public var oomClusters: Set<String> = []
    /// Sources whose upper stops (status `stalled`).
    public var stalledSources: Set<QualifiedName> = []
    /// The connection drops before this statement reaches the server.
    public var dropConnectionBeforeStatement: Int?
    /// The connection drops after this statement ran, before the reply.
    public var dropConnectionAfterStatement: Int?
    /// The process dies right after this statement ran.
    public var crashAfterStatement: Int?
    /// This statement fails with SQLSTATE 40001, `conflicts` times in a row.
    public var conflictOnStatement: Int?
    public var conflicts = 1

    public init() {}
}

/// An invariant the simulator saw broken.
public struct SimulatorViolation: Hashable, Sendable, CustomStringConvertible {
    public var atMs: UInt64
    public var object: QualifiedName?
    public var message: String

    public var description: String { "\(object.map { "\($0): " } ?? "")\(message)" }
}
