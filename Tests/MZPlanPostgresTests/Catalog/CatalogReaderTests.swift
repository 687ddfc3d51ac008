import Foundation
import Logging
import MZPlanCore
@testable import MZPlanPostgres
import MZPlanTestSupport
import Testing

/// The catalog reader against the PostgreSQL stand-in for Materialize that `scripts/test` starts.
@Suite(.enabled(if: TestServer.enabled, TestServer.skipReason), .timeLimit(.minutes(2)))
struct CatalogReaderTests {
    let logger = Logger(label: "test") { _ in SwiftLogNoOpLogHandler() }
    let takenAtMs: UInt64 = 1_764_115_200_000

    func read(database: String) async throws -> (result: CatalogReadResult, queries: [String]) {
        let connection = try await MaterializeConnection.connect(TestServer.configuration(database: database), logger: logger)
        defer { Task { await connection.close() } }
        let counter = CountingQuerier(connection)
        let result = try await CatalogReader(logger: logger).read(from: counter, takenAtMs: takenAtMs)
        return (result, counter.queries)
    }

    @Test("the shop fixture reads as the expected snapshot, without warnings")
    func shop() async throws {
        let (result, _) = try await read(database: "materialize")
        #expect(result.warnings.isEmpty)
        assertSnapshot(result.snapshot.encode(), named: "shop", pathExtension: "json")
    }

    @Test("an MV with two GlobalIds has the frontiers of the newest, and its imports map back to catalog ids")
    func globalIds() async throws {
        let snapshot = try await read(database: "materialize").result.snapshot
        let enriched = try #require(snapshot.objects.first { $0.name == "orders_enriched" })
        #expect(enriched.sinceMs == 1_764_115_198_350)
        #expect(enriched.upperMs == 1_764_115_199_500)
        #expect(enriched.imports == ["u9", "u14"])
        #expect(enriched.hydrationTimeMs == 48_000)
        let revenue = try #require(snapshot.objects.first { $0.name == "revenue_by_region" })
        #expect(revenue.imports == ["u15"])
    }

    @Test("health, retention, replacements and statuses come from their relations")
    func details() async throws {
        let snapshot = try await read(database: "materialize").result.snapshot
        let serving = try #require(snapshot.clusters.first { $0.name == "serving" }?.replicas.first)
        #expect(serving.oomKills24h == 1)
        #expect(serving.status == "online")
        #expect(snapshot.objects.first { $0.name == "payments" }?.retainHistoryMs == 3_600_000)
        #expect(snapshot.objects.first { $0.name == "big_orders_v2" }?.replacementFor == "u25")
        #expect(snapshot.objects.first { $0.name == "funnel_sink" }?.status == "running")
        #expect(snapshot.objects.allSatisfy { !["stripe_signing_secret", "pg_conn", "kafka_conn"].contains($0.name) })
        #expect(snapshot.objects.first { $0.name == "pg_shop" }?.dependsOn == [])
        #expect(snapshot.sizeNames == ["25cc", "50cc", "100cc", "200cc", "400cc", "800cc"])
        #expect(snapshot.size(named: "100cc") == ReplicaSize("100cc", processes: 1, workers: 4, memoryBytes: 8_589_934_592, creditsPerHour: 1))
        // v26.10 has no mz_object_arrangement_sizes: memory unknown, without a warning.
        #expect(snapshot.objects.allSatisfy { $0.memoryBytes == nil })
    }

    @Test("v26.41: memory_bytes per object from mz_object_arrangement_sizes (GlobalIds mapped, the largest kept), as in the example")
    func arrangementSizes() async throws {
        let (result, queries) = try await read(database: "mz_new")
        #expect(result.warnings.isEmpty, "\(result.warnings)")
        #expect(queries.contains { $0.contains("mz_object_arrangement_sizes") })
        let example = try CatalogSnapshot.decode(
            [UInt8](Data(contentsOf: repositoryRoot().appendingPathComponent("examples/shop/catalog.json"))), file: "catalog.json")
        let expected = Dictionary(uniqueKeysWithValues: example.objects.map { ($0.name, $0.memoryBytes) })
        for object in result.snapshot.objects where expected.keys.contains(object.name) {
            #expect(object.memoryBytes == expected[object.name] ?? nil, "\(object.name)")
        }
        #expect(result.snapshot.sizes == example.sizes)
    }

    @Test("arrangement sizes are read only from v26.35 on, where they survive replica restarts", arguments: [
        ("v26.34.9", false), ("v26.10.1", false), ("v0.130.4", false), ("v26.35.0", true), ("v27.1.0", true), ("garbage", true),
    ])
    func arrangementSizesVersion(_ version: String, _ reads: Bool) {
        #expect(CatalogReader.readsArrangementSizes(version: version) == reads)
    }

    @Test("the number of queries does not depend on the number of objects (5 000 generated objects)")
    func constantQueries() async throws {
        let shop = try await read(database: "materialize")
        let big = try await read(database: "mz_big")
        #expect(big.result.snapshot.objects.count == shop.result.snapshot.objects.count + 5_000)
        #expect(big.queries.count == shop.queries.count)
        #expect(big.queries == shop.queries)
        #expect(shop.queries.count <= 20)
        let generated = try #require(big.result.snapshot.objects.first { $0.name == "generated_1001" })
        #expect(generated.dependsOn == ["u7", "u1000"])
        #expect(generated.upperMs == 1_764_115_199_000 + 1001)
        let looping = try #require(big.result.snapshot.clusters.first { $0.name == "compute" }?.replicas.last)
        #expect(looping.oomKills24h == 3)
        #expect(!looping.isHealthy)
    }

    @Test("an older version without some relations degrades to null fields and warnings")
    func olderVersion() async throws {
        let (result, _) = try await read(database: "mz_old")
        #expect(result.snapshot.version == "v0.130.4")
        #expect(result.warnings.count == 4)
        #expect(result.warnings.contains { $0.hasPrefix("mz_internal.mz_replacements does not exist") })
        #expect(result.snapshot.objects.allSatisfy { $0.replacementFor == nil && $0.retainHistoryMs == nil })
        #expect(result.snapshot.clusters.flatMap(\.replicas).allSatisfy { $0.oomKills24h == nil })
        #expect(result.snapshot.sizes?.count == 6)
        let enriched = try #require(result.snapshot.objects.first { $0.name == "orders_enriched" })
        #expect(enriched.upperMs == 1_764_115_199_500)
        #expect(enriched.imports == ["u9", "u14"])
    }

    @Test("plain PostgreSQL is not a Materialize server")
    func plainPostgres() async throws {
        await #expect {
            _ = try await read(database: "postgres")
        } throws: { error in
            (error as? ConnectionError)?.kind == .notMaterialize
        }
    }

    @Test("a role without privileges on the catalog gets a permission error")
    func noPrivileges() async throws {
        let configuration = try TestServer.configuration(user: TestServer.unprivilegedRole)
        let connection = try await MaterializeConnection.connect(configuration, logger: logger)
        defer { Task { await connection.close() } }
        await #expect {
            _ = try await CatalogReader(logger: logger).read(from: connection, takenAtMs: takenAtMs)
        } throws: { error in
            let error = error as? ConnectionError
            return error?.kind == .permissionDenied && error?.sqlState == "42501"
        }
    }

    @Test("the test server does not announce mz_version, so no Materialize-only setting is sent")
    func noMaterializeSettings() async throws {
        let connection = try await MaterializeConnection.connect(TestServer.configuration(), logger: logger)
        defer { Task { await connection.close() } }
        #expect(connection.announcedVersion == nil)
        let (_, queries) = try await read(database: "materialize")
        #expect(queries.allSatisfy { !$0.hasPrefix("SET ") })
    }
}
