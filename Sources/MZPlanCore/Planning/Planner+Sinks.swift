extension PlanBuilder {
    /// Sink moves (`recreate`): a new sink on the target with `SNAPSHOT = false`, wait until it
    /// runs, drop the old sink, rename the new one to the old name.
    mutating func planSinkMoves() {
        for placement in pendingMoves(of: .sink) {
            planSinkRecreate(placement)
        }
    }

    private mutating func planSinkRecreate(_ placement: Placement) {
        let sink = placement.object
        let from = sink.cluster ?? "?"
        let target = placement.target
        let temporary = temporaryNames.name(for: sink.qualifiedName)
        let statement: Statement
        do {
            var create = try rebuild.sink(sink, named: temporary, on: target)
            create.options = create.options.setting(SQLOption("SNAPSHOT", .keyword("false")))
            statement = try rebuild.checked(.createSink(create), for: sink)
        } catch {
            return appendRefusedMove(placement, strategy: .recreate, error)
        }
        let keys = addStandIn(
            for: sink,
            temporary: temporary,
            on: target,
            create: statement,
            until: .running,
            actions: (.createSink, .dropSink, .renameSink)
        )
        var hazards = [hazard(
            .sinkRecreate,
            placement.allowed,
            "'\(sink.qualifiedName)' is recreated on '\(target)': both sinks write until the old one is dropped, so consumers may see duplicates; the new sink starts with SNAPSHOT = false and emits only changes from its start",
            remedies: [
                "allow it for this sink (`allow: [sink-recreate]`) when consumers tolerate duplicates (upsert or idempotent consumers)",
                "leave the sink on '\(from)'",
            ]
        )]
        if let capacity = capacityHazard(for: target, allowed: placement.allowed) { hazards.append(capacity) }
        handled.insert(sink.id)
        moves.append(PendingMove(
            move: Move(
                object: sink.qualifiedName,
                id: sink.id,
                kind: .sink,
                from: from,
                to: target,
                strategy: .recreate,
                reason: "a sink cannot change cluster in place: start a new one on '\(target)' before dropping the old one",
                feasibility: .ok,
                hazards: hazards
            ),
            stepKeys: [keys.create, keys.drop, keys.rename]
        ))
    }
}
