import Foundation
import Logging
import PostgresNIO
@testable import MZPlanPostgres
import Testing

/// A statement past mzplan's deadline is cancelled on the server with a CancelRequest, not only
/// abandoned: closing the socket alone leaves PostgreSQL (and Materialize's `APPLY REPLACEMENT`)
/// running it.
@Suite(.enabled(if: TestServer.enabled, TestServer.skipReason), .timeLimit(.minutes(1)))
struct CancelRequestTests {
    let logger = Logger(label: "test") { _ in SwiftLogNoOpLogHandler() }

    @Test("the message is the protocol's 16 bytes")
    func bytes() {
        #expect(CancelRequest(processID: 0x0102_0304, secretKey: -1).bytes == [0, 0, 0, 16, 4, 210, 22, 46, 1, 2, 3, 4, 255, 255, 255, 255])
    }

    @Test("the key is read from the traced BackendKeyData message", arguments: [
        (".backendKeyData(processID: 4242, secretKey: -17)", CancelRequest?(CancelRequest(processID: 4242, secretKey: -17))),
        (".parameterStatus(parameter: \"mz_version\", value: \"v26.10.1\")", nil),
    ])
    func parse(_ text: String, _ expected: CancelRequest?) {
        #expect(CancelRequest.parse(tracedMessage: text) == expected)
    }

    @Test("past its deadline a statement stops on the server at once, not when it would have ended")
    func cancelsOnTheServer() async throws {
        let name = "mzplan_cancel_\(UUID().uuidString.prefix(8))"
        let session = try await MaterializeConnection.connect(TestServer.configuration(), logger: logger)
        let observer = try await MaterializeConnection.connect(TestServer.configuration(), logger: logger)
        do {
            #expect(session.cancelRequest != nil)
            _ = try await session.rows(PostgresQuery(unsafeSQL: "SET application_name = '\(name)'"))
            let start = ContinuousClock().now
            await #expect(throws: DeadlineExceeded.self) {
                _ = try await session.perform("SELECT pg_sleep(30)", timeout: .milliseconds(500))
            }
            #expect(start.duration(to: ContinuousClock().now) < .seconds(10))
            var running = 1
            for _ in 0..<50 {
                let rows = try await observer.rows("SELECT count(*)::int FROM pg_stat_activity WHERE application_name = \(name) AND state = 'active'")
                running = try rows.first?.decode(Int.self) ?? 0
                if running == 0 { break }
                try await Task.sleep(for: .milliseconds(100))
            }
            #expect(running == 0, "pg_sleep(30) still runs on the server")
        } catch {
            await observer.close()
            await session.close()
            throw error
        }
        await observer.close()
        await session.close()
    }
}
