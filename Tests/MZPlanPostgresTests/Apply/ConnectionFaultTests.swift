import Foundation
import MZPlanCore
@testable import MZPlanPostgres
import MZPlanTestSupport
import PostgresNIO
import Testing

extension LiveApplyTests {
    /// SPEC §10.4, live: `mzplan apply --url` through a loopback proxy that cuts the connection at
    /// chosen points. The stand-in rejects the plan's Materialize DDL, so every run ends with
    /// step 1 failed (exit 1) — the same end as without a cut: the apply reconnected and went on,
    /// wrote each journal row once, and released the lock.
    @Suite struct ConnectionFaults {
        let root = repositoryRoot()
        let shop = ["-f", "examples/shop/mzplan.yaml", "--allow", "source-recreate", "--allow", "cascade-drop", "--auto-approve", "--progress", "ndjson"]

        /// A cut: what the client sends when the connection is cut, and whether the server saw it.
        struct Cut: CustomTestStringConvertible, Sendable {
            var label: String
            var text: String
            var moment: FaultProxy.Moment

            var testDescription: String { label }
        }

        static let cuts = [
            Cut(label: "taking the lock, before the server sees it", text: #"CREATE SCHEMA "_mzplan_lock""#, moment: .beforeForwarding),
            Cut(label: "taking the lock, after the server ran it (reply lost)", text: #"CREATE SCHEMA "_mzplan_lock""#, moment: .afterForwarding),
            Cut(label: "writing the lock's holder", text: #"COMMENT ON SCHEMA "_mzplan_lock""#, moment: .afterForwarding),
            Cut(label: "writing a journal row, before the server sees it", text: #"INSERT INTO "_mzplan"."journal""#, moment: .beforeForwarding),
            Cut(label: "writing a journal row, after the server ran it (reply lost)", text: #"INSERT INTO "_mzplan"."journal""#, moment: .afterForwarding),
            Cut(label: "reading the catalog", text: "mz_cluster_replicas", moment: .beforeForwarding),
            Cut(label: "mid-statement: a plan statement sent, its reply lost", text: #"CREATE CLUSTER "ingest_kafka""#, moment: .afterForwarding),
            Cut(label: "releasing the lock, after the server ran it", text: #"DROP SCHEMA IF EXISTS "_mzplan_lock""#, moment: .afterForwarding),
        ]

        func journalRows() async throws -> (planned: Int, duplicates: Int) {
            let connection = try await MaterializeConnection.connect(TestServer.configuration(), logger: LiveApplyTests.logger)
            defer { Task { await connection.close() } }
            let exists = try await connection.rows(#"SELECT 1 FROM pg_tables WHERE schemaname = '_mzplan' AND tablename = 'journal'"#)
            guard !exists.isEmpty else { return (0, 0) }
            let planned = try await connection.rows(#"SELECT count(*)::int8 FROM "_mzplan"."journal" WHERE status = 'planned'"#)
            let duplicates = try await connection.rows(#"SELECT count(*)::int8 FROM (SELECT seq FROM "_mzplan"."journal" GROUP BY seq HAVING count(*) > 1) AS d"#)
            return (Int(try planned.first?.decode(Int64.self) ?? 0), Int(try duplicates.first?.decode(Int64.self) ?? 0))
        }

        func proxiedURL(_ proxy: FaultProxy) throws -> String {
            var components = try TestServer.components()
            components.port = proxy.port
            components.query = "sslmode=disable"
            return components.string ?? ""
        }

        @Test("a connection cut at each point: the apply reconnects and goes on to the same end, each journal row once, the lock released", arguments: cuts)
        func cutConnection(_ cut: Cut) async throws {
            let upstream = try #require(try TestServer.components().port)
            let proxy = try FaultProxy(upstreamPort: upstream)
            defer { proxy.close() }
            proxy.cut(whenClientSends: cut.text, cut.moment)
            let before = try await journalRows()
            let result = try runMzplan(["apply"] + shop + ["--url", try proxiedURL(proxy)], environment: ["SOURCE_DATE_EPOCH": "1764115200"], currentDirectory: root)
            #expect(proxy.cuts == 1, "\(cut.label): the cut never happened")
            #expect(result.exitCode == 1, "\(cut.label): \(result.stderr)")
            #expect(result.stdout.contains("\"outcome\":\"failed\""), "\(cut.label): \(result.stdout.suffix(500))")
            #expect(result.stdout.contains("step 1 failed"), "\(cut.label): \(result.stdout.suffix(500))")
            let after = try await journalRows()
            #expect(after.planned == before.planned + 1, "\(cut.label): the apply did not get as far as its plan row")
            #expect(after.duplicates == 0, "\(cut.label): a journal row was written twice")
            let lock = try await LiveApplyTests().withTarget { target in try await target.lockState() }
            #expect(lock == nil, "\(cut.label): the lock is still held after the process exited")
        }

        @Test("a readiness poll cut mid-query fails as a lost connection; the next poll reconnects and reads the same")
        func cutReadinessPoll() async throws {
            let upstream = try #require(try TestServer.components().port)
            let proxy = try FaultProxy(upstreamPort: upstream)
            defer { proxy.close() }
            let configuration = try ConnectionConfiguration.resolve(url: try proxiedURL(proxy), environment: [:])
            let target = LiveApplyTarget(configuration: configuration, logger: LiveApplyTests.logger)
            let probes = [ReadinessProbe(object: QualifiedName(database: "materialize", schema: "public", name: "orders_enriched"), standsInFor: nil, cluster: "compute", condition: .ready)]
            let before = try await target.readiness(probes)
            proxy.cut(whenClientSends: "mz_hydration_statuses", .afterForwarding)
            await #expect {
                try await target.readiness(probes)
            } throws: { error in
                (error as? ApplyTargetError)?.kind == .connectionLost
            }
            #expect(proxy.cuts == 1)
            let after = try await target.readiness(probes)
            #expect(after.map(\.hydratedOnHealthyReplica) == before.map(\.hydratedOnHealthyReplica) && after.map(\.exists) == [true])
            await target.close()
        }

        /// Starts an apply that takes the lock, then stalls on its first journal row (the proxy
        /// holds the reply back) and is killed with SIGKILL there.
        func killedHoldingTheLock() async throws -> LockHolder {
            let upstream = try #require(try TestServer.components().port)
            let proxy = try FaultProxy(upstreamPort: upstream, settle: 6)
            defer { proxy.close() }
            proxy.cut(whenClientSends: #"INSERT INTO "_mzplan"."journal""#, .afterForwarding)
            let killed = try runMzplan(["apply"] + shop + ["--url", try proxiedURL(proxy)], environment: ["SOURCE_DATE_EPOCH": "1764115200"], currentDirectory: root, signals: [(2.5, SIGKILL)])
            #expect(killed.exitCode == 128 + SIGKILL, "\(killed.stdout.components(separatedBy: "\"message\"").last?.prefix(400) ?? "")")
            let lock = try await LiveApplyTests().withTarget { target in try await target.lockState() }
            return try #require(lock?.holder, "the killed apply did not hold the lock")
        }

        func resume() throws -> CommandResult {
            try runMzplan(["apply", "--resume", "--url", try TestServer.url(), "--progress", "ndjson"], environment: ["SOURCE_DATE_EPOCH": "1764115200"], currentDirectory: root)
        }

        @Test("an apply killed (SIGKILL) holding the lock: --resume on this host takes the lock over and goes on")
        func resumeTakesOverOnThisHost() async throws {
            let holder = try await killedHoldingTheLock()
            #expect(holder.host == ProcessInfo.processInfo.hostName)
            let resumed = try resume()
            #expect(resumed.exitCode == 1, "\(resumed.stderr)")
            #expect(resumed.stdout.contains("resuming:"), "\(resumed.stdout.suffix(500))")
            #expect(resumed.stdout.contains("step 1 failed"), "\(resumed.stdout.suffix(500))")
            #expect(try await LiveApplyTests().withTarget { target in try await target.lockState() } == nil)
        }

        @Test("the same, held in another host's name: --resume is refused (exit 5) until `mzplan unlock`")
        func resumeRefusedFromAnotherHost() async throws {
            var holder = try await killedHoldingTheLock()
            holder.host = "elsewhere.example"
            try await LiveApplyTests().withTarget { target in
                try await target.execute(#"COMMENT ON SCHEMA "_mzplan_lock" IS \#(SQLIdentifier.literal(LockComment.encode(holder)))"#, timeoutMs: nil)
            }
            let refused = try resume()
            #expect(refused.exitCode == 5, "\(refused.stderr)")
            #expect(refused.stdout.contains("elsewhere.example"), "\(refused.stdout.suffix(500))")
            let unlocked = try runMzplan(["unlock", "--url", try TestServer.url(), "--force"], currentDirectory: root)
            #expect(unlocked.exitCode == 0, "\(unlocked.stderr)")
            let resumed = try resume()
            #expect(resumed.exitCode == 1, "\(resumed.stderr)")
            #expect(resumed.stdout.contains("step 1 failed"), "\(resumed.stdout.suffix(500))")
            #expect(try await LiveApplyTests().withTarget { target in try await target.lockState() } == nil)
        }
    }
}
