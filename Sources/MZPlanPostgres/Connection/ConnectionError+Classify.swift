import Foundation
import PostgresNIO

extension ConnectionError {
    /// Turns whatever connecting or querying threw into one clear line, reading `PSQLError`'s fields
    /// (its description is deliberately generic) and never including the password.
    static func classify(_ error: any Error, configuration: ConnectionConfiguration, during activity: String) -> ConnectionError {
        let classified = unredacted(error, configuration: configuration, during: activity)
        guard let password = configuration.password, !password.isEmpty else { return classified }
        var redacted = classified
        redacted.message = classified.message.replacingOccurrences(of: password, with: "***")
        return redacted
    }

    private static func unredacted(_ error: any Error, configuration: ConnectionConfiguration, during activity: String) -> ConnectionError {
        let endpoint = configuration.endpoint
        switch error {
        case let error as ConnectionError:
            return error
        case is DeadlineExceeded:
            let limit = activity == "connecting" ? configuration.connectTimeout : configuration.queryTimeout
            return ConnectionError(.timeout, "timed out after \(limit.secondsText) \(activity) (\(endpoint))")
        case let error as PSQLError:
            return classify(error, configuration: configuration, during: activity)
        default:
            return ConnectionError(.server, "\(activity) failed (\(endpoint)): \(type(of: error))")
        }
    }

    private static func classify(_ error: PSQLError, configuration: ConnectionConfiguration, during activity: String) -> ConnectionError {
        let endpoint = configuration.endpoint
        let user = configuration.user
        switch error.code {
        case .server:
            let sqlState = error.serverInfo?[.sqlState]
            let message = error.serverInfo?[.message] ?? "no message"
            switch sqlState {
            case "28P01":
                return ConnectionError(
                    .authentication,
                    "password authentication failed for role '\(user)' at \(endpoint): check the password (on Materialize Cloud, an app password)",
                    sqlState: sqlState)
            case "28000":
                return ConnectionError(.authentication, "the server refused role '\(user)' at \(endpoint): \(message)", sqlState: sqlState)
            case "3D000":
                return ConnectionError(
                    .unknownDatabase,
                    "database '\(configuration.database)' does not exist at \(endpoint) (Materialize's default is 'materialize')",
                    sqlState: sqlState)
            case "42501":
                return ConnectionError(
                    .permissionDenied,
                    "role '\(user)' has no privileges on the catalog: \(message); grant it USAGE on the catalog schemas or connect as another role",
                    sqlState: sqlState)
            case "57014":
                return ConnectionError(.timeout, "the server cancelled a statement \(activity) (\(endpoint)): \(message)", sqlState: sqlState)
            default:
                return ConnectionError(.server, "\(activity) failed (\(endpoint)): \(message) (SQLSTATE \(sqlState ?? "unknown"))", sqlState: sqlState)
            }
        case .sslUnsupported:
            return ConnectionError(
                .tlsNotOffered,
                "the server at \(endpoint) does not offer TLS but sslmode=\(configuration.sslMode.rawValue) requires it; use sslmode=disable only for a server without TLS on a trusted network")
        case .authMechanismRequiresPassword:
            return ConnectionError(
                .authentication,
                "the server wants a password for role '\(user)' at \(endpoint): put it in the URL or set PGPASSWORD")
        case .unsupportedAuthMechanism, .saslError:
            return ConnectionError(.authentication, "authentication of role '\(user)' at \(endpoint) failed (unsupported mechanism or SASL error)")
        case .serverClosedConnection, .clientClosedConnection, .uncleanShutdown:
            return ConnectionError(.connectionLost, "the connection to \(endpoint) was closed \(activity)")
        case .connectionError, .failedToAddSSLHandler:
            let underlying = error.underlying.map { String(describing: $0) } ?? ""
            if underlying.contains("NIOSSL") || underlying.contains("SSL") || underlying.contains("handshake") {
                return ConnectionError(
                    .tls,
                    "the TLS handshake with \(endpoint) failed (sslmode=\(configuration.sslMode.rawValue)); with verify-full the certificate must match the host and a trusted root")
            }
            if underlying.contains("refused") {
                return ConnectionError(.refused, "cannot connect to \(endpoint): connection refused (is Materialize running there, and is the port right?)")
            }
            if underlying.lowercased().contains("timed out") || underlying.lowercased().contains("timeout") {
                // NIO's own connect timeout and mzplan's deadline race; both read the same.
                return ConnectionError(.timeout, "timed out after \(configuration.connectTimeout.secondsText) connecting (\(endpoint))")
            }
            return ConnectionError(.refused, "cannot connect to \(endpoint): \(shortReason(underlying))")
        default:
            return ConnectionError(.server, "\(activity) failed (\(endpoint)): \(String(describing: error.code))")
        }
    }

    /// The last `error: …` part of a NIO connection error, which is the human part.
    private static func shortReason(_ text: String) -> String {
        guard !text.isEmpty else { return "connection failed" }
        if let range = text.range(of: "error: ", options: .backwards) {
            return String(text[range.upperBound...].prefix { $0 != ")" })
        }
        return String(text.prefix(200))
    }
}

extension Duration {
    /// `10s` or `1.5s`.
    var secondsText: String {
        return milliseconds % 1000 == 0 ? "\(milliseconds / 1000)s" : "\(Double(milliseconds) / 1000)s"
    }
}
