/// How a cluster changes size or replication factor (SPEC §10.1).
///
/// The manifest's `clusters.<name>.resize` names one of ``auto``, ``blueGreen``, ``graceful`` and
/// ``restart``; a plan records what was chosen, which may also be ``inPlace``.
package enum ResizeStrategy: String, Hashable, Sendable, CaseIterable, CustomStringConvertible {
    /// Chosen by mzplan: in place for a cluster with no objects, `blue-green` for one without
    /// sources or sinks, `restart` otherwise.
    case auto
    /// A second cluster at the new size: every object moves there with its zero-downtime
    /// primitive, then `ALTER CLUSTER … SWAP WITH` gives it the old name and the old one is dropped.
    case blueGreen = "blue-green"
    /// `ALTER CLUSTER … SET (…) WITH (WAIT UNTIL READY (…))`: the old replicas serve until the new ones have hydrated.
    case graceful
    /// The plain `ALTER CLUSTER … SET (…)`: the replicas are replaced and everything on the cluster
    /// stops serving until it has rehydrated.
    case restart
    /// The plain `ALTER CLUSTER … SET (…)` where it takes nothing offline: an empty cluster, or a
    /// change of the replication factor alone. Never written in a manifest.
    case inPlace = "in-place"

    package var description: String { rawValue }

    /// The strategies a manifest may name.
    package static let writable: [ResizeStrategy] = [.auto, .blueGreen, .graceful, .restart]
}
