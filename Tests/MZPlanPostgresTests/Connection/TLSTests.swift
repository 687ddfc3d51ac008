import Foundation
import Logging
import MZPlanPostgres
import MZPlanTestSupport
import PostgresNIO
import Testing

/// sslmode against the test server with TLS (a self-signed certificate for localhost and 127.0.0.1).
@Suite(.enabled(if: TestServer.tlsEnabled, TestServer.tlsSkipReason), .timeLimit(.minutes(1)))
struct TLSTests {
    let logger = Logger(label: "test") { _ in SwiftLogNoOpLogHandler() }

    func isEncrypted(_ url: String) async throws -> Bool {
        let configuration = try ConnectionConfiguration.resolve(url: url, environment: [:])
        let connection = try await MaterializeConnection.connect(configuration, logger: logger)
        let rows: [PostgresRow]
        do {
            rows = try await connection.rows("SELECT ssl::text FROM pg_stat_ssl WHERE pid = pg_backend_pid()")
        } catch {
            await connection.close()
            throw error
        }
        await connection.close()
        return try rows.first?.decode(String.self) == "true"
    }

    @Test("require encrypts without verifying the certificate, like libpq")
    func require() async throws {
        #expect(try await isEncrypted(TestServer.url(tls: true, query: "sslmode=require")))
    }

    @Test("verify-full verifies against sslrootcert, for 127.0.0.1 and localhost", arguments: ["127.0.0.1", "localhost"])
    func verifyFull(host: String) async throws {
        var components = try TestServer.components(tls: true)
        components.host = host
        components.query = "sslmode=verify-full&sslrootcert=\(try TestServer.tlsRootCertificate())"
        #expect(try await isEncrypted(components.string ?? ""))
    }

    @Test("verify-full refuses a certificate no trusted root signed: one line, exit 1")
    func untrusted() throws {
        let url = try TestServer.url(tls: true, user: TestServer.passwordRole, password: TestServer.password, query: "sslmode=verify-full")
        let result = try runMzplan(["catalog", "dump", "--url", url])
        #expect(result.exitCode == 1)
        #expect(result.stderr.hasPrefix("error: the TLS handshake with 127.0.0.1:"), "stderr: \(result.stderr)")
        #expect(result.stderr.split(separator: "\n").count == 1)
        #expect(!result.stderr.contains(TestServer.password))
    }

    @Test("catalog dump over TLS gives the same snapshot as without")
    func dumpOverTLS() throws {
        let environment = ["SOURCE_DATE_EPOCH": "1764115200"]
        let encrypted = try runMzplan(["catalog", "dump", "--url", TestServer.url(tls: true, query: "sslmode=require")], environment: environment)
        let plain = try runMzplan(["catalog", "dump", "--url", TestServer.url()], environment: environment)
        #expect(encrypted.exitCode == 0, "stderr: \(encrypted.stderr)")
        #expect(encrypted.stdout == plain.stdout)
    }
}
