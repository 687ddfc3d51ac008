/// Turns a manifest and a catalog snapshot into a ``Plan`` (SPEC §5).
///
/// The pipeline: ``PlacementResolver`` matches rules to objects; cluster changes come first
/// (renames, creations, resizes); then moves by kind — recreates of sources and materialized
/// views (which rebuild their dependent closure), indexes (so that replacements can use the new ones), materialized views
/// (feasibility-checked), sinks; then ordering edges between moves, the swaps of blue-green
/// resizes and optional cluster drops;
/// finally the step DAG is numbered in a stable topological order.
package enum Planner {
    /// A plan and the warnings found while making it.
    package struct Result: Sendable {
        package var plan: Plan
        /// Findings that do not stop planning (a glob matching nothing, a rule for an unmanaged object).
        package var warnings: [Diagnostic]
        /// Which rule placed each object (for `explain`).
        var resolution: Resolution
        var graph: CatalogGraph
    }

    /// Plans the changes that bring `catalog` to the placement `manifest` asks for.
    /// - Parameters:
    ///   - allow: hazard codes accepted for every object and cluster (`--allow`).
    ///   - createdAtMs: the plan's timestamp; pass 0 for fully reproducible bytes.
    /// - Throws: every error found in resolving names and clusters, at once.
    package static func plan(
        manifest: Manifest,
        catalog: CatalogSnapshot,
        allow: [HazardCode] = [],
        createdAtMs: UInt64 = 0
    ) throws(DiagnosticsError) -> Result {
        if let code = allow.first(where: { !$0.isAllowable }) {
            throw DiagnosticsError(Diagnostic(
                .error,
                code: "plan.allow",
                "'\(code.rawValue)' can never be allowed: \(code.refusalReason ?? "")"
            ))
        }
        // The graph is indexed on another thread while sealing is inferred and names are
        // resolved: nothing it indexes depends on frontiers, so it then takes the sealed objects.
        let indexing = BackgroundValue {
            Swift.Result { () throws(DiagnosticsError) in try CatalogGraph(catalog) }
        }
        // What its sealed inputs imply is sealed: Materialize reports it so, and refuses to replace it.
        var inferred = catalog
        inferred.replaceObjects(keepingPositions: SnapshotFrontiers.sealingInferred(catalog.objects))
        let catalog = inferred
        // Hashing the whole catalog takes a while: it starts now, and has the second core to
        // itself once the graph is indexed, while names are still being resolved.
        let catalogHash = BackgroundValue(cancellable: { cancellation in
            CatalogFingerprint.compute(catalog, cancellation: cancellation)
        })
        let resolved = Swift.Result { () throws(DiagnosticsError) in
            try PlacementResolver(manifest: manifest, objects: catalog.objects, extraAllow: allow).resolve()
        }
        let graph: CatalogGraph
        let resolution: Resolution
        do throws(DiagnosticsError) {
            // A cycle in the catalog is reported before what resolution found.
            graph = try indexing.value.get().withFrontiers(of: catalog)
            resolution = try resolved.get()
        } catch {
            catalogHash.cancel()
            throw error
        }
        // The plan's inputs are hashed after the catalog, while the moves are planned.
        let fingerprints = BackgroundValue(cancellable: { cancellation in
            let catalogFingerprint = catalogHash.value
            guard !cancellation.isRaised else { return (catalog: "", plan: "") }
            let plan = PlanFingerprint.compute(manifest: manifest, resolution: resolution, catalogFingerprint: catalogFingerprint, allow: allow)
            return (catalog: catalogFingerprint, plan: plan)
        })
        do {
            return try plan(manifest: manifest, graph: graph, resolution: resolution, allow: allow, createdAtMs: createdAtMs, fingerprints: fingerprints)
        } catch {
            // Planning failed: the hashes are never read, so they stop instead of running on.
            catalogHash.cancel()
            fingerprints.cancel()
            throw error
        }
    }

    private static func plan(
        manifest: Manifest,
        graph: CatalogGraph,
        resolution: Resolution,
        allow: [HazardCode],
        createdAtMs: UInt64,
        fingerprints: BackgroundValue<(catalog: String, plan: String)>
    ) throws(DiagnosticsError) -> Result {
        var builder = PlanBuilder(manifest: manifest, graph: graph, resolution: resolution, allow: allow)
        try builder.planClusters()
        builder.planRecreates()
        builder.planIndexMoves()
        builder.planMaterializedViewMoves()
        builder.planSinkMoves()
        builder.addIndexDropEdges()
        builder.finishBlueGreenResizes()
        builder.planClusterDrops()
        // No step is added from here on: they are ordered while memory is projected (which only
        // adds hazards), on two threads.
        let unordered = builder.steps
        let (ordering, _) = ParallelPair.run({
            Swift.Result { () throws(DiagnosticsError) in try unordered.ordered() }
        }, {
            builder.checkMemoryCapacity()
        })
        let (catalogFingerprint, fingerprint) = fingerprints.value
        var plan = try builder.finish(ordering.get(), fingerprint: fingerprint, createdAtMs: createdAtMs)
        plan.execution = PlanExecution(catalogFingerprint: catalogFingerprint, options: ApplyOptions(manifest.options))
        return Result(plan: plan, warnings: resolution.warnings + builder.warnings, resolution: resolution, graph: graph)
    }
}

/// The mutable state of one planning run; see ``Planner``.
struct PlanBuilder {
    let manifest: Manifest
    let graph: CatalogGraph
    var resolution: Resolution
    /// `options.allow` and `--allow`: accepted for cluster-level hazards.
    let globalAllow: Set<HazardCode>

    var steps = StepGraph()
    var temporaryNames: TemporaryNames
    /// Statements that rebuild objects from their `create_sql`, in user form.
    let rebuild: RebuildStatements
    var moves: [PendingMove] = []
    var clusterChanges: [PendingClusterChange] = []
    var warnings: [Diagnostic] = []
    /// Objects whose move is already planned (e.g. rebuilt with their source).
    var handled: Set<String> = []
    /// The last preparation step of a cluster (create, rename or resize): placements wait for it.
    var clusterReadyKey: [String: Int] = [:]
    /// Clusters that exist only after the plan, with their replication factor.
    var plannedClusters: [String: Int] = [:]
    /// Indexes the plan creates, by target cluster and relation id: the index they stand in for.
    var plannedIndexes: [String: [String: CatalogObject]] = [:]
    var indexCreateKey: [String: Int] = [:]
    var indexDropKey: [String: Int] = [:]
    /// Blue-green resizes, in manifest order.
    var blueGreenResizes: [BlueGreenResize] = []
    /// For each dataflow cutover, the indexes its old or new dataflow imports.
    var cutoverImports: [(key: Int, indexes: Set<String>)] = []
    /// For a moved view, the indexes it imports today whose relations it reads from storage, and
    /// arranges itself, on its target.
    var storageReads: [String: [StorageRead]] = [:]
    /// Dataflows a blue-green source move builds a second time on the cluster they stay on: until
    /// the cutover, both copies hold memory there. With the id of the source move they belong to.
    var blueGreenCopies: [(id: String, cluster: String, rootID: String)] = []

    init(manifest: Manifest, graph: CatalogGraph, resolution: Resolution, allow: [HazardCode]) {
        self.manifest = manifest
        self.graph = graph
        self.resolution = resolution
        self.globalAllow = Set(manifest.options.allow + allow)
        self.temporaryNames = TemporaryNames(graph: graph)
        self.rebuild = RebuildStatements(graph: graph)
    }

    /// A move being planned; step keys become ids in ``finish(_:fingerprint:createdAtMs:)``.
    struct PendingMove {
        var move: Move
        var stepKeys: [Int]
    }

    struct PendingClusterChange {
        var change: ClusterChange
        var stepKeys: [Int]
    }

    /// Placements that move and are not yet handled, of one kind, by name.
    func pendingMoves(of kind: ObjectKind) -> [Placement] {
        resolution.placements
            .filter { $0.object.kind == kind && $0.moves && !handled.contains($0.object.id) }
            .sorted { $0.object.qualifiedName < $1.object.qualifiedName }
    }

    /// A hazard, allowed when `allowed` contains its code.
    func hazard(_ code: HazardCode, _ allowed: Set<HazardCode>, _ message: String, remedies: [String] = []) -> Hazard {
        Hazard(code, allowed: allowed.contains(code), message: message, remedies: remedies)
    }

    /// The statement that creates or changes cluster `name` must run before `key`.
    mutating func dependOnCluster(_ name: String, _ key: Int) {
        if let ready = clusterReadyKey[name] { steps.addEdge(from: ready, to: key) }
    }

    /// The plan, with `ordering` (``StepGraph/ordered()`` of ``steps``) numbering the steps of
    /// every move and cluster change.
    func finish(_ ordering: (steps: [Step], idByKey: [Int]), fingerprint: String, createdAtMs: UInt64) -> Plan {
        let (orderedSteps, idByKey) = ordering
        let ids: ([Int]) -> [Int] = { keys in keys.map { idByKey[$0] } }
        let numberedMoves = moves.map { pending -> Move in
            var move = pending.move
            move.steps = ids(pending.stepKeys)
            move.rule = resolution.placement(of: move.id)?.rule.location
            return move
        }
        // Sorted by position rather than moved about whole: a move carries its hazards and recreates.
        let sortKeys = numberedMoves.map { ($0.steps.first ?? .max, $0.object) }
        let finishedMoves = sortKeys.indices.sorted { sortKeys[$0] < sortKeys[$1] }.map { numberedMoves[$0] }
        let finishedClusters = clusterChanges.map { pending -> ClusterChange in
            var change = pending.change
            change.steps = ids(pending.stepKeys)
            return change
        }.sorted { ($0.steps.first ?? .max, $0.name) < ($1.steps.first ?? .max, $1.name) }
        let hazards = finishedMoves.flatMap(\.hazards) + finishedClusters.flatMap(\.hazards)
        var summary = PlanSummary(
            moves: finishedMoves.count,
            blocked: finishedMoves.filter(\.isBlocked).count + finishedClusters.filter(\.isBlocked).count,
            clustersCreated: finishedClusters.filter { $0.action == .create }.count,
            clustersAltered: finishedClusters.filter { $0.action == .alter }.count,
            clustersRenamed: finishedClusters.filter { $0.action == .rename }.count,
            clustersDropped: finishedClusters.filter { $0.action == .drop }.count,
            unlisted: resolution.unlisted,
            unchanged: resolution.placements.reduce(0) { $0 + ($1.moves ? 0 : 1) },
            warnings: hazards.filter { $0.severity == .warning }.count
        )
        let credits = CreditEstimate(snapshot: graph.snapshot)
        summary.creditsPerHour = credits.perHour(after: finishedClusters)
        summary.transitionCredits = credits.transition(changes: finishedClusters, steps: orderedSteps)
        return Plan(
            fingerprint: fingerprint,
            createdAtMs: createdAtMs,
            summary: summary,
            clusters: finishedClusters,
            moves: finishedMoves,
            steps: orderedSteps
        )
    }
}
