import Logging
import MZPlanPostgres
import PostgresNIO
import Testing

/// Sessions against the fixture server: the query timeout and server errors.
@Suite(.enabled(if: TestServer.enabled, TestServer.skipReason), .timeLimit(.minutes(1)))
struct MaterializeConnectionTests {
    let logger = Logger(label: "test") { _ in SwiftLogNoOpLogHandler() }

    @Test("a catalog query that outlives the query timeout fails with a timeout, promptly")
    func queryTimeout() async throws {
        var configuration = try TestServer.configuration()
        configuration.queryTimeout = .milliseconds(300)
        let connection = try await MaterializeConnection.connect(configuration, logger: logger)
        let started = ContinuousClock.now
        await #expect {
            _ = try await connection.rows("SELECT pg_sleep(10)")
        } throws: { error in
            let error = error as? ConnectionError
            return error?.kind == .timeout && error?.message.hasPrefix("timed out after 0.3s reading the catalog") == true
        }
        #expect(ContinuousClock.now - started < .seconds(5))
        await connection.close()
    }

    @Test("a server error keeps its SQLSTATE")
    func serverError() async throws {
        let connection = try await MaterializeConnection.connect(TestServer.configuration(), logger: logger)
        await #expect {
            _ = try await connection.rows("SELECT nosuchcol FROM mz_catalog.mz_objects")
        } throws: { error in
            (error as? ConnectionError)?.sqlState == "42703"
        }
        await connection.close()
    }
}
