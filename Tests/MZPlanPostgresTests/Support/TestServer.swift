import Foundation
import Testing
@testable import MZPlanPostgres

/// The PostgreSQL server `scripts/test` starts with the catalog fixtures, found through
/// `MZPLAN_TEST_URL` (`postgres://SUPERUSER@127.0.0.1:PORT/materialize`).
///
/// Live suites are enabled when the variable is set, and always under `CI=true`: there a missing
/// server makes every live test fail (``url()`` throws) instead of skipping.
enum TestServer {
    static let environment = ProcessInfo.processInfo.environment
    static let isCI = environment["CI"] == "true"
    static let enabled = environment["MZPLAN_TEST_URL"] != nil || isCI
    static let skipReason: Comment = "MZPLAN_TEST_URL is not set: run scripts/test, which starts a PostgreSQL server with the catalog fixtures"
    /// The second server, with TLS: enabled like the first, through `MZPLAN_TEST_TLS_URL`.
    static let tlsEnabled = environment["MZPLAN_TEST_TLS_URL"] != nil || isCI
    static let tlsSkipReason: Comment = "MZPLAN_TEST_TLS_URL is not set: run scripts/test, which starts a PostgreSQL server with TLS"

    /// The role with password authentication (scram-sha-256), and its password (roles.sql).
    static let passwordRole = "mzplan_password"
    static let password = "fixture-Pa55word-c0rrect"
    /// A wrong password that must never appear in any output either.
    static let wrongPassword = "Wr0ng-fixture-Pa55word"
    /// A role without USAGE on the catalog schemas.
    static let unprivilegedRole = "mzplan_noprivs"

    struct Missing: Error, CustomStringConvertible {
        var variable: String
        var description: String { "\(variable) is not set (CI=true): scripts/test must start the PostgreSQL servers" }
    }

    /// The superuser URL of the shop database; with `tls`, on the server with TLS.
    static func components(tls: Bool = false) throws -> URLComponents {
        let variable = tls ? "MZPLAN_TEST_TLS_URL" : "MZPLAN_TEST_URL"
        guard let text = environment[variable], let components = URLComponents(string: text) else { throw Missing(variable: variable) }
        return components
    }

    /// The PEM certificate the TLS server presents (self-signed for localhost and 127.0.0.1).
    static func tlsRootCertificate() throws -> String {
        guard let path = environment["MZPLAN_TEST_TLS_ROOT_CERT"] else { throw Missing(variable: "MZPLAN_TEST_TLS_ROOT_CERT") }
        return path
    }

    /// A URL to `database` as `user` (with `password`), with `query` appended; with `tls`, on the server with TLS.
    static func url(
        tls: Bool = false, database: String = "materialize", user: String? = nil, password: String? = nil, query: String? = nil
    ) throws -> String {
        var components = try components(tls: tls)
        components.path = "/" + database
        if let user { components.user = user }
        components.password = password
        components.query = query
        return components.string ?? ""
    }

    static func configuration(database: String = "materialize", user: String? = nil, password: String? = nil) throws -> ConnectionConfiguration {
        try ConnectionConfiguration.resolve(url: url(database: database, user: user, password: password), environment: [:])
    }
}
