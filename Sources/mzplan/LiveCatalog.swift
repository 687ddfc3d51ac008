import Foundation
import Logging
import MZPlanCore
import MZPlanPostgres

/// Reads the live catalog for `--url` and `catalog dump`: resolve the connection (flag >
/// `MZPLAN_URL` > libpq variables > defaults), connect, read, close. Failures become one
/// diagnostic line (code `catalog.connect`), never showing the password.
enum LiveCatalog {
    static func read(
        _ options: ConnectionOptions,
        console: Console,
        environment: [String: String] = ProcessInfo.processInfo.environment
    ) async throws(DiagnosticsError) -> CatalogSnapshot {
        let logger = makeLogger(environment: environment)
        do throws(ConnectionError) {
            let configuration = try options.configuration(environment: environment)
            let connection = try await MaterializeConnection.connect(configuration, logger: logger)
            let result: CatalogReadResult
            do throws(ConnectionError) {
                result = try await CatalogReader(logger: logger).read(from: connection, takenAtMs: Clock.planTimestamp(environment: environment))
            } catch {
                await connection.close()
                throw error
            }
            await connection.close()
            console.report(result.warnings.map { Diagnostic(.warning, code: "catalog.degraded", $0) })
            return result.snapshot
        } catch {
            throw DiagnosticsError(Diagnostic(.error, code: "catalog.connect", error.message))
        }
    }

    /// Library logs go to stderr, at `MZPLAN_LOG_LEVEL` (default `warning`); stdout stays the result's.
    static func makeLogger(environment: [String: String]) -> Logger {
        var logger = Logger(label: "mzplan") { StreamLogHandler.standardError(label: $0) }
        logger.logLevel = environment["MZPLAN_LOG_LEVEL"].flatMap(Logger.Level.init(rawValue:)) ?? .warning
        return logger
    }
}
