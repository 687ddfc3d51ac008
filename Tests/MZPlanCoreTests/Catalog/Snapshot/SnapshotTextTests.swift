import Foundation
import Testing
@testable import MZPlanCore

/// `create_sql` and `definition` stay undecoded in the snapshot's bytes until asked for: what they
/// decode to, and the catalog fingerprint over them, must be what decoded strings give. A plan made
/// from a snapshot file is checked against a fingerprint of the live catalog, read as strings.
@Suite struct SnapshotTextTests {
    /// Texts that need every kind of escape, and none.
    static let texts = [
        "",
        "CREATE VIEW \"materialize\".\"public\".\"v\" AS SELECT 1",
        "SELECT \"a\\b\" FROM t WHERE x = 'données 東京 🙂'\n\tAND y = '/'",
        String(repeating: "\"q\" ", count: 300) + "\u{01}\u{1F}\u{7F}",
    ]

    /// The same object as the live reader builds it, with strings.
    static func catalog(_ text: String) -> CatalogSnapshot {
        CatalogSnapshot(
            clusters: [Fixture.cluster("u1", "c")],
            objects: [Fixture.object("u10", "mv", .materializedView, cluster: "c", sql: text, definition: text + ";")]
        )
    }

    @Test("decoded on read, the texts equal the strings written; equal objects, equal fingerprints", arguments: texts)
    func writtenByMZPlan(text: String) throws {
        let original = Self.catalog(text)
        let read = try CatalogSnapshot.decode(Array(original.encode().utf8), file: "c.json")
        #expect(read.objects[0].createSQL == text)
        #expect(read.objects[0].definition == text + ";")
        #expect(read == original)
        #expect(read.objects[0].hashValue == original.objects[0].hashValue)
        #expect(CatalogFingerprint.compute(read) == CatalogFingerprint.compute(original))
    }

    @Test("escapes spelled as another writer spells them (\\u for non-ASCII and quotes, \\/) give the same fingerprint")
    func writtenByAnotherTool() throws {
        let text = "SELECT 'é/東京🙂' AS \"x\""
        let original = Self.catalog(text)
        let ours = original.encode()
        let mine = #""create_sql": "SELECT 'é/東京🙂' AS \"x\"""#
        let theirs = #""create_sql": "SELECT '\u00e9\/\u6771\u4eac\ud83d\ude42' AS \u0022x\"""#
        #expect(ours.contains(mine))
        let read = try CatalogSnapshot.decode(Array(ours.replacingOccurrences(of: mine, with: theirs).utf8), file: "c.json")
        #expect(read.objects[0].createSQL == text)
        #expect(CatalogFingerprint.compute(read) == CatalogFingerprint.compute(original))
    }

    @Test("a text set after reading replaces the undecoded one")
    func setAfterReading() throws {
        var read = try CatalogSnapshot.decode(Array(Self.catalog("SELECT \"a\"").encode().utf8), file: "c.json")
        read.objects[0].createSQL = "SELECT 2"
        #expect(read.objects[0].createSQL == "SELECT 2")
        #expect(CatalogFingerprint.compute(read) != CatalogFingerprint.compute(Self.catalog("SELECT \"a\"")))
        read.objects[0].createSQL = nil
        #expect(read.objects[0].createSQL == nil)
    }

    @Test("a bad escape in create_sql is still an error at its byte, with its JSON path")
    func badEscape() {
        let json = #"{"format": "mzplan.catalog.v1", "objects": [{"id": "u1", "database": "d", "schema": "s", "name": "t", "kind": "table", "create_sql": "CREATE \q"}]}"#
        #expect {
            try CatalogSnapshot.decode(Array(json.utf8), file: "c.json")
        } throws: { error in
            let message = (error as? DiagnosticsError)?.diagnostics.first?.message ?? ""
            return message.contains("$.objects[0].create_sql") && message.contains("invalid escape '\\q'")
        }
    }
}
