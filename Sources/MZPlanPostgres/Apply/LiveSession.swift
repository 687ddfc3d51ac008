import Logging
import MZPlanCore
import PostgresNIO

/// The apply's reading session (catalog, readiness, lock holder, journal), opened on first use and
/// reopened after it broke. Plan statements run on the ``StatementExecutor``'s own session, so
/// the catalog reader's Materialize session settings never reach them.
actor LiveSession {
    let configuration: ConnectionConfiguration
    let logger: Logger
    private var connection: MaterializeConnection?
    /// The cluster the session runs on (`SET cluster`), on a Materialize server.
    private var cluster: String?

    init(configuration: ConnectionConfiguration, logger: Logger) {
        self.configuration = configuration
        self.logger = logger
    }

    /// The open session, connecting first when there is none or it closed.
    func current() async throws(ConnectionError) -> MaterializeConnection {
        if let connection, !connection.isClosed { return connection }
        await close()
        let opened = try await MaterializeConnection.connect(configuration, logger: logger)
        if let cluster, opened.announcedVersion != nil {
            do throws(ConnectionError) {
                _ = try await opened.rows(PostgresQuery(unsafeSQL: "SET cluster = \(SQLIdentifier.quote(cluster))"))
            } catch {
                await opened.close()
                throw error
            }
        }
        connection = opened
        return opened
    }

    /// Runs the session on `cluster` from now on (the next connection sets it).
    func use(cluster: String) async {
        guard cluster != self.cluster else { return }
        self.cluster = cluster
        await close()
    }

    /// Closes the session, if one is open.
    func close() async {
        await connection?.close()
        connection = nil
    }
}
