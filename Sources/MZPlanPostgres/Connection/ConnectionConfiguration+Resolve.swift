import Foundation

extension ConnectionConfiguration {
    /// Resolves the connection the way SPEC §2 orders it: `url` (from `--url`), else `MZPLAN_URL`,
    /// else the libpq variables. As with libpq, a part the URL leaves out (user, password, port,
    /// database, sslmode) is taken from `PGUSER PGPASSWORD PGPORT PGDATABASE PGSSLMODE`, then from
    /// the defaults (port 6875, database `materialize`, sslmode `require`, or `disable` on loopback).
    /// `connect_timeout` (seconds) may be a URL parameter or `PGCONNECT_TIMEOUT`, and `sslrootcert`
    /// (trusted roots for `verify-full`) a URL parameter or `PGSSLROOTCERT`.
    package static func resolve(url: String?, environment: [String: String]) throws(ConnectionError) -> ConnectionConfiguration {
        let env = environment.filter { !$0.value.isEmpty }
        var parts = URLParts()
        if let text = url ?? env["MZPLAN_URL"] {
            parts = try URLParts(parsing: text)
        }

        let host = parts.host ?? env["PGHOST"] ?? "localhost"
        guard let user = parts.user ?? env["PGUSER"] ?? env["USER"] else {
            throw ConnectionError(.invalidConfiguration, "no user to connect as: put it in the URL (postgres://USER@HOST/…) or set PGUSER")
        }
        var port = defaultPort
        if let explicit = parts.port {
            port = explicit
        } else if let text = env["PGPORT"] {
            guard let parsed = Int(text), (1...65535).contains(parsed) else {
                throw ConnectionError(.invalidConfiguration, "PGPORT '\(text)' is not a port number")
            }
            port = parsed
        }
        var sslMode: SSLMode?
        if let text = parts.parameters["sslmode"] ?? env["PGSSLMODE"] {
            sslMode = try parseSSLMode(text)
        }
        var configuration = ConnectionConfiguration(
            host: host,
            port: port,
            user: user,
            password: parts.password ?? env["PGPASSWORD"],
            database: parts.database ?? env["PGDATABASE"] ?? defaultDatabase,
            sslMode: sslMode,
            sslRootCert: parts.parameters["sslrootcert"] ?? env["PGSSLROOTCERT"]
        )
        if let timeout = parts.parameters["connect_timeout"] ?? env["PGCONNECT_TIMEOUT"] {
            guard let seconds = Int(timeout), seconds > 0 else {
                throw ConnectionError(.invalidConfiguration, "connect_timeout '\(timeout)' is not a positive number of seconds")
            }
            configuration.connectTimeout = .seconds(seconds)
        }
        return configuration
    }

    static func parseSSLMode(_ text: String) throws(ConnectionError) -> SSLMode {
        guard let mode = SSLMode(rawValue: text) else {
            throw ConnectionError(
                .invalidConfiguration,
                "unsupported sslmode '\(text)': use disable, require or verify-full"
            )
        }
        return mode
    }
}

/// The parts of `postgres://USER[:PASSWORD]@HOST[:PORT]/DB?param=value`, percent-decoded.
struct URLParts {
    /// The parameters mzplan understands; libpq's `application_name` is accepted and ignored (mzplan sets its own).
    static let knownParameters: Set<String> = ["sslmode", "sslrootcert", "connect_timeout", "application_name"]

    var user: String?
    var password: String?
    var host: String?
    var port: Int?
    var database: String?
    var parameters: [String: String] = [:]

    init() {}

    /// Parses a connection URL. Errors never repeat the URL, which may hold a password.
    init(parsing text: String) throws(ConnectionError) {
        let usage = "expected postgres://USER[:PASSWORD]@HOST[:PORT]/DATABASE[?sslmode=disable|require|verify-full]"
        guard let components = URLComponents(string: text),
              let scheme = components.scheme?.lowercased(), scheme == "postgres" || scheme == "postgresql"
        else {
            throw ConnectionError(.invalidConfiguration, "invalid connection URL: \(usage)")
        }
        user = components.user.flatMap { $0.isEmpty ? nil : $0 }
        password = components.password
        host = components.host.flatMap { $0.isEmpty ? nil : $0 }.map { host in
            host.hasPrefix("[") && host.hasSuffix("]") ? String(host.dropFirst().dropLast()) : host
        }
        if let port = components.port {
            guard (1...65535).contains(port) else {
                throw ConnectionError(.invalidConfiguration, "invalid connection URL: port \(port) is out of range")
            }
            self.port = port
        }
        let path = components.path.drop { $0 == "/" }
        database = path.isEmpty ? nil : String(path)
        for item in components.queryItems ?? [] {
            guard Self.knownParameters.contains(item.name) else {
                throw ConnectionError(
                    .invalidConfiguration,
                    "invalid connection URL: unknown parameter '\(item.name)' (known: connect_timeout, sslmode, sslrootcert)"
                )
            }
            parameters[item.name] = item.value ?? ""
        }
    }
}
