/// What the apply engine drives: a Materialize environment, live (the PostgreSQL adapter) or
/// simulated (`MZPlanSimulator`). The engine never talks SQL to anything else.
///
/// A live adapter maps the methods onto statements:
/// - ``readCatalog()``: the constant set of catalog queries of SPEC §7.
/// - ``execute(_:timeoutMs:)``: one statement per message, `SET statement_timeout` first when a
///   timeout is given; errors carry the SQLSTATE.
/// - ``readiness(_:)``: ONE consolidated query per poll for all probes (frontiers, hydration,
///   lag, replica health and source/sink status joined on the probed names).
/// - Lock: `CREATE SCHEMA _mzplan_lock` + `COMMENT ON SCHEMA _mzplan_lock IS '<holder JSON>'`;
///   "already exists" (42P06) means held, and the comment names the holder.
///   ``releaseLock()`` is `DROP SCHEMA _mzplan_lock`.
/// - Journal: `CREATE SCHEMA IF NOT EXISTS _mzplan`, table `_mzplan.journal(plan_fingerprint,
///   step_id, action, status, at, detail)`; ``appendJournal(_:)`` inserts a row,
///   ``readJournal()`` selects all rows in insertion order.
public protocol ApplyTarget: AnyObject {
    /// The current catalog, as a snapshot.
    func readCatalog() async throws(ApplyTargetError) -> CatalogSnapshot
    /// Runs one statement; with `timeoutMs`, the server cancels it after that long (SQLSTATE 57014).
    func execute(_ sql: String, timeoutMs: UInt64?) async throws(ApplyTargetError)
    /// One consolidated readiness read for every pending object, in the order of `probes`.
    func readiness(_ probes: [ReadinessProbe]) async throws(ApplyTargetError) -> [ReadinessSample]
    /// Takes the lock; returns nil when taken, or the current holder when someone holds it.
    func acquireLock(_ holder: LockHolder) async throws(ApplyTargetError) -> LockHolder?
    func releaseLock() async throws(ApplyTargetError)
    func appendJournal(_ entry: JournalEntry) async throws(ApplyTargetError)
    /// Every journal row, oldest first.
    func readJournal() async throws(ApplyTargetError) -> [JournalEntry]
}

/// Time for the apply engine: wall time live, virtual time in the simulator.
public protocol ApplyClock: AnyObject {
    /// Milliseconds since the epoch.
    func nowMs() -> UInt64
    /// Returns at `deadlineMs` or later (the simulator advances its world to it).
    func sleep(untilMs deadlineMs: UInt64) async
}

/// A failure reported by an ``ApplyTarget``.
public struct ApplyTargetError: Error, Hashable, Sendable {
    public enum Kind: String, Hashable, Sendable {
        /// The server rejected the statement (SQLSTATE in `sqlState`).
        case sql
        /// The connection broke; the statement may or may not have run.
        case connectionLost = "connection-lost"
        /// The process running the apply died (simulated crashes only): stop at once, touch nothing.
        case crashed
    }

    public var kind: Kind
    public var sqlState: String?
    public var message: String

    public init(_ kind: Kind, sqlState: String? = nil, message: String) {
        self.kind = kind
        self.sqlState = sqlState
        self.message = message
    }

    /// SQLSTATE 40001: a concurrent DDL conflict, retried with backoff.
    public var isSerializationFailure: Bool { sqlState == "40001" }
}

/// Who holds the apply lock: the `COMMENT` on `_mzplan_lock`.
public struct LockHolder: Hashable, Sendable, CustomStringConvertible {
    public var planFingerprint: String
    public var host: String
    public var pid: Int
    public var startedAtMs: UInt64

    public init(planFingerprint: String, host: String, pid: Int, startedAtMs: UInt64) {
        self.planFingerprint = planFingerprint
        self.host = host
        self.pid = pid
        self.startedAtMs = startedAtMs
    }

    public var description: String {
        "pid \(pid) on \(host), plan \(planFingerprint.prefix(19))…, started at \(startedAtMs) ms"
    }
}

/// One row of `_mzplan.journal`.
public struct JournalEntry: Hashable, Sendable {
    public enum Status: String, Hashable, Sendable {
        /// Step 0: the apply began; `detail` holds the plan JSON, so `--resume` needs nothing else.
        case planned
        case started
        case finished
        case failed
        /// A move not cut over (its feasibility became `gap`).
        case skipped
        /// `--abort` ran; the journal of this plan is closed.
        case aborted
        /// Every step finished; the journal of this plan is closed.
        case completed
    }

    public var planFingerprint: String
    public var stepID: Int
    public var action: String
    public var status: Status
    public var atMs: UInt64
    public var detail: String

    public init(planFingerprint: String, stepID: Int, action: String, status: Status, atMs: UInt64, detail: String = "") {
        self.planFingerprint = planFingerprint
        self.stepID = stepID
        self.action = action
        self.status = status
        self.atMs = atMs
        self.detail = detail
    }
}

/// One pending object the readiness gate asks about.
public struct ReadinessProbe: Hashable, Sendable {
    public var object: QualifiedName
    /// The original the object stands in for; nil for a recreated source.
    public var standsInFor: QualifiedName?
    public var cluster: String?
    public var condition: StepWait.Condition

    public init(object: QualifiedName, standsInFor: QualifiedName?, cluster: String?, condition: StepWait.Condition) {
        self.object = object
        self.standsInFor = standsInFor
        self.cluster = cluster
        self.condition = condition
    }
}

/// What one poll saw of a probed object.
public struct ReadinessSample: Hashable, Sendable {
    public var object: QualifiedName
    public var exists: Bool
    public var cluster: String?
    /// Hydrated on at least one online replica of `cluster` that is not OOM-looping.
    public var hydratedOnHealthyReplica: Bool
    public var upperMs: UInt64?
    public var lagMs: UInt64?
    /// Source or sink status (`running`, `starting`, `stalled`, …).
    public var status: String?
    public var originalUpperMs: UInt64?
    public var originalLagMs: UInt64?
    /// The original is sealed: any upper catches up.
    public var originalSealed: Bool
    /// Why the cluster cannot hydrate anything, when it cannot (no replica online, all OOM-looping).
    public var replicaProblem: String?

    public init(
        object: QualifiedName,
        exists: Bool,
        cluster: String? = nil,
        hydratedOnHealthyReplica: Bool = false,
        upperMs: UInt64? = nil,
        lagMs: UInt64? = nil,
        status: String? = nil,
        originalUpperMs: UInt64? = nil,
        originalLagMs: UInt64? = nil,
        originalSealed: Bool = false,
        replicaProblem: String? = nil
    ) {
        self.object = object
        self.exists = exists
        self.cluster = cluster
        self.hydratedOnHealthyReplica = hydratedOnHealthyReplica
        self.upperMs = upperMs
        self.lagMs = lagMs
        self.status = status
        self.originalUpperMs = originalUpperMs
        self.originalLagMs = originalLagMs
        self.originalSealed = originalSealed
        self.replicaProblem = replicaProblem
    }
}
