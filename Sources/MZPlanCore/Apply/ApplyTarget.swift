/// What the apply engine drives: a Materialize environment, live (the PostgreSQL adapter) or
/// simulated (`MZPlanSimulator`). The engine never talks SQL to anything else.
///
/// A live adapter maps the methods onto statements:
/// - ``readCatalog()``: the constant set of catalog queries of SPEC §7.
/// - ``execute(_:timeoutMs:)``: one statement per message, `SET statement_timeout` first when a
///   timeout is given; errors carry the SQLSTATE. ``executeTransaction(_:)``: the same inside
///   `BEGIN` … `COMMIT` on one connection.
/// - ``readiness(_:)``: ONE consolidated query per poll for all probes (frontiers, hydration,
///   lag, replica health and source/sink status joined on the probed names).
/// - Lock: `CREATE SCHEMA _mzplan_lock` + `COMMENT ON SCHEMA _mzplan_lock IS '<holder JSON>'`;
///   "already exists" (42P06) means held, and the comment names the holder.
///   ``releaseLock()`` is `DROP SCHEMA _mzplan_lock`.
/// - Journal: `CREATE SCHEMA IF NOT EXISTS _mzplan`, table `_mzplan.journal(plan_fingerprint,
///   step_id, action, status, at, detail)`; ``appendJournal(_:)`` inserts a row,
///   ``readJournal()`` selects all rows in insertion order.
package protocol ApplyTarget: AnyObject {
    /// The current catalog, as a snapshot.
    func readCatalog() async throws(ApplyTargetError) -> CatalogSnapshot
    /// Runs one statement; with `timeoutMs`, it is cancelled after that long (``ApplyTargetError/Kind/timedOut``,
    /// or SQLSTATE 57014 from a server whose `statement_timeout` bounds it).
    func execute(_ sql: String, timeoutMs: UInt64?) async throws(ApplyTargetError)
    /// Runs `statements` in one transaction (`BEGIN`, each statement, `COMMIT`; `ROLLBACK` on an
    /// error): all of them take effect or none.
    /// With `timeoutMs`, it is cancelled after that long, as ``execute(_:timeoutMs:)`` is.
    func executeTransaction(_ statements: [String], timeoutMs: UInt64?) async throws(ApplyTargetError)
    /// One consolidated readiness read for every pending object, in the order of `probes`.
    func readiness(_ probes: [ReadinessProbe]) async throws(ApplyTargetError) -> [ReadinessSample]
    /// Takes the lock; returns nil when taken, or the current holder when someone holds it.
    func acquireLock(_ holder: LockHolder) async throws(ApplyTargetError) -> LockHolder?
    func releaseLock() async throws(ApplyTargetError)
    func appendJournal(_ entry: JournalEntry) async throws(ApplyTargetError)
    /// Every journal row, oldest first.
    func readJournal() async throws(ApplyTargetError) -> [JournalEntry]
}
