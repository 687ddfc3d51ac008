extension PlanBuilder {
    /// The keys of a create-before-drop move's three steps.
    struct StandInSteps {
        var create: Int
        var drop: Int
        var rename: Int
    }

    /// Create-before-drop for an index or a sink: `createSQL` makes the stand-in `temporary` on
    /// the target (then waits `until`), the old object is dropped in cleanup, and the stand-in
    /// takes the old name.
    mutating func addStandIn(
        for original: CatalogObject,
        temporary: QualifiedName,
        on target: String,
        createSQL: String,
        until condition: StepWait.Condition,
        actions: (create: Step.Action, drop: Step.Action, rename: Step.Action)
    ) -> StandInSteps {
        let keyword = original.kind.sqlKeyword
        let create = steps.add(
            actions.create,
            phase: .hydrate,
            sql: createSQL,
            wait: StepWait(until: condition, object: temporary, standsInFor: original.qualifiedName),
            object: temporary,
            cluster: target
        )
        dependOnCluster(target, create)
        let drop = steps.add(
            actions.drop,
            phase: .cleanup,
            sql: "DROP \(keyword) \(original.qualifiedName.sql)",
            after: [create],
            object: original.qualifiedName,
            cluster: original.cluster
        )
        let rename = steps.add(
            actions.rename,
            phase: .cleanup,
            sql: "ALTER \(keyword) \(temporary.sql) RENAME TO \(SQLIdentifier.quote(original.name))",
            after: [drop],
            object: original.qualifiedName,
            cluster: target
        )
        return StandInSteps(create: create, drop: drop, rename: rename)
    }
}
