package import Logging
package import PostgresNIO

/// Runs one catalog query and returns all its rows. The live connection implements it; tests wrap
/// it to count queries.
package protocol CatalogQuerying: Sendable {
    /// The `mz_version` the server announced at startup; nil for a server that is not Materialize.
    var announcedVersion: String? { get }
    /// Runs `query`; failures are ``ConnectionError``s with the server's SQLSTATE when it sent one.
    func rows(_ query: PostgresQuery) async throws(ConnectionError) -> [PostgresRow]
}

/// One session with Materialize over pgwire, with the connect and query timeouts of its
/// ``ConnectionConfiguration`` and errors turned into ``ConnectionError``s.
package final class MaterializeConnection: CatalogQuerying {
    package let configuration: ConnectionConfiguration
    package let announcedVersion: String?
    let connection: PostgresConnection
    let logger: Logger
    /// The session's cancel key, from its startup.
    let cancelRequest: CancelRequest?

    private init(configuration: ConnectionConfiguration, announcedVersion: String?, connection: PostgresConnection, logger: Logger, cancelRequest: CancelRequest?) {
        self.configuration = configuration
        self.announcedVersion = announcedVersion
        self.connection = connection
        self.logger = logger
        self.cancelRequest = cancelRequest
    }

    deinit {
        // A session dropped without close() (a task that threw) must not leak its socket.
        if !connection.isClosed {
            connection.close().whenComplete { _ in }
        }
    }

    /// Opens a session: TCP, TLS as `sslmode` says, authentication, `application_name=mzplan`.
    package static func connect(_ configuration: ConnectionConfiguration, logger: Logger) async throws(ConnectionError) -> MaterializeConnection {
        let capture = StartupParameterCapture()
        let postgresConfiguration = try configuration.postgresConfiguration()
        let captureLogger = capture.wrapping(logger)
        do {
            let connection = try await withDeadline(configuration.connectTimeout) {
                try await PostgresConnection.connect(configuration: postgresConfiguration, id: 1, logger: captureLogger)
            }
            capture.stopCapturing()
            logger.debug("connected", metadata: ["mzplan.endpoint": "\(configuration.endpoint)", "mzplan.mz_version": "\(capture.mzVersion ?? "none")"])
            return MaterializeConnection(configuration: configuration, announcedVersion: capture.mzVersion, connection: connection, logger: logger, cancelRequest: capture.cancelRequest)
        } catch {
            capture.stopCapturing()
            throw ConnectionError.classify(error, configuration: configuration, during: "connecting")
        }
    }

    package func rows(_ query: PostgresQuery) async throws(ConnectionError) -> [PostgresRow] {
        do {
            return try await perform(query, timeout: configuration.queryTimeout)
        } catch {
            throw ConnectionError.classify(error, configuration: configuration, during: "reading the catalog")
        }
    }

    /// Runs `query` and collects its rows, within `timeout` when given. When the deadline passes,
    /// the statement is cancelled (a CancelRequest on plain connections, see ``cancel()``) and the
    /// session closed; cancelling the task closes it too. Errors are raw: `PSQLError`,
    /// ``DeadlineExceeded`` or `CancellationError`.
    func perform(_ query: PostgresQuery, timeout: Duration?) async throws -> [PostgresRow] {
        let connection = connection
        let logger = logger
        let cancel = { @Sendable [configuration, cancelRequest] in
            if configuration.sslMode == .disable, let cancelRequest {
                _ = await cancelRequest.send(host: configuration.host, port: configuration.port)
            }
        }
        let operation: @Sendable () async throws -> [PostgresRow] = {
            var rows: [PostgresRow] = []
            for try await row in try await connection.query(query, logger: logger) {
                rows.append(row)
            }
            return rows
        }
        return try await withTaskCancellationHandler {
            do {
                guard let timeout else { return try await operation() }
                return try await withDeadline(timeout, onTimeout: { await cancel(); try? await connection.close() }, operation)
            } catch where Task.isCancelled {
                throw CancellationError()
            }
        } onCancel: {
            connection.close().whenComplete { _ in }
        }
    }

    /// Whether the session is gone (closed by either side).
    package var isClosed: Bool { connection.isClosed }

    /// Closes the session; closing twice is harmless.
    package func close() async {
        try? await connection.close()
    }
}

extension ConnectionConfiguration {
    /// PostgresNIO's configuration: `require` encrypts without verifying (libpq's meaning), `verify-full`
    /// verifies the chain (against `sslrootcert` when given, else the system's roots) and the host name.
    func postgresConfiguration() throws(ConnectionError) -> PostgresConnection.Configuration {
        let tls: PostgresConnection.Configuration.TLS
        do {
            switch sslMode {
            case .disable:
                tls = .disable
            case .require:
                var tlsConfiguration = TLSConfiguration.makeClientConfiguration()
                tlsConfiguration.certificateVerification = .none
                tls = .require(try NIOSSLContext(configuration: tlsConfiguration))
            case .verifyFull:
                var tlsConfiguration = TLSConfiguration.makeClientConfiguration()
                if let sslRootCert {
                    tlsConfiguration.trustRoots = .file(sslRootCert)
                }
                tls = .require(try NIOSSLContext(configuration: tlsConfiguration))
            }
        } catch {
            let root = sslRootCert.map { " (is sslrootcert '\($0)' a readable PEM file?)" } ?? ""
            throw ConnectionError(.tls, "cannot set up TLS for \(endpoint)\(root)")
        }
        var configuration = PostgresConnection.Configuration(
            host: host, port: port, username: user, password: password, database: database, tls: tls)
        configuration.options.connectTimeout = .milliseconds(connectTimeout.milliseconds)
        configuration.options.additionalStartupParameters = [("application_name", Self.applicationName)]
        return configuration
    }
}
