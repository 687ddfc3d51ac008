import Foundation
import Testing
@testable import MZPlanCore

/// The objects array read in two halves gives exactly what the sequential reader gives.
@Suite struct SnapshotParallelTests {
    /// A snapshot whose strings are full of `}, {`, so that split guesses often land in a string.
    static func snapshot(objects count: Int, tricky: Bool) -> CatalogSnapshot {
        CatalogSnapshot(
            takenAtMs: 1,
            clusters: [CatalogCluster(id: "u1", name: "c")],
            objects: (0..<count).map { index in
                CatalogObject(
                    id: "u\(index + 10)",
                    database: "materialize",
                    schema: "public",
                    name: "o\(index)",
                    kind: .materializedView,
                    cluster: "c",
                    createSQL: tricky ? #"CREATE MATERIALIZED VIEW x AS SELECT '}, {"id": "u"}' AS "}, {""# + "\(index)" : "CREATE MATERIALIZED VIEW x AS SELECT \(index)",
                    definition: tricky ? "}, {}, {\n}" : "SELECT \(index);",
                    dependsOn: index > 0 ? ["u\(index + 9)"] : [],
                    upperMs: UInt64(index)
                )
            }
        )
    }

    func decode(_ text: String, threshold: Int) throws(DiagnosticsError) -> CatalogSnapshot {
        try CatalogSnapshot.decode(Array(text.utf8), file: "s.json", parallelThreshold: threshold)
    }

    @Test("two halves decode to the same snapshot as one pass", arguments: [false, true])
    func sameResult(tricky: Bool) throws {
        let original = Self.snapshot(objects: 301, tricky: tricky)
        let text = original.encode()
        #expect(try decode(text, threshold: 0) == original)
        #expect(try decode(text, threshold: .max) == original)
        // Guesses at many places: every split point must give the same result.
        for cut in stride(from: 0, to: text.utf8.count, by: text.utf8.count / 37) {
            let padded = text + String(repeating: " ", count: cut)
            #expect(try decode(padded, threshold: 0) == original)
        }
    }

    @Test("an error in the second half is reported with its exact path, as the sequential reader reports it")
    func errorInSecondHalf() throws {
        var text = Self.snapshot(objects: 200, tricky: false).encode()
        let marker = try #require(text.range(of: "\"u190\""))
        let kind = try #require(text.range(of: "\"materialized-view\"", range: marker.upperBound..<text.endIndex))
        text.replaceSubrange(kind, with: "\"tabel\"")
        var messages: [String] = []
        for threshold in [0, Int.max] {
            do throws(DiagnosticsError) {
                _ = try decode(text, threshold: threshold)
            } catch {
                messages.append(error.diagnostics.first?.message ?? "")
            }
        }
        #expect(messages.count == 2)
        #expect(messages.first == messages.last)
        #expect(messages.first?.contains("$.objects[180].kind") == true)
    }
}
