// Phrases shared by the human-facing renderers (text, SQL comments, markdown).

extension PlanSummary {
    /// The non-zero counts as phrases, moves first: `3 moves`, `1 cluster to create`, `1 blocked`,
    /// `2 warnings`, `12 unlisted`, `4 unchanged`.
    var phrases: [String] {
        var phrases = [RenderText.count(moves, "move", "moves")]
        let clusterCounts = [
            (clustersCreated, "create"), (clustersAltered, "alter"),
            (clustersRenamed, "rename"), (clustersDropped, "drop"),
        ]
        for (count, verb) in clusterCounts where count > 0 {
            phrases.append(RenderText.count(count, "cluster", "clusters") + " to " + verb)
        }
        if blocked > 0 { phrases.append("\(blocked) blocked") }
        if warnings > 0 { phrases.append(RenderText.count(warnings, "warning", "warnings")) }
        if unlisted > 0 { phrases.append("\(unlisted) unlisted") }
        if unchanged > 0 { phrases.append("\(unchanged) unchanged") }
        return phrases
    }
}

extension PlanSummary {
    /// The bill in one sentence, when credits are known: `this plan changes your bill from 2.75
    /// to 3.75 credits/h; the transition costs about 0.4 credits`.
    var costSentence: String? {
        guard let credits = creditsPerHour else { return nil }
        let before = CreditText.describe(credits.before)
        let after = CreditText.describe(credits.after)
        var sentence = before == after
            ? "this plan keeps your bill at \(before) credits/h"
            : "this plan changes your bill from \(before) to \(after) credits/h"
        if let transition = transitionCredits, transition > 0 {
            sentence += "; the transition costs about \(CreditText.describe(transition)) credits"
        }
        return sentence
    }
}

extension Plan {
    /// True when the plan has nothing to show: no steps, moves or cluster changes.
    package var hasNoChanges: Bool { steps.isEmpty && moves.isEmpty && clusters.isEmpty }
}

extension ClusterChange {
    /// The name as shown: `serving`, or `old → new` for a rename.
    var displayName: String {
        guard action == .rename, let renamedFrom else { return RenderText.cluster(name) }
        return RenderText.cluster(renamedFrom) + " → " + RenderText.cluster(name)
    }

    /// Size and replication factor, before → after where both are known and differ:
    /// `size 50cc → 100cc, replication factor 2`.
    var settingsDescription: String {
        [
            Self.transition("size", fromSize.map(RenderText.visible), size.map(RenderText.visible)),
            Self.transition("replication factor", fromReplicationFactor.map(String.init), replicationFactor.map(String.init)),
        ]
        .compactMap { $0 }
        .joined(separator: ", ")
    }

    /// For a resize: `blue-green, estimated downtime 0`, `restart, estimated downtime ~22s`,
    /// `restart, downtime until replicas are added`; nil for other changes.
    var resizeDescription: String? {
        guard let strategy else { return nil }
        let downtime = estimatedDowntimeMs.map { $0 == 0 ? "estimated downtime 0" : "estimated downtime ~" + RenderText.duration(ms: $0) }
            ?? "down until replicas are added"
        return "\(strategy.rawValue), \(downtime)"
    }

    private static func transition(_ label: String, _ before: String?, _ after: String?) -> String? {
        switch (before, after) {
        case let (before?, after?) where before != after: "\(label) \(before) → \(after)"
        case let (_, after?): "\(label) \(after)"
        case let (before?, nil): "\(label) \(before)"
        case (nil, nil): nil
        }
    }
}

extension Move {
    /// `compute → transform`.
    var displayRoute: String {
        RenderText.cluster(from) + " → " + RenderText.cluster(to)
    }
}

extension Hazard {
    /// `error`, `error, allowed` or `warning`.
    var severityLabel: String {
        severity == .error && allowed ? "error, allowed" : severity.rawValue
    }

    /// `!` when it blocks, `*` for warnings and allowed errors (plain ASCII, readable without color).
    var marker: String {
        blocks ? "!" : "*"
    }
}

extension Step {
    /// What the step acts on, for labels: its object, else its cluster (`cluster <name>` unless
    /// the action names clusters already), else nothing.
    var target: String? {
        if let object { return RenderText.object(object) }
        guard let cluster else { return nil }
        let isClusterAction = [.createCluster, .alterCluster, .renameCluster, .swapCluster, .dropCluster].contains(action)
        return (isClusterAction ? "" : "cluster ") + RenderText.cluster(cluster)
    }

    /// `wait until ready: tmp (stands in for mv)`, or nil.
    var waitDescription: String? {
        if let graceful = gracefulWait {
            return "Materialize waits until the new replicas have hydrated (up to \(RenderText.duration(ms: graceful.timeoutMs))), then cuts over; past that it \(graceful.commitsOnTimeout ? "cuts over anyway" : "rolls back")"
        }
        guard let wait else { return nil }
        var text = "wait until \(wait.until.rawValue): " + RenderText.object(wait.object)
        if let original = wait.standsInFor {
            text += " (stands in for " + RenderText.object(original) + ")"
        }
        return text
    }
}
