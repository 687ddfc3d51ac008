package import Logging
package import MZPlanCore
import PostgresNIO

/// The apply engine's ``ApplyTarget`` for a live Materialize (SPEC §6).
///
/// Plan statements go through a ``StatementExecutor`` (one statement per message,
/// `statement_timeout` for blocking ones, 40001 retried, reconnect); catalog, readiness and lock
/// holder are read on a second session (where the catalog reader routes queries to
/// `mz_catalog_server`, which serves system relations only), and the journal on a third. The lock is the schema `_mzplan_lock` of the
/// connection's database with the holder as JSON in its comment; the journal is
/// `_mzplan.journal`, written with bind parameters only. Messages never show the password.
package final class LiveApplyTarget: ApplyTarget {
    /// The lock schema's name.
    package static let lockSchema = "_mzplan_lock"

    package let configuration: ConnectionConfiguration
    let logger: Logger
    let executor: StatementExecutor
    let session: LiveSession
    let journalSession: LiveSession
    /// The journal's last `seq`, once the table is known to exist.
    private var journalSequence: Int64?
    /// Raised by SIGINT/SIGTERM: a blocking statement in flight is cancelled.
    let interruption: ApplyInterruption
    /// The connection dropped while this target created the lock schema: it may exist, without
    /// its comment yet, and then it is this target's.
    private var lockCreationUncertain = false
    /// The connection dropped while this journal row (by `seq`) was being written: it may exist.
    private var journalRowUncertain: Int64?

    package init(configuration: ConnectionConfiguration, logger: Logger, interruption: ApplyInterruption = ApplyInterruption()) {
        self.configuration = configuration
        self.logger = logger
        self.interruption = interruption
        executor = StatementExecutor(configuration: configuration, logger: logger)
        session = LiveSession(configuration: configuration, logger: logger)
        journalSession = LiveSession(configuration: configuration, logger: logger)
    }

    /// Runs the journal on `cluster` (see ``JournalCluster``): a user table needs a compute cluster,
    /// and the role's default may be missing.
    package func setJournalCluster(_ cluster: String) async {
        await journalSession.use(cluster: cluster)
    }

    /// Closes every session.
    package func close() async {
        await executor.close()
        await session.close()
        await journalSession.close()
    }

    /// The catalog with the reader's warnings (relations an older version lacks).
    package func readCatalogResult(takenAtMs: UInt64) async throws(ConnectionError) -> CatalogReadResult {
        try await read { connection throws(ConnectionError) in
            try await CatalogReader(logger: logger).read(from: connection, takenAtMs: takenAtMs)
        }
    }

    package func readCatalog() async throws(ApplyTargetError) -> CatalogSnapshot {
        do throws(ConnectionError) {
            return try await readCatalogResult(takenAtMs: WallClock().nowMs()).snapshot
        } catch {
            throw ApplyTargetError(error, while: "reading the catalog")
        }
    }

    /// Runs a plan statement. A blocking one (with a timeout: a cutover that waits for its view,
    /// a graceful resize) is cancelled when an interrupt is requested meanwhile, and fails as a
    /// timeout does: whether it took effect, the catalog then says.
    package func execute(_ sql: String, timeoutMs: UInt64?) async throws(ApplyTargetError) {
        let executor = executor
        let timeout = timeoutMs.map { Duration.milliseconds($0) }
        do {
            if timeout == nil {
                try await executor.execute(sql, statementTimeout: nil)
            } else {
                try await interruption.cancelling { try await executor.execute(sql, statementTimeout: timeout) }
            }
        } catch let error as StatementError {
            throw ApplyTargetError(error)
        } catch let signal as ApplyInterruption.Signal {
            throw ApplyTargetError(.timedOut, message: "cancelled by \(signal.name) while it blocked: \(sql.prefix(200))")
        } catch {
            throw .interrupted
        }
    }

    package func executeTransaction(_ statements: [String], timeoutMs: UInt64?) async throws(ApplyTargetError) {
        do {
            try await executor.executeTransaction(statements, timeout: timeoutMs.map { Duration.milliseconds($0) })
        } catch let error as StatementError {
            throw ApplyTargetError(error)
        } catch {
            throw .interrupted
        }
    }

    package func readiness(_ probes: [ReadinessProbe]) async throws(ApplyTargetError) -> [ReadinessSample] {
        do throws(ConnectionError) {
            return try await read { connection throws(ConnectionError) in try await ReadinessQuery.samples(for: probes, on: connection) }
        } catch {
            throw ApplyTargetError(error, while: "reading readiness")
        }
    }

    // MARK: Lock

    package func acquireLock(_ holder: LockHolder) async throws(ApplyTargetError) -> LockHolder? {
        let schema = SQLIdentifier.quote(Self.lockSchema)
        do {
            try await executor.execute("CREATE SCHEMA \(schema)")
        } catch let error as StatementError where error.kind == .server {
            // Materialize reports a duplicate schema as SQLSTATE XX000 ("… already exists"),
            // PostgreSQL as 42P06: whatever the code, the catalog decides. The lock is held when the
            // schema exists; a holder that has not written its comment yet is still a holder —
            // unless it is this target, whose connection dropped while it created the schema.
            guard let state = try await lockState() else { throw ApplyTargetError(error) }
            guard state.comment == nil, lockCreationUncertain else {
                return state.heldBy
            }
        } catch let error as StatementError {
            if error.kind == .connectionLost { lockCreationUncertain = true }
            throw ApplyTargetError(error)
        } catch {
            throw .interrupted
        }
        lockCreationUncertain = false
        do {
            try await executor.execute("COMMENT ON SCHEMA \(schema) IS \(SQLIdentifier.literal(LockComment.encode(holder)))")
        } catch {
            try? await executor.execute("DROP SCHEMA IF EXISTS \(schema)")
            throw (error as? StatementError).map(ApplyTargetError.init) ?? .interrupted
        }
        return nil
    }

    package func releaseLock() async throws(ApplyTargetError) {
        try await execute("DROP SCHEMA IF EXISTS \(SQLIdentifier.quote(Self.lockSchema))", timeoutMs: nil)
    }

    /// The lock as the catalog shows it: nil when nobody holds it.
    package func lockState() async throws(ApplyTargetError) -> LockState? {
        let query: PostgresQuery = """
            SELECT c.comment
            FROM mz_catalog.mz_schemas s
            JOIN mz_catalog.mz_databases d ON d.id = s.database_id
            LEFT JOIN mz_internal.mz_comments c ON c.id = s.id AND c.object_type = 'schema'
            WHERE s.name = \(Self.lockSchema)::text AND d.name = current_database()
            """
        do throws(ConnectionError) {
            let rows = try await read { connection throws(ConnectionError) in try await connection.rows(query) }
            guard let row = rows.first else { return nil }
            let comment = try? row.decode(String?.self)
            return LockState(comment: comment ?? nil)
        } catch {
            throw ApplyTargetError(error, while: "reading the lock holder")
        }
    }

    // MARK: Journal

    /// Appends a row; after a dropped connection, the retry first checks whether the lost
    /// attempt wrote it, so a row is never written twice.
    package func appendJournal(_ entry: JournalEntry) async throws(ApplyTargetError) {
        let sequence = try await lastJournalSequence() + 1
        let uncertain = journalRowUncertain == sequence
        do throws(ConnectionError) {
            try await read(on: journalSession) { connection throws(ConnectionError) in
                if uncertain, try await !connection.rows(JournalTable.row(sequence)).isEmpty { return }
                _ = try await connection.rows(JournalTable.insert(entry, sequence: sequence))
            }
        } catch {
            if error.kind == .connectionLost || error.kind == .timeout { journalRowUncertain = sequence }
            throw ApplyTargetError(error, while: "writing the journal")
        }
        journalRowUncertain = nil
        journalSequence = sequence
    }

    package func readJournal() async throws(ApplyTargetError) -> [JournalEntry] {
        _ = try await lastJournalSequence()
        let rows: [PostgresRow]
        do throws(ConnectionError) {
            rows = try await read(on: journalSession) { connection throws(ConnectionError) in try await connection.rows(JournalTable.select) }
        } catch {
            throw ApplyTargetError(error, while: "reading the journal")
        }
        return try JournalTable.entries(rows)
    }

    /// Creates the journal when missing (once per target) and returns its last `seq`.
    private func lastJournalSequence() async throws(ApplyTargetError) -> Int64 {
        if let journalSequence { return journalSequence }
        try await execute(JournalTable.createSchema, timeoutMs: nil)
        try await execute(JournalTable.createTable, timeoutMs: nil)
        do throws(ConnectionError) {
            let rows = try await read(on: journalSession) { connection throws(ConnectionError) in try await connection.rows(JournalTable.lastSequence) }
            let last = (try? rows.first?.decode(Int64.self)) ?? 0
            journalSequence = last
            return last
        } catch {
            throw ApplyTargetError(error, while: "reading the journal")
        }
    }

    /// Runs `body` on `session` (default: the reading session); a session that broke is closed so
    /// the next read reconnects.
    private func read<T>(
        on session: LiveSession? = nil, _ body: (MaterializeConnection) async throws(ConnectionError) -> T
    ) async throws(ConnectionError) -> T {
        let session = session ?? self.session
        let connection = try await session.current()
        do throws(ConnectionError) {
            return try await body(connection)
        } catch {
            if connection.isClosed || error.kind == .connectionLost || error.kind == .timeout { await session.close() }
            throw error
        }
    }
}
