import Foundation
import MZPlanCore
import MZPlanSimulator
import Testing

/// `--simulate-state`'s log after a run that did not end well: what a load replays of it.
@Suite struct SimulationStoreTests {
    static let clusters = ["log_a", "log_b", "log_c"]

    /// A saved state, then three statements through a logging server (one log line each), left
    /// unfolded as a killed run leaves them; returns the store and its log's lines.
    static func killedRun() async throws -> (store: SimulationStore, lines: [String]) {
        let directory = FileManager.default.temporaryDirectory.appendingPathComponent("mzplan-store-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: directory, withIntermediateDirectories: true)
        let store = SimulationStore(path: directory.appendingPathComponent("state.json").path)
        let environment = try ApplyFixture.shop().environment()
        try store.save(environment)
        let server = try SimulatedServer(environment, store: store)
        for name in clusters {
            try await server.execute("CREATE CLUSTER \"\(name)\" (SIZE = '25cc')", timeoutMs: nil)
        }
        let log = try String(contentsOfFile: store.logPath, encoding: .utf8)
        return (store, log.split(separator: "\n").map(String.init))
    }

    /// The clusters of ``clusters`` a load of the store finds.
    static func loadedClusters(_ store: SimulationStore) throws -> [String] {
        let loaded = try store.load()
        let environment = try #require(loaded)
        let names = Set(environment.snapshot().clusters.map(\.name))
        return clusters.filter(names.contains)
    }

    @Test("every logged statement is replayed on load")
    func replaysEverything() async throws {
        let (store, lines) = try await Self.killedRun()
        #expect(lines.count == 1 + Self.clusters.count)
        #expect(try Self.loadedClusters(store) == Self.clusters)
    }

    @Test("a last line cut short is ignored", arguments: [1, 10])
    func tornTail(keeping characters: Int) async throws {
        let (store, lines) = try await Self.killedRun()
        let torn = lines.dropLast().joined(separator: "\n") + "\n" + lines.last!.prefix(characters)
        try torn.write(toFile: store.logPath, atomically: false, encoding: .utf8)
        #expect(try Self.loadedClusters(store) == Array(Self.clusters.prefix(2)))
    }

    @Test("replay stops at the first unreadable line: what follows it is not applied out of order")
    func stopsAtGarbage() async throws {
        let (store, lines) = try await Self.killedRun()
        var damaged = lines
        damaged[2] = String(repeating: "\0", count: lines[2].count)
        try (damaged.joined(separator: "\n") + "\n").write(toFile: store.logPath, atomically: false, encoding: .utf8)
        #expect(try Self.loadedClusters(store) == ["log_a"])
    }

    @Test("a log that extends another generation of the state file is not replayed")
    func otherGeneration() async throws {
        let (store, lines) = try await Self.killedRun()
        var stale = lines
        stale[0] = #"{"generation":999}"#
        try (stale.joined(separator: "\n") + "\n").write(toFile: store.logPath, atomically: false, encoding: .utf8)
        #expect(try Self.loadedClusters(store) == [])
    }
}
