/// One statement of a plan, a node of the step DAG.
package struct Step: Hashable, Sendable {
    /// What a step does; spelled in plan JSON as the raw value.
    package enum Action: String, Hashable, Sendable, CaseIterable {
        case createCluster = "create-cluster"
        case alterCluster = "alter-cluster"
        case renameCluster = "rename-cluster"
        /// `ALTER CLUSTER a SWAP WITH b`: a blue-green resize's new cluster takes the old name.
        case swapCluster = "swap-cluster"
        case dropCluster = "drop-cluster"
        case dropReplacement = "drop-replacement"
        case createReplacement = "create-replacement"
        case applyReplacement = "apply-replacement"
        case setCluster = "set-cluster"
        case createIndex = "create-index"
        case dropIndex = "drop-index"
        case renameIndex = "rename-index"
        case createSink = "create-sink"
        case dropSink = "drop-sink"
        case renameSink = "rename-sink"
        case dropSource = "drop-source"
        /// `DROP MATERIALIZED VIEW … CASCADE` of a view that is recreated.
        case dropMaterializedView = "drop-materialized-view"
        case recreateObject = "recreate-object"
        /// A blue-green source move creates an object of its new closure under a temporary name.
        case createObject = "create-object"
        /// A blue-green source move's cutover: `ALTER … RENAME` of the old objects to retired names
        /// and of the new ones to the original names, in one DDL-only transaction.
        case renameObjects = "rename-objects"
        /// `DROP SOURCE … CASCADE` of a blue-green move's retired source and its retired closure.
        case dropRetired = "drop-retired"
    }

    /// Where a step sits in an apply: preparation, pre-hydration, cutover or cleanup.
    package enum Phase: String, Hashable, Sendable, CaseIterable, Comparable {
        case prepare
        case hydrate
        case cutover
        case cleanup

        private var rank: Int {
            switch self {
            case .prepare: 0
            case .hydrate: 1
            case .cutover: 2
            case .cleanup: 3
            }
        }

        package static func < (lhs: Phase, rhs: Phase) -> Bool { lhs.rank < rhs.rank }
    }

    /// Small integers, 1-based, in list order.
    package var id: Int
    package var action: Action
    package var phase: Phase
    /// The one statement this step runs.
    package var sql: String
    /// Steps that must finish first.
    package var after: [Int]
    /// After the statement, what must hold before dependents may start.
    package var wait: StepWait?
    /// The object the statement creates, changes or drops.
    package var object: QualifiedName?
    /// The cluster the statement runs on or changes.
    package var cluster: String?
    /// How long the step is expected to take, its wait included: a hydration, the frontier wait of
    /// a cutover, a graceful resize; 0 for a statement that returns at once.
    package var estimatedMs: UInt64

    package init(
        id: Int,
        action: Action,
        phase: Phase,
        sql: String,
        after: [Int] = [],
        wait: StepWait? = nil,
        object: QualifiedName? = nil,
        cluster: String? = nil,
        estimatedMs: UInt64 = 0
    ) {
        self.id = id
        self.action = action
        self.phase = phase
        self.sql = sql
        self.after = after
        self.wait = wait
        self.object = object
        self.cluster = cluster
        self.estimatedMs = estimatedMs
    }
}

extension Step {
    /// The statements the step sends: its `sql`, or for ``Action/renameObjects`` the statements
    /// between its `BEGIN;` and `COMMIT;`, which run in one transaction.
    package var statements: [String] {
        guard action == .renameObjects else { return [sql] }
        return SQLText.statements(sql).filter { !["BEGIN", "COMMIT"].contains($0.uppercased()) }
    }

    /// The SQL of a step running `statements` in one transaction.
    package static func transaction(_ statements: [String]) -> String {
        (["BEGIN;"] + statements.map { $0 + ";" } + ["COMMIT;"]).joined(separator: "\n")
    }
}

/// A condition a step waits for after its statement ran (SPEC §6.5).
package struct StepWait: Hashable, Sendable {
    package enum Condition: String, Hashable, Sendable {
        /// Hydrated on a healthy replica, caught up and not behind the original, for `stable_polls` polls.
        case ready
        /// A new sink or source reports status `running`.
        case running
    }

    package var until: Condition
    /// The object that must become ready.
    package var object: QualifiedName
    /// The original it stands in for, whose upper and lag it is compared with.
    package var standsInFor: QualifiedName?

    package init(until: Condition, object: QualifiedName, standsInFor: QualifiedName? = nil) {
        self.until = until
        self.object = object
        self.standsInFor = standsInFor
    }
}
