/// The cluster the live journal session runs on. Reading a user table (`_mzplan.journal`) needs a
/// compute cluster, and a role's default cluster may be missing or unusable (a dropped
/// `quickstart`): the session names one explicitly, chosen before the lock is taken.
package enum JournalCluster {
    /// `requested` when given (it must exist, have a healthy replica, and outlive the plan);
    /// otherwise a cluster with a healthy replica that the plan neither drops nor renames,
    /// preferring one the plan places objects on or takes them from, then by name.
    /// - Returns: the cluster's name, or why none can serve.
    package static func choose(catalog: CatalogSnapshot, plan: Plan?, requested: String?) -> Result<String, Diagnostic> {
        let changing = Set((plan?.clusters ?? []).filter { $0.action == .drop || $0.action == .rename }.flatMap { [$0.name] + ($0.renamedFrom.map { [$0] } ?? []) })
        let usable = { (cluster: CatalogCluster) in cluster.replicas.contains(where: \.isHealthy) && !changing.contains(cluster.name) }
        if let requested {
            guard let cluster = catalog.clusters.first(where: { $0.name == requested }) else {
                return .failure(failure("cluster '\(requested)' (--journal-cluster) does not exist\(Suggestion.didYouMean(requested, among: catalog.clusters.map(\.name)))"))
            }
            guard usable(cluster) else {
                let why = changing.contains(requested) ? "the plan drops or renames it" : "it has no online replica that is not OOM-looping"
                return .failure(failure("cluster '\(requested)' (--journal-cluster) cannot serve the journal: \(why)"))
            }
            return .success(requested)
        }
        let touched = Set((plan?.moves ?? []).flatMap { [$0.from, $0.to] })
        let rank = { (name: String) in touched.contains(name) ? 0 : 1 }
        let candidates = catalog.clusters.filter(usable).sorted { (rank($0.name), $0.name) < (rank($1.name), $1.name) }
        guard let chosen = candidates.first else {
            return .failure(failure("no cluster has an online replica that is not OOM-looping and outlives the plan"))
        }
        return .success(chosen.name)
    }

    private static func failure(_ reason: String) -> Diagnostic {
        Diagnostic(
            .error,
            code: "apply.journal-cluster",
            "the apply journal needs a cluster to run on: \(reason); name one with `--journal-cluster NAME`; nothing was changed"
        )
    }
}
