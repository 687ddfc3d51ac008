extension PlanBuilder {
    /// What a change of size or replication factor does to a cluster, decided before anything is planned.
    struct ResizeDecision {
        var strategy: ResizeStrategy
        /// The options of the `ALTER CLUSTER … SET (…)`.
        var settings: [SQLOption]
        /// Every object on the cluster today.
        var objects: [CatalogObject]
        /// Sources, subsources, tables fed by a source and sinks that stay on the cluster.
        var ingestions: [CatalogObject]
        /// Why a blue-green resize cannot empty the cluster (unmanaged, sealed or replacement objects); empty when it can.
        var blueGreenObstacles: [String]
        /// The replication factor after the change is 0: nothing on the cluster runs.
        var stops: Bool
    }

    /// The strategy for resizing `cluster` as `spec` asks, or nil when size and replication factor do not change.
    /// `objectsUnder`: the name the catalog lists the cluster's objects under (the old name of a renamed cluster).
    func resizeDecision(_ cluster: CatalogCluster, to spec: ClusterSpec, objectsUnder catalogName: String? = nil) -> ResizeDecision? {
        var settings: [SQLOption] = []
        let sizeChanges = spec.size != nil && spec.size != cluster.size
        if let size = spec.size, sizeChanges {
            settings.append(SQLOption("SIZE", .literal(size)))
        }
        if let factor = spec.replicationFactor, factor != cluster.replicationFactor {
            settings.append(SQLOption("REPLICATION FACTOR", .integer(factor)))
        }
        guard !settings.isEmpty else { return nil }
        let objects = graph.objects(onCluster: catalogName ?? cluster.name)
        // Its objects that end on it, under its old or (for a rename) its new name.
        let home: Set<String?> = [catalogName ?? cluster.name, spec.name]
        let staying = objects.filter { home.contains(resolution.desiredCluster(of: $0)) || $0.replacementFor != nil }
        let ingestions = staying.filter { [.source, .subsource, .sink, .table].contains($0.kind) }
        var obstacles: [String] = []
        for object in staying where object.kind == .materializedView || object.kind == .index {
            if resolution.unmanaged.contains(object.id) {
                obstacles.append("'\(object.qualifiedName)' is unmanaged, so mzplan does not move it")
            } else if object.replacementFor != nil {
                obstacles.append("'\(object.qualifiedName)' is a replacement in flight")
            } else if object.sealed {
                obstacles.append("'\(object.qualifiedName)' is sealed and cannot be replaced")
            }
        }
        let newFactor = spec.replicationFactor ?? cluster.replicationFactor ?? 1
        let running = (cluster.replicationFactor ?? 1) > 0
        let stops = newFactor == 0 && running && !objects.isEmpty
        let strategy: ResizeStrategy
        if objects.isEmpty || !running || (!sizeChanges && !stops) {
            // Nothing serves today, or replicas are only added or removed: nothing stops.
            strategy = .inPlace
        } else if stops {
            strategy = .restart
        } else {
            switch spec.resize ?? .auto {
            case .auto, .inPlace: strategy = ingestions.isEmpty && obstacles.isEmpty ? .blueGreen : .restart
            case let requested: strategy = requested
            }
        }
        return ResizeDecision(strategy: strategy, settings: settings, objects: objects, ingestions: ingestions, blueGreenObstacles: obstacles, stops: stops)
    }

    /// Plans the resize of an existing cluster with the strategy ``resizeDecision(_:to:objectsUnder:)`` picks.
    mutating func planResize(_ cluster: CatalogCluster, to spec: ClusterSpec, objectsUnder catalogName: String? = nil, diagnostics: inout DiagnosticCollector) {
        guard let decision = resizeDecision(cluster, to: spec, objectsUnder: catalogName) else { return }
        if cluster.managed == false {
            warnings.append(Diagnostic(
                .warning,
                code: "plan.unmanaged-cluster",
                "cluster '\(cluster.name)' is an unmanaged cluster: mzplan does not resize it; change its replicas by hand or convert it with ALTER CLUSTER … SET (MANAGED)",
                at: spec.sizeLocation ?? spec.replicationFactorLocation ?? spec.location
            ))
            return
        }
        var change = ClusterChange(
            name: cluster.name,
            action: .alter,
            fromSize: cluster.size,
            size: spec.size ?? cluster.size,
            fromReplicationFactor: cluster.replicationFactor,
            replicationFactor: spec.replicationFactor ?? cluster.replicationFactor,
            strategy: decision.strategy,
            estimatedDowntimeMs: 0
        )
        switch decision.strategy {
        case .blueGreen:
            let refusals = decision.ingestions.map { "'\($0.qualifiedName)' is a \($0.kind.rawValue): an ingestion or sink must not run on two clusters at once" }
                + decision.blueGreenObstacles
            guard refusals.isEmpty else {
                diagnostics.error(
                    "plan.resize",
                    "cluster '\(cluster.name)' cannot be resized blue-green: \(Self.listed(refusals)); use `resize: graceful` or `resize: restart`",
                    at: spec.resizeLocation ?? spec.location
                )
                return
            }
            planBlueGreen(cluster, to: spec, change: change, settings: decision.settings)
            return
        case .graceful:
            addGracefulWarning(cluster, spec)
            let restarted = decision.ingestions
            change.estimatedDowntimeMs = Self.hydrationWork(restarted)
            if !restarted.isEmpty {
                change.hazards.append(hazard(
                    .clusterRestart,
                    globalAllow,
                    "a graceful resize keeps the indexes and views on '\(cluster.name)' serving, but its sources and sinks move to the new replicas at the cutover and restart: \(Self.withHydration(restarted))",
                    remedies: ["schedule the resize in a maintenance window and allow it with `--allow cluster-restart`"]
                ))
            }
        case .restart:
            change.estimatedDowntimeMs = decision.stops ? nil : Self.hydrationWork(decision.objects)
            change.hazards.append(restartHazard(cluster, decision))
        case .inPlace, .auto:
            break
        }
        let with = decision.strategy == .graceful ? [gracefulWait()] : []
        let key = steps.add(
            .alterCluster,
            phase: .prepare,
            statement: .alter(AlterStatement(.cluster, ObjectName(cluster.name), .set(decision.settings, with: with))),
            after: clusterReadyKey[cluster.name].map { [$0] } ?? [],
            cluster: cluster.name,
            estimatedMs: decision.strategy == .graceful ? Self.hydrationWork(decision.objects) : 0
        )
        clusterReadyKey[cluster.name] = key
        clusterChanges.append(PendingClusterChange(change: change, stepKeys: [key]))
    }

    /// `cluster-restart` for a plain `ALTER CLUSTER` on a cluster that holds objects.
    private func restartHazard(_ cluster: CatalogCluster, _ decision: ResizeDecision) -> Hazard {
        let why: String
        if decision.stops {
            why = "replication factor 0 removes every replica of '\(cluster.name)': \(Self.listed(decision.objects.map { "'\($0.qualifiedName)'" })) stop until replicas are added again"
        } else {
            let reason = (spec(named: cluster.name)?.resize ?? .auto) == .auto
                ? (decision.ingestions.isEmpty
                    ? " (blue-green cannot empty it: \(Self.listed(decision.blueGreenObstacles)))"
                    : " (blue-green cannot move its sources and sinks: an ingestion must not run on two clusters at once)")
                : ""
            why = "resizing '\(cluster.name)' with a plain ALTER CLUSTER replaces its replicas\(reason): \(Self.withHydration(decision.objects)) stop serving until they rehydrate, about \(DurationText.describe(milliseconds: Self.hydrationWork(decision.objects))) in all"
        }
        var remedies = ["schedule the resize in a maintenance window and allow it with `--allow cluster-restart`"]
        if !decision.stops, decision.objects.count > decision.ingestions.count {
            remedies.append("set `resize: graceful` on the cluster: the old replicas serve until the new ones have hydrated")
        }
        if !decision.stops {
            if decision.ingestions.isEmpty, decision.blueGreenObstacles.isEmpty {
                remedies.append("set `resize: blue-green` (or leave `resize` out): the objects move to a new cluster without downtime")
            } else if !decision.ingestions.isEmpty, decision.objects.count > decision.ingestions.count {
                remedies.append("move the sources and sinks to a cluster of their own, so that the rest can be resized blue-green")
            }
        }
        return hazard(.clusterRestart, globalAllow, why, remedies: remedies)
    }

    /// A graceful resize needs `enable_zero_downtime_cluster_reconfiguration` before v26.41.
    private mutating func addGracefulWarning(_ cluster: CatalogCluster, _ spec: ClusterSpec) {
        guard let version = graph.snapshot.version.flatMap(MaterializeVersion.init), !version.acceptsGracefulResize else { return }
        warnings.append(Diagnostic(
            .warning,
            code: "plan.graceful-resize",
            "Materialize \(graph.snapshot.version ?? "") accepts `WITH (WAIT UNTIL READY …)` only with the `enable_zero_downtime_cluster_reconfiguration` flag (on by default from v26.41); without it the resize of '\(cluster.name)' fails and changes nothing",
            at: spec.resizeLocation ?? spec.location
        ))
    }

    /// `WAIT UNTIL READY (TIMEOUT = '30m', ON TIMEOUT = 'ROLLBACK')`.
    private func gracefulWait() -> SQLOption {
        SQLOption("WAIT UNTIL READY", .options([
            SQLOption("TIMEOUT", .literal(SQLInterval.text(milliseconds: manifest.options.resizeTimeoutMs))),
            SQLOption("ON TIMEOUT", .literal("ROLLBACK")),
        ]), usesEquals: false)
    }

    func spec(named name: String) -> ClusterSpec? {
        manifest.clusters.first { $0.name == name }
    }

    /// The hydration work of objects that rehydrate together on one cluster: they share it, so
    /// the last is ready after the sum.
    static func hydrationWork(_ objects: [CatalogObject]) -> UInt64 {
        objects.reduce(0) { $0 + ($1.hydrationTimeMs ?? defaultHydrationMs) }
    }

    /// `'a' (12s), 'b' (10s)`, at most ten named.
    static func withHydration(_ objects: [CatalogObject]) -> String {
        listed(objects.map { "'\($0.qualifiedName)' (\(DurationText.describe(milliseconds: $0.hydrationTimeMs ?? defaultHydrationMs)))" })
    }

    /// Items joined with commas, at most ten, then how many more.
    static func listed(_ items: [String]) -> String {
        let shown = items.prefix(10).joined(separator: ", ")
        return items.count > 10 ? "\(shown) and \(items.count - 10) more" : shown
    }
}
