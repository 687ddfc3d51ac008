/// What the user clusters cost before and after a plan, and what the apply itself adds
/// (SPEC §10.2), from the sizes' `credits_per_hour`.
///
/// A cluster costs one replica's credits per replica. The transition adds the clusters that
/// bill beside the ones they replace: a blue-green resize's temporary cluster and a created
/// cluster from their creation to the end of the apply, and a graceful resize's new replicas
/// while `WAIT UNTIL READY` holds the old ones. Any size without credits makes a figure nil.
struct CreditEstimate {
    private let snapshot: CatalogSnapshot
    private let credits: [String: Double]

    init(snapshot: CatalogSnapshot) {
        self.snapshot = snapshot
        var credits: [String: Double] = [:]
        for size in snapshot.sizes ?? [] {
            if let perHour = size.creditsPerHour { credits[size.name] = perHour }
        }
        self.credits = credits
    }

    /// Credits per hour before and after `changes`; nil when any replica's size has no credits.
    func perHour(after changes: [ClusterChange]) -> CreditsPerHour? {
        guard !credits.isEmpty else { return nil }
        var replicas: [String: [String?]] = [:]
        for cluster in snapshot.clusters {
            replicas[cluster.name] = cluster.replicas.isEmpty
                ? Array(repeating: cluster.size, count: cluster.replicationFactor ?? 0)
                : cluster.replicas.map { $0.size ?? cluster.size }
        }
        guard let before = sum(replicas.values) else { return nil }
        for change in changes {
            switch change.action {
            case .create, .alter:
                replicas[change.name] = Array(repeating: change.size, count: change.replicationFactor ?? 1)
            case .rename:
                replicas[change.name] = replicas.removeValue(forKey: change.renamedFrom ?? "")
            case .drop:
                replicas[change.name] = nil
            }
        }
        guard let after = sum(replicas.values) else { return nil }
        return CreditsPerHour(before: Self.rounded(before), after: Self.rounded(after))
    }

    /// Credits the apply adds while it runs; nil when a cluster it adds has a size without credits.
    func transition(changes: [ClusterChange], steps: [Step]) -> Double? {
        guard !credits.isEmpty else { return nil }
        let timing = StepTiming(steps)
        var total = 0.0
        for change in changes {
            let hours: Double
            switch (change.action, change.strategy) {
            case (.create, _), (.alter, .blueGreen?):
                guard let created = change.steps.first else { continue }
                hours = Double(timing.totalMs - timing.startMs(of: created)) / 3_600_000
            case (.alter, .graceful?):
                hours = Double(change.steps.compactMap { timing.durationMs(of: $0) }.reduce(0, +)) / 3_600_000
            default:
                continue
            }
            guard let size = change.size, let perHour = credits[size] else { return nil }
            total += perHour * Double(change.replicationFactor ?? 1) * hours
        }
        return Self.rounded(total)
    }

    private func sum(_ clusters: Dictionary<String, [String?]>.Values) -> Double? {
        var total = 0.0
        for replicas in clusters {
            for size in replicas {
                guard let size, let perHour = credits[size] else { return nil }
                total += perHour
            }
        }
        return total
    }

    /// Six decimals, so sums of binary fractions print as people wrote them.
    private static func rounded(_ value: Double) -> Double {
        (value * 1_000_000).rounded() / 1_000_000
    }
}

/// When steps start and how long the apply takes, by a linear estimate: each step starts when
/// the last of its `after` ends, and the apply lasts at least as long as the busiest cluster's
/// waits one after another.
struct StepTiming {
    private var start: [Int: UInt64] = [:]
    private var duration: [Int: UInt64] = [:]
    private(set) var totalMs: UInt64 = 0

    init(_ steps: [Step]) {
        var end: [Int: UInt64] = [:]
        end.reserveCapacity(steps.count)
        start.reserveCapacity(steps.count)
        duration.reserveCapacity(steps.count)
        var waits: [String: UInt64] = [:]
        for step in steps {
            var begins: UInt64 = 0
            for predecessor in step.after { begins = max(begins, end[predecessor] ?? 0) }
            start[step.id] = begins
            duration[step.id] = step.estimatedMs
            end[step.id] = begins &+ step.estimatedMs
            if step.wait != nil { waits[step.cluster ?? "", default: 0] &+= step.estimatedMs }
        }
        totalMs = max(end.values.max() ?? 0, waits.values.max() ?? 0)
    }

    func startMs(of step: Int) -> UInt64 { min(start[step] ?? 0, totalMs) }
    func durationMs(of step: Int) -> UInt64? { duration[step] }
}
