package import MZPlanCore

/// Faults to inject into a simulated environment (SPEC §8). Statement numbers count every
/// `execute` call, 1-based, retries included.
package struct SimulatorFaults: Sendable {
    /// Clusters whose replicas are OOM-looping (3 kills in 24 h): nothing hydrates there.
    package var oomClusters: Set<String> = []
    /// Sources whose upper stops (status `stalled`).
    package var stalledSources: Set<QualifiedName> = []
    /// The connection drops before this statement reaches the server.
    package var dropConnectionBeforeStatement: Int?
    /// The connection drops after this statement ran, before the reply.
    package var dropConnectionAfterStatement: Int?
    /// The process dies right after this statement ran.
    package var crashAfterStatement: Int?
    /// This statement fails with SQLSTATE 40001, `conflicts` times in a row.
    package var conflictOnStatement: Int?
    package var conflicts = 1

    package init() {}
}

/// An invariant the simulator saw broken.
package struct SimulatorViolation: Hashable, Sendable, CustomStringConvertible {
    package var atMs: UInt64
    package var object: QualifiedName?
    package var message: String

    package var description: String { "\(object.map { "\($0): " } ?? "")\(message)" }
}
