/// A replica size Materialize offers (`mz_cluster_replica_sizes`), with what is known of it.
///
/// Snapshots written before SPEC §10.2 list sizes by name only; those read as a size whose
/// other fields are nil. A string literal makes a name-only size.
package struct ReplicaSize: Hashable, Sendable, ExpressibleByStringLiteral {
    /// The size's name, such as `100cc`.
    package var name: String
    /// Processes per replica.
    package var processes: Int?
    /// Timely workers per process.
    package var workers: Int?
    /// Memory of one process, in bytes.
    package var memoryBytes: UInt64?
    /// What one replica of this size costs per hour.
    package var creditsPerHour: Double?

    package init(
        _ name: String,
        processes: Int? = nil,
        workers: Int? = nil,
        memoryBytes: UInt64? = nil,
        creditsPerHour: Double? = nil
    ) {
        self.name = name
        self.processes = processes
        self.workers = workers
        self.memoryBytes = memoryBytes
        self.creditsPerHour = creditsPerHour
    }

    package init(stringLiteral name: String) {
        self.init(name)
    }

    /// The memory one replica has: `memory_bytes × processes` (one process when unknown); nil when
    /// the memory is unknown.
    package var replicaMemoryBytes: UInt64? {
        guard let memoryBytes else { return nil }
        let (product, overflow) = memoryBytes.multipliedReportingOverflow(by: UInt64(max(processes ?? 1, 1)))
        return overflow ? .max : product
    }

    /// True when anything beyond the name is known (the snapshot writes an object, not a string).
    var hasDetails: Bool {
        processes != nil || workers != nil || memoryBytes != nil || creditsPerHour != nil
    }
}

extension CatalogSnapshot {
    /// The names of the valid sizes, when known.
    package var sizeNames: [String]? { sizes?.map(\.name) }

    /// The size called `name`, when the snapshot lists it.
    package func size(named name: String) -> ReplicaSize? {
        sizes?.first { $0.name == name }
    }
}
