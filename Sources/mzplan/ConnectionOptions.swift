import ArgumentParser
import Foundation
import MZPlanPostgres

/// `--url`, the one way every command names a live Materialize: the flag, else `MZPLAN_URL`, else
/// the libpq `PG*` variables (``ConnectionConfiguration/resolve(url:environment:)``).
struct ConnectionOptions: ParsableArguments {
    @Option(help: ArgumentHelp(
        "The live Materialize: postgres://USER[:PASSWORD]@HOST[:PORT]/DB?sslmode=disable|require|verify-full (default: MZPLAN_URL, then the PG* variables). Prefer PGPASSWORD for the password.",
        valueName: "url"
    ))
    var url: String?

    /// Whether a connection was named: `--url` or a non-empty `MZPLAN_URL`.
    var isGiven: Bool {
        url != nil || !(ProcessInfo.processInfo.environment["MZPLAN_URL"] ?? "").isEmpty
    }

    /// The connection the options name, filled in from the environment.
    func configuration(environment: [String: String] = ProcessInfo.processInfo.environment) throws(ConnectionError) -> ConnectionConfiguration {
        try ConnectionConfiguration.resolve(url: url, environment: environment)
    }
}
