extension PlanBuilder {
    /// The keys of a create-before-drop move's three steps.
    struct StandInSteps {
        var create: Int
        var drop: Int
        var rename: Int
    }

    /// Create-before-drop for an index or a sink: `create` makes the stand-in `temporary` on
    /// the target (then waits `until`), the old object is dropped in cleanup, and the stand-in
    /// takes the old name.
    mutating func addStandIn(
        for original: CatalogObject,
        temporary: QualifiedName,
        on target: String,
        create statement: Statement,
        until condition: StepWait.Condition,
        actions: (create: Step.Action, drop: Step.Action, rename: Step.Action)
    ) -> StandInSteps {
        let type = SQLObjectType(original.kind)
        let create = steps.add(
            actions.create,
            phase: .hydrate,
            statement: statement,
            wait: StepWait(until: condition, object: temporary, standsInFor: original.qualifiedName),
            object: temporary,
            cluster: target,
            estimatedMs: original.hydrationTimeMs ?? PlanBuilder.defaultHydrationMs
        )
        dependOnCluster(target, create)
        let drop = steps.add(
            actions.drop,
            phase: .cleanup,
            statement: .drop(DropStatement(type, ObjectName(original.qualifiedName))),
            after: [create],
            object: original.qualifiedName,
            cluster: original.cluster
        )
        let rename = steps.add(
            actions.rename,
            phase: .cleanup,
            statement: .alter(AlterStatement(type, ObjectName(temporary), .rename(to: original.name))),
            after: [drop],
            object: original.qualifiedName,
            cluster: target
        )
        return StandInSteps(create: create, drop: drop, rename: rename)
    }

    /// A move that cannot be carried out because mzplan cannot produce the statements it needs:
    /// planned with no steps and a `rebuild-refused` hazard, which always blocks.
    mutating func appendRefusedMove(_ placement: Placement, strategy: Strategy, _ problem: RebuildProblem) {
        let object = placement.object
        handled.insert(object.id)
        moves.append(PendingMove(
            move: Move(
                object: object.qualifiedName,
                id: object.id,
                kind: object.kind,
                from: object.cluster ?? "?",
                to: placement.target,
                strategy: strategy,
                reason: "mzplan cannot produce the statements this move needs",
                feasibility: .ok,
                hazards: [refusedHazard(problem)]
            ),
            stepKeys: []
        ))
    }

    /// `rebuild-refused` for a problem.
    func refusedHazard(_ problem: RebuildProblem) -> Hazard {
        Hazard(
            .rebuildRefused,
            message: problem.message,
            remedies: problem.remedies ?? [
                "leave '\(problem.object)' where it is (remove it from the manifest or keep its current cluster)",
                "take a fresh snapshot with `mzplan catalog dump`; if the problem stays, report it with the object's create_sql",
            ]
        )
    }
}
