import MZPlanCore

/// The dataflows hydrating, as ``SimulatedEnvironment/advance(to:)`` works through them: grouped
/// by healthy cluster (each group shares its cluster's time), in plain arrays, with the work each
/// has left and the original name whose staleness accrues while it hydrates.
///
/// Built from the environment's dictionary and kept from one tick to the next while nothing it
/// was built from changes (the catalog's ``ObjectTable/generation``, the clusters, the set of
/// hydrating dataflows), so a tick costs arithmetic over the arrays, not a lookup per dataflow.
/// While it is kept, the work left and the staleness of its members live here;
/// ``SimulatedEnvironment/foldSlices()`` writes them back before anything else reads them.
struct HydrationSlices {
    struct Member {
        let id: String
        var left: Double
        /// The original this dataflow is, when staleness accrues for it while it hydrates.
        let staleName: QualifiedName?
    }

    /// What the slices were built from.
    struct Key: Equatable {
        var generation: Int
        var clusters: [CatalogCluster]
    }

    let key: Key
    /// Dataflows on healthy clusters, by cluster: they make progress.
    var groups: [[Member]]
    /// Dataflows that make none (their cluster has no healthy replica, or they run on none).
    var stalled: [Member]
    /// Virtual time up to which the members' staleness is accounted for.
    var accruedUntilMs: UInt64

    init(key: Key, groups: [[Member]], stalled: [Member], nowMs: UInt64) {
        self.key = key
        self.groups = groups
        self.stalled = stalled
        accruedUntilMs = nowMs
    }

    /// Every member, progressing or not.
    var members: some Sequence<Member> { groups.joined().lazy + stalled }
}

extension SimulatedEnvironment {
    /// The slices for the current catalog and clusters: the kept ones, or new ones built from
    /// ``hydrationLeft``.
    func currentSlices(originals presence: OriginalPresence) -> HydrationSlices {
        let key = HydrationSlices.Key(generation: table.generation, clusters: clusters)
        if let slices, slices.key == key { return slices }
        foldSlices()
        var groups: [[HydrationSlices.Member]] = []
        var stalled: [HydrationSlices.Member] = []
        var groupOfCluster: [String: Int] = [:]
        for (id, left) in storedHydrationLeft {
            guard let position = table.position(of: id) else { continue }
            let row = table.rows[position]
            let stale = !row.isReplacement && row.hydrated == false && presence.holdsOriginal(position)
            let member = HydrationSlices.Member(id: id, left: left, staleName: stale ? table.slots[position]?.qualifiedName : nil)
            guard let cluster = row.cluster else {
                stalled.append(member)
                continue
            }
            if groupOfCluster[cluster] == nil {
                groupOfCluster[cluster] = replicaProblem(cluster) == nil ? groups.count : -1
                if groupOfCluster[cluster]! >= 0 { groups.append([]) }
            }
            if let group = groupOfCluster[cluster], group >= 0 {
                groups[group].append(member)
            } else {
                stalled.append(member)
            }
        }
        return HydrationSlices(key: key, groups: groups, stalled: stalled, nowMs: timeMs)
    }

    /// Writes the kept slices' work left and staleness back into ``hydrationLeft`` and
    /// ``stalenessMs``; the slices stay valid.
    func foldSlices() {
        guard var kept = slices else { return }
        for member in kept.members {
            storedHydrationLeft[member.id] = member.left
            if let name = member.staleName, timeMs > kept.accruedUntilMs {
                storedStalenessMs[name, default: 0] += timeMs - kept.accruedUntilMs
            }
        }
        kept.accruedUntilMs = timeMs
        slices = kept
    }
}
