/// Where and how to connect to Materialize, resolved from `--url`, `MZPLAN_URL` and the libpq variables.
///
/// The password is kept here and handed to PostgresNIO only: ``description`` and every error built
/// from a configuration leave it out.
package struct ConnectionConfiguration: Sendable, Equatable, CustomStringConvertible {
    /// Materialize's pgwire port.
    package static let defaultPort = 6875
    /// The database every Materialize environment has.
    package static let defaultDatabase = "materialize"
    /// The `application_name` the session reports (visible in `mz_sessions`).
    package static let applicationName = "mzplan"

    package var host: String
    package var port: Int
    package var user: String
    package var password: String?
    package var database: String
    package var sslMode: SSLMode
    /// With `verify-full`, a PEM file of trusted roots used instead of the system's (libpq's `sslrootcert`).
    package var sslRootCert: String?
    /// How long establishing the session (TCP, TLS, authentication) may take.
    package var connectTimeout: Duration
    /// How long one catalog query may take.
    package var queryTimeout: Duration

    package init(
        host: String,
        port: Int = Self.defaultPort,
        user: String,
        password: String? = nil,
        database: String = Self.defaultDatabase,
        sslMode: SSLMode? = nil,
        sslRootCert: String? = nil,
        connectTimeout: Duration = .seconds(10),
        queryTimeout: Duration = .seconds(60)
    ) {
        self.host = host
        self.port = port
        self.user = user
        self.password = password
        self.database = database
        self.sslMode = sslMode ?? Self.defaultSSLMode(host: host)
        self.sslRootCert = sslRootCert
        self.connectTimeout = connectTimeout
        self.queryTimeout = queryTimeout
    }

    /// `disable` on loopback hosts, where self-managed Materialize usually runs without TLS; `require` elsewhere.
    package static func defaultSSLMode(host: String) -> SSLMode {
        isLoopback(host) ? .disable : .require
    }

    static func isLoopback(_ host: String) -> Bool {
        let lowered = host.lowercased()
        return lowered == "localhost" || lowered == "::1" || lowered == "[::1]" || lowered.hasPrefix("127.")
    }

    /// `user@host:port/database (sslmode=…)`, never with the password.
    package var description: String {
        "\(user)@\(host):\(port)/\(database) (sslmode=\(sslMode.rawValue))"
    }

    /// `host:port`, for messages about the network.
    package var endpoint: String { "\(host):\(port)" }
}
