package import Logging
import PostgresNIO

/// Runs the apply engine's statements against Materialize, one statement per message.
///
/// - Each statement is sent once: a failure surfaces as ``StatementError`` with the statement,
///   the SQLSTATE and the server's message. Retrying (40001, dropped connections) is the apply
///   engine's one decision (`RetryPolicy` in MZPlanCore), made the same way live and simulated.
/// - A connection found closed before a statement is sent is reopened. One that drops while a
///   statement runs fails that statement with ``StatementError/Kind/connectionLost`` (it may or
///   may not have run); the next statement reconnects.
/// - Cancelling the calling task (Ctrl-C) closes the connection, which stops the statement, and
///   throws `CancellationError`.
package actor StatementExecutor {
    package let configuration: ConnectionConfiguration
    let logger: Logger
    private var connection: MaterializeConnection?

    package init(configuration: ConnectionConfiguration, logger: Logger) {
        self.configuration = configuration
        self.logger = logger
    }

    /// Whether a session is open right now.
    package var isConnected: Bool { connection.map { !$0.isClosed } ?? false }

    /// Readiness of the objects with these catalog ids, in one query (``ReadinessQuery``).
    package func readiness(of ids: [String]) async throws -> [String: ObjectReadiness] {
        let session = try await session(for: "readiness query")
        return try await ReadinessQuery.run(ids, on: session)
    }

    /// Closes the session, if one is open.
    package func close() async {
        await connection?.close()
        connection = nil
    }

    /// Runs one statement. With `statementTimeout` it ends after that long: `statement_timeout`
    /// where the server applies it, else mzplan's own deadline five seconds later, which cancels
    /// the statement (a CancelRequest, then closing the session) and throws
    /// ``StatementError/Kind/timeout``. Materialize's `statement_timeout` does not bound
    /// `ALTER … APPLY REPLACEMENT`, which waits until the view catches up; a timed-out statement is
    /// never sent again.
    package func execute(_ sql: String, statementTimeout: Duration? = nil) async throws {
        let session = try await session(for: sql)
        if let statementTimeout {
            try await send("SET statement_timeout = \(max(1, statementTimeout.milliseconds))", on: session, reportingAs: sql, timeout: nil)
        }
        // mzplan's own deadline bounds what the server's timeout does not.
        let deadline = statementTimeout.map { $0 + .seconds(5) }
        do {
            try await send(sql, on: session, reportingAs: sql, timeout: deadline)
        } catch let error as StatementError where error.kind == .server && statementTimeout != nil {
            try await send("RESET statement_timeout", on: session, reportingAs: sql, timeout: nil)
            throw error
        }
        if statementTimeout != nil {
            try await send("RESET statement_timeout", on: session, reportingAs: sql, timeout: nil)
        }
    }

    /// Runs `statements` in one transaction on one session: `BEGIN`, each statement, `COMMIT`.
    /// A statement the server refuses rolls the transaction back (`ROLLBACK`) and throws its
    /// error; a lost connection throws, and the server rolls back what it had not committed.
    /// With `timeout`, a message that takes longer is cancelled (``StatementError/Kind/timeout``);
    /// the session is closed, which rolls back an uncommitted transaction.
    package func executeTransaction(_ statements: [String], timeout: Duration? = nil) async throws {
        let script = statements.joined(separator: "; ")
        let session = try await session(for: script)
        try await send("BEGIN", on: session, reportingAs: script, timeout: timeout)
        do {
            for statement in statements {
                try await send(statement, on: session, reportingAs: statement, timeout: timeout)
            }
            try await send("COMMIT", on: session, reportingAs: script, timeout: timeout)
        } catch let error as StatementError where error.kind == .server {
            try? await send("ROLLBACK", on: session, reportingAs: script, timeout: nil)
            throw error
        }
    }

    private func session(for statement: String) async throws -> MaterializeConnection {
        if let connection, !connection.isClosed {
            return connection
        }
        if connection != nil {
            logger.info("reconnecting after the connection closed", metadata: ["mzplan.endpoint": "\(configuration.endpoint)"])
            await connection?.close()
            connection = nil
        }
        do {
            let opened = try await MaterializeConnection.connect(configuration, logger: logger)
            connection = opened
            return opened
        } catch {
            throw StatementError(.connectFailed, statement: statement, sqlState: error.sqlState, message: error.message)
        }
    }

    /// Forgets a session that failed, closing it first (PostgresNIO requires every connection closed).
    private func drop(_ session: MaterializeConnection) async {
        await session.close()
        if connection === session {
            connection = nil
        }
    }

    /// Sends one statement as its own message (extended protocol, no binds: DDL takes none).
    private func send(_ text: String, on session: MaterializeConnection, reportingAs statement: String, timeout: Duration?) async throws {
        do {
            _ = try await session.perform(PostgresQuery(unsafeSQL: text), timeout: timeout)
        } catch let error as PSQLError where error.code == .server {
            throw StatementError(
                .server,
                statement: statement,
                sqlState: error.serverInfo?[.sqlState],
                message: error.serverInfo?[.message] ?? "no message")
        } catch is CancellationError {
            await drop(session)
            throw CancellationError()
        } catch is DeadlineExceeded {
            await drop(session)
            throw StatementError(.timeout, statement: statement, message: "did not finish within \(timeout?.secondsText ?? "the deadline"); cancelled")
        } catch {
            await drop(session)
            let reason = ConnectionError.classify(error, configuration: configuration, during: "while the statement ran").message
            throw StatementError(.connectionLost, statement: statement, message: "\(reason); it may or may not have taken effect")
        }
    }
}

extension Duration {
    /// Whole milliseconds, rounded down.
    var milliseconds: Int64 {
        components.seconds * 1000 + components.attoseconds / 1_000_000_000_000_000
    }
}
