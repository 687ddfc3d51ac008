import Foundation
import Logging
import MZPlanPostgres
import PostgresNIO
import Testing

/// The apply engine's statement executor against the fixture server. Statements that create
/// objects run in the `postgres` database, each test under names of its own.
@Suite(.enabled(if: TestServer.enabled, TestServer.skipReason), .timeLimit(.minutes(1)))
struct StatementExecutorTests {
    let logger = Logger(label: "test") { _ in SwiftLogNoOpLogHandler() }
    let suffix = UUID().uuidString.prefix(8).lowercased()

    func executor(database: String = "postgres") throws -> StatementExecutor {
        try StatementExecutor(configuration: TestServer.configuration(database: database), logger: logger)
    }

    /// A function that fails with 40001 until its sequence passes `failures`.
    func flaky(_ executor: StatementExecutor, failures: Int) async throws -> String {
        try await executor.execute("CREATE SEQUENCE attempts_\(suffix)")
        try await executor.execute("""
            CREATE FUNCTION flaky_\(suffix)() RETURNS void LANGUAGE plpgsql AS $$
            BEGIN
                IF nextval('attempts_\(suffix)') <= \(failures) THEN
                    RAISE EXCEPTION 'could not serialize access' USING ERRCODE = '40001';
                END IF;
            END $$
            """)
        return "SELECT flaky_\(suffix)()"
    }

    func attempts(_ executor: StatementExecutor) async throws -> Int {
        // Readiness cannot read a sequence; use a throwaway table written by the statement itself.
        try await executor.execute("CREATE TABLE seen_\(suffix) AS SELECT last_value FROM attempts_\(suffix)")
        let connection = try await MaterializeConnection.connect(TestServer.configuration(database: "postgres"), logger: logger)
        let rows = try await connection.rows("SELECT last_value::int8 FROM seen_\(unescaped: String(suffix))")
        await connection.close()
        return try rows.first?.decode(Int.self) ?? -1
    }

    @Test("a server error carries the statement, the SQLSTATE and the server's message")
    func serverError() async throws {
        let executor = try executor()
        await #expect {
            try await executor.execute("SELEC 1")
        } throws: { error in
            let error = error as? StatementError
            return error?.kind == .server && error?.sqlState == "42601" && error?.statement == "SELEC 1"
                && error?.message == #"syntax error at or near "SELEC""#
        }
        try await executor.execute("SELECT 1")
        await executor.close()
    }

    @Test("a transaction commits all of its statements, or none when one fails; the session stays usable")
    func transaction() async throws {
        let executor = try executor()
        let (a, b) = ("tx_a_\(suffix)", "tx_b_\(suffix)")
        try await executor.execute("CREATE TABLE \(a) (x int)")
        await #expect {
            try await executor.executeTransaction(["ALTER TABLE \(a) RENAME TO \(b)", "ALTER TABLE no_such_\(suffix) RENAME TO c"])
        } throws: { error in
            let error = error as? StatementError
            return error?.kind == .server && error?.sqlState == "42P01" && error?.statement == "ALTER TABLE no_such_\(suffix) RENAME TO c"
        }
        // Rolled back: the first rename did not happen, and the session is out of the failed transaction.
        try await executor.execute("SELECT x FROM \(a)")
        try await executor.executeTransaction(["ALTER TABLE \(a) RENAME TO \(b)", "ALTER TABLE \(b) RENAME TO \(a)_2"])
        try await executor.execute("SELECT x FROM \(a)_2")
        await #expect(throws: StatementError.self) { try await executor.execute("SELECT x FROM \(b)") }
        await executor.close()
    }

    @Test("40001 surfaces at once, the statement sent once: retrying is the apply engine's decision")
    func serializationFailureSurfaces() async throws {
        let executor = try executor()
        let statement = try await flaky(executor, failures: 1)
        await #expect {
            try await executor.execute(statement)
        } throws: { error in
            (error as? StatementError).map { $0.kind == .server && $0.sqlState == "40001" } ?? false
        }
        #expect(try await attempts(executor) == 1)
        try await executor.execute(statement)
        await executor.close()
    }

    @Test("statement_timeout cancels a blocking statement on the server")
    func statementTimeout() async throws {
        let executor = try executor()
        await #expect {
            try await executor.execute("SELECT pg_sleep(5)", statementTimeout: .milliseconds(200))
        } throws: { error in
            let error = error as? StatementError
            return error?.sqlState == "57014" && error?.message.contains("statement timeout") == true
        }
        // The timeout applied to that statement only.
        try await executor.execute("SELECT pg_sleep(0.3)")
        await executor.close()
    }

    @Test("a dropped connection is reopened for the next statement")
    func reconnects() async throws {
        let executor = try executor()
        let name = "mzplan-test-\(suffix)"
        try await executor.execute("SET application_name = '\(name)'")
        #expect(await executor.isConnected)
        let killer = try await MaterializeConnection.connect(TestServer.configuration(database: "postgres"), logger: logger)
        _ = try await killer.rows("SELECT pg_terminate_backend(pid) FROM pg_stat_activity WHERE application_name = \(name)")
        await killer.close()
        for _ in 0..<50 where await executor.isConnected {
            try await Task.sleep(for: .milliseconds(20))
        }
        #expect(await !executor.isConnected)
        try await executor.execute("SELECT 1")
        #expect(await executor.isConnected)
        await executor.close()
    }

    @Test("cancelling the task stops the running statement promptly")
    func cancellation() async throws {
        let executor = try executor()
        try await executor.execute("SELECT 1")
        let started = ContinuousClock.now
        let task = Task { try await executor.execute("SELECT pg_sleep(20)") }
        try await Task.sleep(for: .milliseconds(300))
        task.cancel()
        let result = await task.result
        #expect(ContinuousClock.now - started < .seconds(5))
        #expect(throws: CancellationError.self) { try result.get() }
        try await executor.execute("SELECT 1")
        await executor.close()
    }

    @Test("readiness: hydration on a healthy replica, the newest GlobalId's since and upper, lag")
    func readiness() async throws {
        let executor = try executor(database: "materialize")
        let readiness = try await executor.readiness(of: ["u15", "u24", "u26", "u99999"])
        #expect(readiness["u15"] == ObjectReadiness(hydrated: true, upperMs: 1_764_115_199_500, lagMs: 500, sinceMs: 1_764_115_198_350))
        #expect(readiness["u24"] == ObjectReadiness(hydrated: true, upperMs: 1_764_115_200_000, lagMs: 0, sinceMs: 1_764_115_199_000))
        // A replacement's global frontiers mirror its target's (u25).
        #expect(readiness["u26"] == ObjectReadiness(hydrated: false, upperMs: 1_764_115_199_550, lagMs: 9450, sinceMs: 1_764_115_198_550))
        #expect(readiness["u99999"] == nil)
        await executor.close()
    }

    @Test("an object hydrated only on an OOM-looping replica is not ready")
    func oomLoopingReplica() async throws {
        let executor = try executor(database: "mz_big")
        let readiness = try await executor.readiness(of: ["u5999", "u5998"])
        await executor.close()
        #expect(readiness["u5999"]?.hydrated == false)
        #expect(readiness["u5998"]?.hydrated == true)
    }

    @Test("readiness is one query, whatever the number of ids", arguments: [1, 3, 5_000])
    func readinessIsOneQuery(count: Int) async throws {
        let connection = try await MaterializeConnection.connect(TestServer.configuration(database: "mz_big"), logger: logger)
        let counter = CountingQuerier(connection)
        let ids = (1000..<(1000 + count)).map { "u\($0)" }
        let readiness: [String: ObjectReadiness]
        do {
            readiness = try await ReadinessQuery.run(ids, on: counter)
        } catch {
            await connection.close()
            throw error
        }
        await connection.close()
        #expect(counter.queries.count == 1)
        #expect(readiness.count == count)
        #expect(readiness["u1000"] == ObjectReadiness(hydrated: true, upperMs: 1_764_115_200_000, lagMs: 100, sinceMs: 1_764_115_199_000))
        if count > 1 {
            #expect(readiness["u1001"]?.hydrated == false, "u1001 is not hydrated in mz_big.sql")
        }
    }
}
