import Logging

/// The apply's reading session (catalog, readiness, lock holder, journal), opened on first use and
/// reopened after it broke. Plan statements run on the ``StatementExecutor``'s own session, so
/// the catalog reader's Materialize session settings never reach them.
actor LiveSession {
    let configuration: ConnectionConfiguration
    let logger: Logger
    private var connection: MaterializeConnection?

    init(configuration: ConnectionConfiguration, logger: Logger) {
        self.configuration = configuration
        self.logger = logger
    }

    /// The open session, connecting first when there is none or it closed.
    func current() async throws(ConnectionError) -> MaterializeConnection {
        if let connection, !connection.isClosed { return connection }
        await close()
        let opened = try await MaterializeConnection.connect(configuration, logger: logger)
        connection = opened
        return opened
    }

    /// Closes the session, if one is open.
    func close() async {
        await connection?.close()
        connection = nil
    }
}
