import Foundation
import MZPlanCore
import MZPlanPostgres
import MZPlanTestSupport
import PostgresNIO
import Testing

extension LiveApplyTests {
    /// `mzplan apply --url` and `mzplan unlock` end to end against the fixture server: the built
    /// binary's stdout, stderr and exit code. PostgreSQL rejects the Materialize SQL the planner
    /// emits, which is how a failing statement is tested.
    @Suite struct Commands {
        let root = repositoryRoot()
        let shop = ["-f", "examples/shop/mzplan.yaml", "--allow", "source-recreate", "--allow", "cascade-drop"]

        func run(_ arguments: [String], stdin: String? = nil) throws -> CommandResult {
            try runMzplan(arguments, environment: ["SOURCE_DATE_EPOCH": "1764115200"], stdin: stdin, currentDirectory: root)
        }

        /// The lock as a fresh session sees it.
        func lockState() async throws -> LockState? {
            try await LiveApplyTests().withTarget { target in try await target.lockState() }
        }

        func temporary(_ name: String) -> String {
            FileManager.default.temporaryDirectory.appendingPathComponent("mzplan-\(name)-\(UUID().uuidString).json").path
        }

        /// User objects and user schemas, to prove an apply left nothing half-done.
        func userObjects() async throws -> [String] {
            let connection = try await MaterializeConnection.connect(TestServer.configuration(), logger: LiveApplyTests.logger)
            let rows = try await connection.rows("""
                SELECT 'object ' || id || ' ' || name FROM mz_catalog.mz_objects
                UNION ALL SELECT 'schema ' || nspname FROM pg_namespace WHERE nspname <> '_mzplan'
                UNION ALL SELECT 'relation ' || relname FROM pg_class WHERE relnamespace = 'public'::regnamespace
                """)
            await connection.close()
            return try rows.map { try $0.decode(String.self) }.sorted()
        }

        @Test("--dry-run prints the plan's statements, the same as diff --format sql, and changes nothing; the password never shows")
        func dryRun() async throws {
            let url = try TestServer.url(user: TestServer.passwordRole, password: TestServer.password)
            let before = try await userObjects()
            let result = try run(["apply"] + shop + ["--url", url, "--dry-run"])
            #expect(result.exitCode == 0, "stderr: \(result.stderr)")
            #expect(result.stdout.contains(#"CREATE CLUSTER "ingest_kafka""#))
            let diff = try run(["diff"] + shop + ["--url", url, "--format", "sql"])
            #expect(result.stdout == diff.stdout)
            #expect(!(result.stdout + result.stderr).contains(TestServer.password))
            #expect(try await userObjects() == before)
            #expect(try await lockState() == nil)
        }

        @Test("a journal cluster that cannot serve is refused before the lock is taken, naming it; nothing changes")
        func journalCluster() async throws {
            let before = try await userObjects()
            let result = try run(["apply"] + shop + ["--url", try TestServer.url(), "--auto-approve", "--journal-cluster", "quickstart"])
            #expect(result.exitCode == 1, "stderr: \(result.stderr)")
            #expect(result.stderr.contains("cluster 'quickstart' (--journal-cluster) does not exist"))
            #expect(try await userObjects() == before)
            #expect(try await lockState() == nil)
        }

        @Test("a saved plan is re-checked against the live catalog: stale is exit 4, dry run or not")
        func savedPlan() async throws {
            let url = try TestServer.url()
            let fresh = temporary("plan")
            let stale = temporary("stale")
            defer {
                try? FileManager.default.removeItem(atPath: fresh)
                try? FileManager.default.removeItem(atPath: stale)
            }
            #expect(try run(["diff"] + shop + ["--url", url, "-o", fresh]).exitCode == 0)
            let dry = try run(["apply", fresh, "--url", url, "--dry-run"])
            #expect(dry.exitCode == 0, "stderr: \(dry.stderr)")
            #expect(dry.stdout.contains(#"CREATE CLUSTER "ingest_kafka""#))

            #expect(try run(["diff"] + shop + ["--catalog", "examples/shop/catalog.json", "-o", stale]).exitCode == 0)
            let staleDry = try run(["apply", stale, "--url", url, "--dry-run"])
            #expect(staleDry.exitCode == 4, "stderr: \(staleDry.stderr)")
            #expect(staleDry.stdout.isEmpty)
            let staleRun = try run(["apply", stale, "--url", url, "--auto-approve"])
            #expect(staleRun.exitCode == 4, "stderr: \(staleRun.stderr)")
            #expect(staleRun.stderr.contains("the catalog changed since the plan was made"))
            #expect(try await lockState() == nil)
        }

        @Test("a statement the server rejects: exit 1 naming it and its SQLSTATE, lock released, failure journaled, nothing half-done")
        func rejectedStatement() async throws {
            let url = try TestServer.url()
            let before = try await userObjects()
            let result = try run(["apply"] + shop + ["--url", url, "--auto-approve"])
            #expect(result.exitCode == 1, "stderr: \(result.stderr)")
            #expect(result.stderr.contains("42601"))
            #expect(result.stderr.contains(#"in: CREATE CLUSTER "ingest_kafka" (SIZE = '50cc')"#))
            #expect(try await userObjects() == before)
            #expect(try await lockState() == nil)
            let journal = try await LiveApplyTests().withTarget { target in try await target.readJournal() }
            let start = try #require(journal.lastIndex { $0.status == .planned })
            let run = journal[start...]
            #expect(run.contains { $0.status == .started && $0.stepID == 1 })
            #expect(run.contains { $0.status == .failed && $0.stepID == 1 && $0.detail.contains("42601") })
            #expect(!run.contains { $0.status == .finished })
        }

        @Test("a held lock: apply exits 5 naming the holder; unlock refuses without a terminal, removes it with --force")
        func heldLock() async throws {
            let url = try TestServer.url(user: TestServer.passwordRole, password: TestServer.password)
            let holder = LockHolder(planFingerprint: "sha256:other", host: "elsewhere.example", pid: 4242, startedAtMs: 1_764_115_200_000)
            let taken = try await LiveApplyTests().withTarget { target in try await target.acquireLock(holder) }
            #expect(taken == nil)

            let apply = try run(["apply"] + shop + ["--url", try TestServer.url(), "--auto-approve"])
            #expect(apply.exitCode == 5, "stderr: \(apply.stderr)")
            #expect(apply.stderr.contains("pid 4242 on elsewhere.example"))
            #expect(try await lockState()?.holder == holder)

            let refused = try run(["unlock", "--url", url], stdin: "yes\n")
            #expect(refused.exitCode == 1)
            #expect(refused.stderr.contains("pid 4242 on elsewhere.example"))
            #expect(refused.stderr.contains("pass --force"))
            #expect(try await lockState()?.holder == holder)

            let forced = try run(["unlock", "--url", try TestServer.url(), "--force"])
            #expect(forced.exitCode == 0, "stderr: \(forced.stderr)")
            #expect(forced.stdout.contains("removed the apply lock held by pid 4242 on elsewhere.example"))
            #expect(try await lockState() == nil)

            let nothing = try run(["unlock", "--url", url, "--force"])
            #expect(nothing.exitCode == 0, "stderr: \(nothing.stderr)")
            #expect(nothing.stdout.contains("no apply holds the lock"))
            for output in [refused.stdout, refused.stderr, nothing.stdout, nothing.stderr] {
                #expect(!output.contains(TestServer.password))
            }
        }

        @Test("a wrong password fails with exit 1 and never shows the password")
        func wrongPassword() throws {
            let url = try TestServer.url(user: TestServer.passwordRole, password: TestServer.wrongPassword)
            for arguments in [["apply"] + shop + ["--url", url, "--dry-run"], ["unlock", "--url", url, "--force"]] {
                let result = try run(arguments)
                #expect(result.exitCode == 1)
                #expect(!(result.stdout + result.stderr).contains(TestServer.wrongPassword))
                #expect(!result.stderr.isEmpty)
            }
        }

        @Test("--url and --simulate together are a usage error")
        func usage() throws {
            #expect(try run(["apply"] + shop + ["--url", "postgres://x@127.0.0.1:1/materialize", "--simulate", "examples/shop/catalog.json"]).exitCode == 64)
        }
    }
}
