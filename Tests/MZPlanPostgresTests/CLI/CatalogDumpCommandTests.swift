import Foundation
import MZPlanTestSupport
import Testing

/// `mzplan catalog dump` and `mzplan diff --url` end to end against the fixture server: the built
/// binary's stdout, stderr and exit code.
@Suite(.enabled(if: TestServer.enabled, TestServer.skipReason), .timeLimit(.minutes(2)))
struct CatalogDumpCommandTests {
    let root = repositoryRoot()
    let environment = ["SOURCE_DATE_EPOCH": "1764115200"]

    func run(_ arguments: [String], environment extra: [String: String] = [:]) throws -> CommandResult {
        try runMzplan(arguments, environment: environment.merging(extra) { _, new in new }, currentDirectory: root)
    }

    @Test("catalog dump writes the fixture's snapshot to stdout, and the same bytes with -o")
    func dump() throws {
        let url = try TestServer.url(user: TestServer.passwordRole, password: TestServer.password)
        let result = try run(["catalog", "dump", "--url", url])
        #expect(result.exitCode == 0, "stderr: \(result.stderr)")
        #expect(result.stderr.isEmpty)
        assertSnapshot(result.stdout, named: "shop", pathExtension: "json")

        let path = FileManager.default.temporaryDirectory.appendingPathComponent("mzplan-dump-\(UUID().uuidString).json").path
        defer { try? FileManager.default.removeItem(atPath: path) }
        let saved = try run(["catalog", "dump", "--url", url, "-o", path])
        #expect(saved.exitCode == 0)
        #expect(saved.stdout.isEmpty)
        #expect(try String(contentsOfFile: path, encoding: .utf8) == result.stdout)
        #expect(!result.stdout.contains(TestServer.password))
    }

    @Test("the connection comes from MZPLAN_URL, or from the PG* variables")
    func environmentConnection() throws {
        let url = try TestServer.url()
        let fromURL = try run(["catalog", "dump"], environment: ["MZPLAN_URL": url])
        #expect(fromURL.exitCode == 0, "stderr: \(fromURL.stderr)")
        let components = try TestServer.components()
        let fromLibpq = try run(["catalog", "dump"], environment: [
            "PGHOST": components.host ?? "", "PGPORT": "\(components.port ?? 0)", "PGUSER": TestServer.passwordRole,
            "PGPASSWORD": TestServer.password, "PGDATABASE": "materialize",
        ])
        #expect(fromLibpq.exitCode == 0, "stderr: \(fromLibpq.stderr)")
        #expect(fromLibpq.stdout == fromURL.stdout)
    }

    @Test("diff --url plans exactly as diff --catalog on the dumped snapshot", arguments: ["json", "text", "sql"])
    func diffMatchesDump(format: String) throws {
        let url = try TestServer.url()
        let path = FileManager.default.temporaryDirectory.appendingPathComponent("mzplan-dump-\(UUID().uuidString).json").path
        defer { try? FileManager.default.removeItem(atPath: path) }
        #expect(try run(["catalog", "dump", "--url", url, "-o", path]).exitCode == 0)
        let live = try run(["diff", "-f", "examples/shop/mzplan.yaml", "--url", url, "--format", format])
        let saved = try run(["diff", "-f", "examples/shop/mzplan.yaml", "--catalog", path, "--format", format])
        #expect(live.exitCode == saved.exitCode)
        #expect(live.stdout == saved.stdout)
        #expect(live.stderr == saved.stderr)
        #expect(!live.stdout.isEmpty)
        let fromEnvironment = try run(["diff", "-f", "examples/shop/mzplan.yaml", "--format", format], environment: ["MZPLAN_URL": url])
        #expect(fromEnvironment.stdout == saved.stdout)
    }

    @Test("diff --url on v26.41 prices the plan and blocks a move that overfills serving, with the live memory figures")
    func capacityLive() throws {
        let manifest = FileManager.default.temporaryDirectory.appendingPathComponent("mzplan-crowd-\(UUID().uuidString).yaml").path
        defer { try? FileManager.default.removeItem(atPath: manifest) }
        try "version: 1\nclusters:\n  serving:\n    objects: [customer_ltv, orders_enriched]\n".write(toFile: manifest, atomically: true, encoding: .utf8)
        let result = try run(["diff", "-f", manifest, "--url", try TestServer.url(database: "mz_new")])
        #expect(result.exitCode == 3, "\(result.stdout)\(result.stderr)")
        #expect(result.stdout.contains("! capacity (error): cluster 'serving' would hold about 12.2 GiB while the moves hydrate (10.1 GiB moving in ('materialize.public.orders_enriched' 4.5 GiB, 'materialize.public.order_lines' arranged by 'materialize.public.orders_enriched' 3.2 GiB"), "\(result.stdout)")
        #expect(result.stdout.contains("give 'serving' `size: 200cc` in the manifest"))
        #expect(result.stdout.contains("Cost: this plan keeps your bill at 6.25 credits/h"))
    }

    @Test("init --url writes what init --catalog writes from the dump; diff --url on it reports no changes; explain --url works")
    func initAndExplainLive() throws {
        let url = try TestServer.url()
        let snapshot = FileManager.default.temporaryDirectory.appendingPathComponent("mzplan-dump-\(UUID().uuidString).json").path
        let manifest = FileManager.default.temporaryDirectory.appendingPathComponent("mzplan-init-\(UUID().uuidString).yaml").path
        defer {
            try? FileManager.default.removeItem(atPath: snapshot)
            try? FileManager.default.removeItem(atPath: manifest)
        }
        #expect(try run(["catalog", "dump", "--url", url, "-o", snapshot]).exitCode == 0)
        let live = try run(["init", "--url", url, "-o", manifest])
        #expect(live.exitCode == 0, "stderr: \(live.stderr)")
        let offline = try run(["init", "--catalog", snapshot])
        #expect(try String(contentsOfFile: manifest, encoding: .utf8) == offline.stdout)
        let diff = try run(["diff", "-f", manifest, "--url", url, "--detailed-exitcode"])
        #expect(diff.exitCode == 0, "\(diff.stdout)\(diff.stderr)")
        let explained = try run(["explain", "-f", "examples/shop/mzplan.yaml", "--url", url, "customer_ltv"])
        #expect(explained.exitCode == 0, "\(explained.stderr)")
        #expect(explained.stdout.contains("moves from 'compute' to 'serving'"))
    }

    @Test("--catalog and --url together, or neither, is a usage error")
    func exactlyOneSource() throws {
        let both = try run(["diff", "-f", "examples/shop/mzplan.yaml", "--catalog", "examples/shop/catalog.json", "--url", "postgres://x@localhost"])
        #expect(both.exitCode == 64)
        let neither = try run(["diff", "-f", "examples/shop/mzplan.yaml"])
        #expect(neither.exitCode == 64)
        let fileWins = try run(["diff", "-f", "examples/shop/mzplan.yaml", "--catalog", "examples/shop/catalog.json"],
                               environment: ["MZPLAN_URL": "postgres://nobody@127.0.0.1:1/materialize"])
        #expect(fileWins.exitCode == 3, "stderr: \(fileWins.stderr)")
    }

    /// A failing invocation: the URL, extra environment, and a fragment of the one error line.
    struct Failure: CustomTestStringConvertible, Sendable {
        var name: String
        var url: @Sendable () throws -> String
        var environment: [String: String] = [:]
        var expected: String
        var testDescription: String { name }
    }

    static let failures: [Failure] = [
        Failure(name: "wrong password", url: {
            try TestServer.url(user: TestServer.passwordRole, password: TestServer.wrongPassword)
        }, expected: "password authentication failed for role 'mzplan_password'"),
        Failure(name: "wrong password from PGPASSWORD", url: {
            try TestServer.url(user: TestServer.passwordRole)
        }, environment: ["PGPASSWORD": TestServer.wrongPassword], expected: "password authentication failed"),
        Failure(name: "connection refused", url: {
            "postgres://\(TestServer.passwordRole):\(TestServer.password)@127.0.0.1:\(try SilentListener.closedPort())/materialize"
        }, expected: "connection refused"),
        Failure(name: "TLS required but not offered", url: {
            try TestServer.url(user: TestServer.passwordRole, password: TestServer.password, query: "sslmode=require")
        }, expected: "does not offer TLS but sslmode=require requires it"),
        Failure(name: "unknown database", url: {
            try TestServer.url(database: "nosuchdb", user: TestServer.passwordRole, password: TestServer.password)
        }, expected: "database 'nosuchdb' does not exist"),
        Failure(name: "no privileges on the catalog", url: {
            try TestServer.url(user: TestServer.unprivilegedRole, password: TestServer.password)
        }, expected: "role 'mzplan_noprivs' has no privileges on the catalog"),
        Failure(name: "not a Materialize server", url: {
            try TestServer.url(database: "postgres", user: TestServer.passwordRole, password: TestServer.password)
        }, expected: "not a Materialize server"),
    ]

    @Test("each error is one line on stderr, exit 1, and the password appears nowhere", arguments: failures)
    func failure(_ failure: Failure) throws {
        for level in ["warning", "trace"] {
            let result = try run(["catalog", "dump", "--url", failure.url()], environment: failure.environment.merging(["MZPLAN_LOG_LEVEL": level]) { a, _ in a })
            #expect(result.exitCode == 1)
            #expect(result.stdout.isEmpty)
            let errorLines = result.stderr.split(separator: "\n").filter { $0.hasPrefix("error: ") }
            #expect(errorLines.count == 1, "stderr: \(result.stderr)")
            #expect(errorLines.first?.contains(failure.expected) == true, "stderr: \(result.stderr)")
            if level == "warning" {
                #expect(result.stderr.split(separator: "\n").count == 1, "stderr: \(result.stderr)")
            }
            for secret in [TestServer.password, TestServer.wrongPassword] {
                #expect(!result.stdout.contains(secret) && !result.stderr.contains(secret), "\(failure.name) leaked a password")
            }
        }
        let diff = try run(["diff", "-f", "examples/shop/mzplan.yaml", "--url", failure.url()], environment: failure.environment)
        #expect(diff.exitCode == 1)
        #expect(diff.stderr.contains(failure.expected))
        #expect(!diff.stderr.contains(TestServer.password) && !diff.stderr.contains(TestServer.wrongPassword))
    }

    @Test("a server that never answers times out after connect_timeout")
    func timeout() throws {
        let listener = try SilentListener()
        let url = "postgres://\(TestServer.passwordRole):\(TestServer.password)@127.0.0.1:\(listener.port)/materialize?connect_timeout=1"
        let started = ContinuousClock.now
        let result = try run(["catalog", "dump", "--url", url])
        #expect(ContinuousClock.now - started < .seconds(15))
        #expect(result.exitCode == 1)
        #expect(result.stderr == "error: timed out after 1s connecting (127.0.0.1:\(listener.port))\n")
        #expect(!result.stderr.contains(TestServer.password))
        withExtendedLifetime(listener) {}
    }
}
