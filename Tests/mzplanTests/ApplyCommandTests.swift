import Foundation
import MZPlanTestSupport
import Testing

/// `mzplan apply --simulate` end to end: the built binary, its stdout, stderr and exit code.
@Suite struct ApplyCommandTests {
    let root = repositoryRoot()
    let shop = ["-f", "examples/shop/mzplan.yaml", "--simulate", "examples/shop/catalog.json"]
    let allowSource = ["--allow", "source-recreate", "--allow", "cascade-drop"]

    func apply(_ arguments: [String]) throws -> CommandResult {
        try runMzplan(["apply"] + arguments, environment: ["SOURCE_DATE_EPOCH": "0"], currentDirectory: root)
    }

    func temporary(_ name: String) -> String {
        FileManager.default.temporaryDirectory.appendingPathComponent("mzplan-\(name)-\(UUID().uuidString).json").path
    }

    @Test("the README's command: blocked by the source move without --allow (exit 3), nothing run")
    func readmeBlocked() throws {
        let result = try apply(shop + ["--auto-approve"])
        #expect(result.exitCode == 3, "stderr: \(result.stderr)")
        #expect(result.stderr.contains("the plan is blocked"))
        #expect(result.stdout.isEmpty)
    }

    @Test("with the source move allowed the example applies completely, with progress and a per-move summary")
    func readmeAllowed() throws {
        let result = try apply(shop + allowSource + ["--auto-approve"])
        #expect(result.exitCode == 0, "stderr: \(result.stderr)")
        #expect(result.stderr.contains("Summary: completed"))
        #expect(result.stderr.contains("cut over materialize.public.customer_ltv → serving"))
        #expect(result.stderr.contains("✓ materialize.public.payments compute → transform [replace]"))
        #expect(!result.stderr.contains("VIOLATION"))
        #expect(result.stdout.isEmpty)
    }

    @Test("--progress ndjson: stdout is pure NDJSON, plan first, summary last, time never decreasing")
    func ndjson() throws {
        let result = try apply(shop + allowSource + ["--auto-approve", "--progress", "ndjson"])
        #expect(result.exitCode == 0)
        let lines = result.stdout.split(separator: "\n")
        let events = try lines.map { try #require(try JSONSerialization.jsonObject(with: Data($0.utf8)) as? [String: Any]) }
        #expect(events.first?["event"] as? String == "plan")
        #expect(events.last?["event"] as? String == "summary")
        let times = events.compactMap { ($0["ts_ms"] as? NSNumber)?.uint64Value }
        #expect(times.count == events.count)
        #expect(times == times.sorted())
        let names = Set(events.compactMap { $0["event"] as? String })
        #expect(names.isSuperset(of: ["plan", "step-started", "step-finished", "object-status", "ready", "cutover", "summary"]))
        #expect(names.isSubset(of: ["plan", "step-started", "step-finished", "object-status", "ready", "cutover", "warning", "violation", "summary"]))
    }

    @Test("without a terminal and without --auto-approve, apply refuses (exit 1) and runs nothing")
    func refusesWithoutApproval() throws {
        let result = try apply(shop + allowSource)
        #expect(result.exitCode == 1)
        #expect(result.stderr.contains("--auto-approve"))
        #expect(!result.stderr.contains("Summary"))
    }

    @Test("--dry-run prints the statements and runs none")
    func dryRun() throws {
        let result = try apply(shop + allowSource + ["--dry-run"])
        #expect(result.exitCode == 0)
        #expect(result.stdout.contains("ALTER MATERIALIZED VIEW \"materialize\".\"public\".\"customer_ltv\" APPLY REPLACEMENT"))
        #expect(!result.stderr.contains("Summary"))
    }

    @Test("a blue-green resize: summary with the cluster's measured downtime 0, the saved state at the new size, diff converges")
    func blueGreenResize() throws {
        let state = temporary("resize")
        defer { try? FileManager.default.removeItem(atPath: state) }
        let manifest = "Tests/MZPlanCoreTests/Fixtures/resize/blue-green.yaml"
        let result = try apply(["-f", manifest, "--simulate", "examples/shop/catalog.json", "--simulate-state", state, "--auto-approve", "--progress", "ndjson"])
        #expect(result.exitCode == 0, "stderr: \(result.stderr)")
        let summary = try #require(result.stdout.split(separator: "\n").last.flatMap { try JSONSerialization.jsonObject(with: Data($0.utf8)) as? [String: Any] })
        let clusters = try #require(summary["clusters"] as? [[String: Any]])
        #expect(clusters.count == 1)
        #expect(clusters.first?["name"] as? String == "compute" && clusters.first?["strategy"] as? String == "blue-green")
        #expect((clusters.first?["downtime_ms"] as? NSNumber)?.intValue == 0)
        #expect(!result.stdout.contains("\"event\":\"violation\""))
        let diff = try runMzplan(["diff", "-f", manifest, "--catalog", state, "--detailed-exitcode"], currentDirectory: root)
        #expect(diff.exitCode == 0, "\(diff.stdout)\(diff.stderr)")
        #expect(diff.stdout.contains("No changes."))
        let restarted = try apply(["-f", "Tests/MZPlanCoreTests/Fixtures/resize/restart.yaml", "--simulate", "examples/shop/catalog.json", "--auto-approve", "--allow", "cluster-restart"])
        #expect(restarted.exitCode == 0, "stderr: \(restarted.stderr)")
        #expect(restarted.stderr.contains("cluster compute resized [restart]: downtime 4m 33s"))
    }

    @Test("a process killed after its 12th statement left --simulate-state current: --resume continues it; a second apply meanwhile is refused")
    func crashAndResume() throws {
        let state = temporary("state")
        defer { try? FileManager.default.removeItem(atPath: state) }
        let crashed = try apply(shop + allowSource + ["--auto-approve", "--simulate-state", state, "--simulate-fault", "crash-after=12"])
        #expect(crashed.exitCode == 128 + 9, "stderr: \(crashed.stderr)")
        let second = try apply(shop + allowSource + ["--auto-approve", "--simulate-state", state])
        #expect(second.exitCode == 5)
        #expect(second.stderr.contains("--resume"))
        let resumed = try apply(["--resume", "--simulate-state", state, "--progress", "ndjson"])
        #expect(resumed.exitCode == 0, "stderr: \(resumed.stderr)")
        #expect(resumed.stdout.contains("\"outcome\":\"completed\""))
        #expect(!resumed.stdout.contains("\"event\":\"violation\""))
    }

    @Test("--abort after a crash before the cutovers drops what the apply created")
    func abort() throws {
        let state = temporary("state")
        defer { try? FileManager.default.removeItem(atPath: state) }
        _ = try apply(shop + allowSource + ["--auto-approve", "--simulate-state", state, "--simulate-fault", "crash-after=5"])
        let aborted = try apply(["--abort", "--simulate-state", state])
        #expect(aborted.exitCode == 0, "stderr: \(aborted.stderr)")
        #expect(aborted.stderr.contains("aborted: dropped"))
        let again = try apply(["--resume", "--simulate-state", state])
        #expect(again.exitCode == 1)
    }

    @Test("another apply holding the lock: exit 5, naming it")
    func lockHeld() throws {
        let result = try apply(shop + allowSource + ["--auto-approve", "--simulate-lock-held"])
        #expect(result.exitCode == 5)
        #expect(result.stderr.contains("pid 4242 on elsewhere"))
    }

    @Test("a saved plan applied to a catalog that changed since is stale (exit 4)")
    func stalePlan() throws {
        let plan = temporary("plan")
        let changed = temporary("catalog")
        defer {
            try? FileManager.default.removeItem(atPath: plan)
            try? FileManager.default.removeItem(atPath: changed)
        }
        _ = try runMzplan(["diff", "-f", "examples/shop/mzplan.yaml", "--catalog", "examples/shop/catalog.json", "-o", plan] + allowSource, currentDirectory: root)
        let text = try String(contentsOf: root.appendingPathComponent("examples/shop/catalog.json"), encoding: .utf8)
        try text.replacingOccurrences(of: "\"big_orders\"", with: "\"big_orders_v2\"").write(toFile: changed, atomically: true, encoding: .utf8)
        let stale = try apply([plan, "--simulate", changed, "--auto-approve"])
        #expect(stale.exitCode == 4, "stderr: \(stale.stderr)")
        #expect(stale.stderr.contains("the catalog changed since the plan was made"))
        // --dry-run checks the same, as the live one does: one apply path.
        let dry = try apply([plan, "--simulate", changed, "--dry-run"])
        #expect(dry.exitCode == 4, "stderr: \(dry.stderr)")
        #expect(dry.stdout.isEmpty)
        let fresh = try apply([plan, "--simulate", "examples/shop/catalog.json", "--auto-approve", "--progress", "none"])
        #expect(fresh.exitCode == 0, "stderr: \(fresh.stderr)")
    }

    @Test("readiness that does not hold within --timeout: exit 6, resumable")
    func timeout() throws {
        let result = try apply(shop + allowSource + ["--auto-approve", "--timeout", "20s", "--progress", "none"])
        #expect(result.exitCode == 6)
        #expect(result.stderr.contains("--resume"))
    }

    @Test("an OOM-looping target blocks the plan (capacity); allowed, the replica is named in the progress and the apply ends in a timeout (exit 6)")
    func oom() throws {
        let blocked = try apply(shop + allowSource + ["--auto-approve", "--timeout", "5m", "--simulate-oom", "serving"])
        #expect(blocked.exitCode == 3)
        #expect(blocked.stderr.contains("cluster 'serving' has no healthy replica: every replica is OOM-looping"), "\(blocked.stderr)")
        let result = try apply(shop + allowSource + ["--allow", "capacity", "--auto-approve", "--timeout", "5m", "--simulate-oom", "serving"])
        #expect(result.exitCode == 6)
        #expect(result.stderr.contains("replica 'r1' is OOM-looping"))
        #expect(result.stderr.contains("materialize.public.customer_ltv_mzplan (cluster 'serving' has no healthy replica"))
    }

    @Test("bad flag combinations are usage errors (64)", arguments: [
        ["--resume", "--abort", "--simulate", "examples/shop/catalog.json"],
        ["-f", "examples/shop/mzplan.yaml"],
        ["-f", "examples/shop/mzplan.yaml", "--simulate", "examples/shop/catalog.json", "--timeout", "soon"],
        ["-f", "examples/shop/mzplan.yaml", "--simulate", "examples/shop/catalog.json", "--timeout", "9999999999999999h"],
        ["-f", "examples/shop/mzplan.yaml", "--simulate", "examples/shop/catalog.json", "--timeout", "0s"],
        ["-f", "examples/shop/mzplan.yaml", "--simulate", "examples/shop/catalog.json", "--timeout", "1.5s"],
        ["-f", "examples/shop/mzplan.yaml", "--simulate", "examples/shop/catalog.json", "--timeout", "200h"],
    ])
    func usage(arguments: [String]) throws {
        #expect(try apply(arguments).exitCode == 64)
    }

    @Test("--timeout takes the manifest's durations: 1h30m works, 0s is refused with the same words")
    func timeoutGrammar() throws {
        let combined = try apply(shop + allowSource + ["--auto-approve", "--timeout", "1h30m", "--progress", "none"])
        #expect(combined.exitCode == 0, "\(combined.stderr)")
        let zero = try apply(shop + ["--auto-approve", "--timeout", "0s"])
        #expect(zero.exitCode == 64)
        #expect(zero.stderr.contains("Invalid --timeout '0s'"))
        #expect(zero.stderr.contains("zero"), "\(zero.stderr)")
    }
}
