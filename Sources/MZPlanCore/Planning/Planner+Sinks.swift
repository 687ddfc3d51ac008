extension PlanBuilder {
    /// Sink moves (`recreate`): a new sink on the target with `SNAPSHOT = false`, wait until it
    /// runs, drop the old sink, rename the new one to the old name.
    mutating func planSinkMoves() throws(DiagnosticsError) {
        for placement in pendingMoves(of: .sink) {
            try planSinkRecreate(placement)
        }
    }

    private mutating func planSinkRecreate(_ placement: Placement) throws(DiagnosticsError) {
        let sink = placement.object
        let from = sink.cluster ?? "?"
        let target = placement.target
        let temporary = temporaryNames.name(for: sink.qualifiedName)
        let statement = try createStatement(of: sink)
        let options = CreateStatement.setting("SNAPSHOT = false", in: statement.options)
        let keys = addStandIn(
            for: sink,
            temporary: temporary,
            on: target,
            createSQL: statement.rendered(name: temporary, cluster: target, options: options, names: names),
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

extension String {
    /// The string without leading and trailing spaces, tabs and newlines.
    func trimmingSpaces() -> String {
        let isSpace: (Character) -> Bool = { $0 == " " || $0 == "\t" || $0 == "\n" || $0 == "\r" }
        guard let first = firstIndex(where: { !isSpace($0) }), let last = lastIndex(where: { !isSpace($0) }) else { return "" }
        return String(self[first...last])
    }
}
