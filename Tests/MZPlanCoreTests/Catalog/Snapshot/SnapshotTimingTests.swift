import Foundation
import Testing
import MZPlanCore

/// A hand-run timing harness, not a timed test: it runs only when `MZPLAN_TIME_CATALOG` names a snapshot.
///
///     python3 scripts/gen-catalog.py --objects 100000 -o /tmp/c.json
///     MZPLAN_TIME_CATALOG=/tmp/c.json swift test -c release --filter SnapshotTimingTests
@Suite struct SnapshotTimingTests {
    static let path = ProcessInfo.processInfo.environment["MZPLAN_TIME_CATALOG"]

    @Test("decode time of the snapshot named by MZPLAN_TIME_CATALOG", .enabled(if: path != nil))
    func decodeTime() throws {
        let bytes = try [UInt8](Data(contentsOf: URL(fileURLWithPath: Self.path ?? "")))
        var best = Double.infinity
        var objects = 0
        for _ in 0..<3 {
            let clock = ContinuousClock()
            let start = clock.now
            let snapshot = try CatalogSnapshot.decode(bytes, file: "catalog.json")
            let elapsed = start.duration(to: clock.now)
            best = min(best, Double(elapsed.components.seconds) + Double(elapsed.components.attoseconds) / 1e18)
            objects = snapshot.objects.count
        }
        let snapshot = try CatalogSnapshot.decode(bytes, file: "catalog.json")
        let encodeStart = ContinuousClock().now
        let encoded = snapshot.encode()
        let encodeTime = encodeStart.duration(to: ContinuousClock().now)
        print("decode: \(objects) objects, \(bytes.count) bytes, best of 3: \(best) s; encode: \(encodeTime) (\(encoded.utf8.count) bytes)")
        #expect(objects > 0)
    }

    @Test("every create_sql of that snapshot parses and renders; time it", .enabled(if: path != nil))
    func rewriteTime() throws {
        let snapshot = try CatalogSnapshot.decode(try [UInt8](Data(contentsOf: URL(fileURLWithPath: Self.path ?? ""))), file: "catalog.json")
        let byID = Dictionary(uniqueKeysWithValues: snapshot.objects.map { ($0.id, $0.qualifiedName) })
        let start = ContinuousClock().now
        var failures: [String] = []
        var rendered: [(CatalogObject, Statement)] = []
        for object in snapshot.objects {
            guard let sql = object.createSQL else { continue }
            do {
                rendered.append((object, try Statement(parsing: sql).resolved(names: { byID[$0] })))
            } catch {
                failures.append("\(object.id): \(error)")
            }
        }
        print("rewrite: \(rendered.count) statements parsed and resolved in \(start.duration(to: ContinuousClock().now))")
        for (object, statement) in rendered {
            let text = statement.sql
            if text.contains("[u") { failures.append("\(object.id): \(text)") }
            if (try? Statement(parsing: text)) != statement { failures.append("\(object.id): does not read back: \(text)") }
        }
        #expect(failures.prefix(5) == [])
    }
}
