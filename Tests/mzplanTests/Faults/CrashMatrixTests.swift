import Foundation
import MZPlanTestSupport
import Testing

/// SPEC §10.4 through the binary a user runs: a process killed after any statement, or stopped by
/// SIGINT/SIGTERM at any moment, leaves `--simulate-state` holding what a server would hold, and
/// `--resume` finishes the apply with no invariant violation and nothing left to change.
@Suite(.serialized) struct CrashMatrixTests {
    /// A plan applied in simulation from the shop's catalog.
    struct Scenario: CustomTestStringConvertible, Sendable {
        var name: String
        var manifest: String
        var allow: [String]
        var catalog = "examples/shop/catalog.json"

        var testDescription: String { name }

        static let all = [
            Scenario(name: "the shop (index rebuilds, replacements, a source recreated with its dependents and sink)", manifest: "examples/shop/mzplan.yaml", allow: ["source-recreate", "cascade-drop"]),
            Scenario(name: "a blue-green resize", manifest: "Tests/MZPlanCoreTests/Fixtures/resize/blue-green.yaml", allow: []),
            Scenario(name: "two sources moved blue-green (new closures, a rename transaction, a sink, drops)", manifest: "examples/replication/mzplan.yaml", allow: [], catalog: "examples/replication/catalog.json"),
        ]

        var apply: [String] {
            ["apply", "-f", manifest, "--simulate", catalog, "--auto-approve", "--progress", "ndjson"] + allow.flatMap { ["--allow", $0] }
        }
    }

    let root = repositoryRoot()

    func run(_ arguments: [String], signals: [(afterSeconds: Double, signal: Int32)] = []) throws -> CommandResult {
        try runMzplan(arguments, environment: ["SOURCE_DATE_EPOCH": "0"], currentDirectory: root, signals: signals)
    }

    func temporaryState() -> String {
        FileManager.default.temporaryDirectory.appendingPathComponent("mzplan-faults-\(UUID().uuidString).json").path
    }

    /// `--resume` from `state` completes without a violation, the state's lock is free and its log
    /// folded in, and `diff` against the state reports no changes.
    func expectResumable(_ scenario: Scenario, state: String, _ label: String) throws {
        let resumed = try run(["apply", "--resume", "--simulate-state", state, "--progress", "ndjson"])
        #expect(resumed.exitCode == 0, "\(label): resume: \(resumed.stderr)")
        #expect(resumed.stdout.contains("\"outcome\":\"completed\""), "\(label): \(resumed.stdout.suffix(400))")
        #expect(resumed.stdout.contains("\"violations\":0"), "\(label): \(resumed.stdout.suffix(400))")
        #expect(!resumed.stdout.contains("\"event\":\"violation\""), "\(label)")
        #expect(!FileManager.default.fileExists(atPath: state + ".log"), "\(label): the log was not folded in")
        let diff = try run(["diff", "-f", scenario.manifest, "--catalog", state, "--detailed-exitcode"])
        #expect(diff.exitCode == 0, "\(label): diff after resume: \(diff.stdout.suffix(600)) \(diff.stderr)")
    }

    @Test("killed (SIGKILL) right after each statement N, then resumed: no violation, converged", arguments: Scenario.all)
    func crashAfterEveryStatement(_ scenario: Scenario) throws {
        var survived = 0
        var lastPending: Int32 = -1
        for statement in 1... {
            let state = temporaryState()
            defer { try? FileManager.default.removeItem(atPath: state) }
            let crashed = try run(scenario.apply + ["--simulate-state", state, "--simulate-fault", "crash-after=\(statement)"])
            if crashed.exitCode == 0 {
                // Fewer statements than N: the whole plan ran; every crash point has been tried.
                #expect(statement > 10, "the plan ran only \(statement - 1) statements")
                #expect(lastPending == 0, "after its last statement (killed before it recorded completion), diff still saw changes: the log was not read")
                break
            }
            #expect(crashed.exitCode == 128 + SIGKILL, "crash-after=\(statement): \(crashed.stderr)")
            #expect(FileManager.default.fileExists(atPath: state + ".log"), "crash-after=\(statement): no log beside the state")
            // `diff` reads what the server holds, its log included.
            lastPending = try run(["diff", "-f", scenario.manifest, "--catalog", state, "--detailed-exitcode"] + scenario.allow.flatMap { ["--allow", $0] }).exitCode
            let refused = try run(scenario.apply + ["--simulate-state", state])
            #expect(refused.exitCode == 5, "crash-after=\(statement): a new apply while the dead one holds the lock")
            try expectResumable(scenario, state: state, "crash-after=\(statement)")
            survived += 1
        }
        #expect(survived > 10)
    }

    @Test("SIGINT or SIGTERM at seeded moments of a paced apply: the lock released, exit 130/143, then resumed and converged", arguments: Scenario.all)
    func interruptedAtRandomMoments(_ scenario: Scenario) throws {
        var generator = SeededGenerator(seed: 20261204)
        var interrupted = 0
        for attempt in 0..<6 {
            let state = temporaryState()
            defer { try? FileManager.default.removeItem(atPath: state) }
            let signal = attempt.isMultiple(of: 2) ? SIGINT : SIGTERM
            let delay = 0.4 + Double(generator.next() % 1000) / 1000 * 1.2
            let result = try run(scenario.apply + ["--simulate-state", state, "--simulate-pace", "120"], signals: [(delay, signal)])
            let label = "\(signal == SIGINT ? "SIGINT" : "SIGTERM") after \(delay)s"
            if result.exitCode == 0 { continue }
            #expect(result.exitCode == 128 + signal, "\(label): \(result.stderr)")
            #expect(result.stdout.contains("\"outcome\":\"interrupted\""), "\(label): \(result.stdout.suffix(300))")
            #expect(result.stdout.contains("run `mzplan apply --resume` to continue"), "\(label)")
            let saved = try String(contentsOfFile: state, encoding: .utf8)
            #expect(saved.contains("\"lock\": null"), "\(label): the lock is still held")
            try expectResumable(scenario, state: state, label)
            interrupted += 1
        }
        #expect(interrupted >= 3, "too few runs were interrupted before they finished")
    }

    @Test("a second SIGINT exits at once, leaving a journal that --resume takes over on this host")
    func secondInterruptExitsAtOnce() throws {
        let scenario = Scenario.all[0]
        let state = temporaryState()
        defer { try? FileManager.default.removeItem(atPath: state) }
        let result = try run(scenario.apply + ["--simulate-state", state, "--simulate-pace", "20"], signals: [(0.6, SIGINT), (0.9, SIGINT)])
        #expect(result.exitCode == 130, "\(result.stderr)")
        try expectResumable(scenario, state: state, "two SIGINTs")
    }
}
