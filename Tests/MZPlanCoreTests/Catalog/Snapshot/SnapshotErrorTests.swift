import Testing
@testable import MZPlanCore

/// Each error class: its code, its message with the JSON path, and the location of the offending byte.
@Suite struct SnapshotErrorTests {
    struct Case: Sendable, CustomTestStringConvertible {
        var json: String
        var code: String
        var message: String
        var location: String
        var testDescription: String { code + " " + message }
    }

    static func object(_ fields: String) -> String {
        #"{"format": "mzplan.catalog.v1", "clusters": [{"id": "u1", "name": "c"}],"# + "\n" + #""objects": [{"id": "u2", "database": "d", "schema": "s", "name": "n", "kind": "index", "# + fields + "}]}"
    }

    static let cases: [Case] = [
        Case(json: #"{"format": "mzplan.catalog.v0"}"#, code: "catalog.format",
             message: #"$.format: unsupported snapshot format "mzplan.catalog.v0"; expected "mzplan.catalog.v1""#, location: "c.json:1:12"),
        Case(json: #"{"objects": []}"#, code: "catalog.missing-field",
             message: #"$: missing required field "format" (expected "mzplan.catalog.v1")"#, location: "c.json:1:1"),
        Case(json: #"{"format": "mzplan.catalog.v1", "objects": [{}, {"id": "u1", "database": "d", "schema": "s", "name": "n", "kind": "tabel"}]}"#,
             code: "catalog.missing-field", message: #"$.objects[0]: missing required field "id""#, location: "c.json:1:45"),
        Case(json: #"{"format": "mzplan.catalog.v1", "objects": [{"id": "u1", "database": "d", "schema": "s", "name": "n", "kind": "tabel"}]}"#,
             code: "catalog.invalid-value",
             message: #"$.objects[0].kind: expected one of table, view, materialized-view, index, source, subsource, sink; found "tabel""#,
             location: "c.json:1:111"),
        Case(json: #"{"format": "mzplan.catalog.v1", "clusters": [{"id": "u1"}]}"#, code: "catalog.missing-field",
             message: #"$.clusters[0]: missing required field "name""#, location: "c.json:1:46"),
        Case(json: #"{"format": "mzplan.catalog.v1", "clusters": [{"id": "u1", "name": "c", "replicas": [{"name": "r"}]}]}"#,
             code: "catalog.missing-field", message: #"$.clusters[0].replicas[0]: missing required field "id""#, location: "c.json:1:85"),
        Case(json: object(#""since_ms": -5"#), code: "catalog.number",
             message: "$.objects[0].since_ms: expected a non-negative integer; found -5", location: "c.json:2:100"),
        Case(json: object(#""lag_ms": 1.5"#), code: "catalog.number",
             message: "$.objects[0].lag_ms: expected an integer without fraction or exponent; found 1.5", location: "c.json:2:98"),
        Case(json: object(#""upper_ms": 1e3"#), code: "catalog.number",
             message: "$.objects[0].upper_ms: expected an integer without fraction or exponent; found 1e3", location: "c.json:2:100"),
        Case(json: object(#""upper_ms": 18446744073709551616"#), code: "catalog.number",
             message: "$.objects[0].upper_ms: integer 18446744073709551616 is too large (at most 18446744073709551615)", location: "c.json:2:100"),
        Case(json: object(#""upper_ms": "5""#), code: "catalog.type",
             message: #"$.objects[0].upper_ms: expected a non-negative integer; found "5""#, location: "c.json:2:100"),
        Case(json: object(#""hydrated": "true""#), code: "catalog.type",
             message: #"$.objects[0].hydrated: expected true or false; found "true""#, location: "c.json:2:100"),
        Case(json: object(#""sealed": 1"#), code: "catalog.type",
             message: "$.objects[0].sealed: expected true or false; found 1", location: "c.json:2:98"),
        Case(json: object(#""depends_on": ["u1", 7]"#), code: "catalog.type",
             message: "$.objects[0].depends_on[1]: expected a string; found 7", location: "c.json:2:109"),
        Case(json: object(#""cluster": "cc""#), code: "catalog.unknown-cluster",
             message: #"$.objects[0].cluster: cluster "cc" is not in $.clusters (did you mean 'c'?)"#, location: "c.json:2:99"),
        Case(json: #"{"format": "mzplan.catalog.v1", "objects": [{"id": "u1", "database": "d", "schema": "s", "name": "a", "kind": "view"}, {"id": "u1", "database": "d", "schema": "s", "name": "b", "kind": "view"}]}"#,
             code: "catalog.duplicate-id", message: #"$.objects[1].id: duplicate object id "u1" (also at $.objects[0])"#, location: "c.json:1:127"),
        Case(json: #"{"format": "mzplan.catalog.v1", "clusters": [{"id": "u1", "name": "a"}, {"id": "u1", "name": "b"}]}"#,
             code: "catalog.duplicate-id", message: #"$.clusters[1].id: duplicate cluster id "u1" (also at $.clusters[0])"#, location: "c.json:1:80"),
        Case(json: "{\"format\": \"mzplan.catalog.v1\",\n \"version\": \"v1\" x}", code: "catalog.syntax",
             message: "$: expected ',' or '}'; found 'x'", location: "c.json:2:18"),
        Case(json: #"{"format": "mzplan.catalog.v1"} []"#, code: "catalog.syntax",
             message: "$: unexpected '[' after the end of the document", location: "c.json:1:33"),
        Case(json: #"{"format": "mzplan.catalog.v1", "version": "é\x"}"#, code: "catalog.syntax",
             message: #"$.version: invalid escape '\x' in string"#, location: "c.json:1:46"),
        Case(json: #"{"format": "mzplan.catalog.v1", "version": "\ud800"}"#, code: "catalog.syntax",
             message: #"$.version: invalid \u escape: unpaired high surrogate"#, location: "c.json:1:45"),
        Case(json: #"{"format": "mzplan.catalog.v1", "version": "\udc00\u0041"}"#, code: "catalog.syntax",
             message: #"$.version: invalid \u escape: unpaired low surrogate"#, location: "c.json:1:45"),
        Case(json: #"{"format": "mzplan.catalog.v1", "version": "\u12"}"#, code: "catalog.syntax",
             message: #"$.version: invalid \u escape: expected 4 hex digits"#, location: "c.json:1:45"),
        Case(json: #"{"format": "mzplan.catalog.v1", "taken_at_ms": 01}"#, code: "catalog.syntax",
             message: "$.taken_at_ms: invalid number: leading zero", location: "c.json:1:48"),
        Case(json: #"{"format": "mzplan.catalog.v1", "x": nul}"#, code: "catalog.syntax",
             message: "$: invalid literal; expected 'null'", location: "c.json:1:41"),
        Case(json: "", code: "catalog.syntax",
             message: "$: unexpected end of input; expected '{' at the start of the snapshot", location: "c.json:1:1"),
        Case(json: #"{"format": "mzplan.catalog.v1", "sizes": ["25cc", {"memory_bytes": 4}]}"#, code: "catalog.missing-field",
             message: #"$.sizes[1]: missing required field "size""#, location: "c.json:1:51"),
        Case(json: #"{"format": "mzplan.catalog.v1", "sizes": [{"size": "25cc", "credits_per_hour": -0.5}]}"#, code: "catalog.number",
             message: "$.sizes[0].credits_per_hour: expected a non-negative finite number; found -0.5", location: "c.json:1:80"),
        Case(json: #"{"format": "mzplan.catalog.v1", "sizes": [{"size": "25cc", "credits_per_hour": "1"}]}"#, code: "catalog.type",
             message: #"$.sizes[0].credits_per_hour: expected a non-negative number; found "1""#, location: "c.json:1:80"),
        Case(json: #"{"format": "mzplan.catalog.v1", "sizes": [{"size": "25cc", "memory_bytes": 1.5}]}"#, code: "catalog.number",
             message: "$.sizes[0].memory_bytes: expected an integer without fraction or exponent; found 1.5", location: "c.json:1:76"),
        Case(json: #"{"format": "mzplan.catalog.v1", "sizes": [7]}"#, code: "catalog.syntax",
             message: #"$.sizes[0]: expected a size name or an object with "size"; found '7'"#, location: "c.json:1:43"),
        Case(json: object(#""memory_bytes": -1"#), code: "catalog.number",
             message: "$.objects[0].memory_bytes: expected a non-negative integer; found -1", location: "c.json:2:104"),
    ]

    @Test("sizes read as names or as objects with processes, workers, memory and credits; objects carry memory_bytes")
    func sizes() throws {
        let json = #"{"format": "mzplan.catalog.v1", "sizes": ["25cc", {"size": "100cc", "processes": 2, "workers": 4, "cpu_nano_cores": 1, "memory_bytes": 8589934592, "credits_per_hour": 1.5}, {"size": "x", "credits_per_hour": 2e-1, "memory_bytes": null}]}"#
        let snapshot = try CatalogSnapshot.decode(Array(json.utf8), file: "c.json")
        #expect(snapshot.sizes == [
            ReplicaSize("25cc"),
            ReplicaSize("100cc", processes: 2, workers: 4, memoryBytes: 8_589_934_592, creditsPerHour: 1.5),
            ReplicaSize("x", creditsPerHour: 0.2),
        ])
        #expect(snapshot.sizeNames == ["25cc", "100cc", "x"] && snapshot.size(named: "100cc")?.replicaMemoryBytes == 17_179_869_184)
        let object = try CatalogSnapshot.decode(Array(Self.object(#""memory_bytes": 1024"#).utf8), file: "c.json").objects.first
        #expect(object?.memoryBytes == 1024)
        #expect(try CatalogSnapshot.decode(Array(snapshot.encode().utf8), file: "c.json") == snapshot)
    }

    @Test("errors carry code, path and place", arguments: cases)
    func error(_ example: Case) {
        do {
            _ = try CatalogSnapshot.decode(Array(example.json.utf8), file: "c.json")
            Issue.record("expected an error")
        } catch {
            let diagnostic = error.diagnostics.first
            #expect(error.diagnostics.count == 1)
            #expect(diagnostic?.severity == .error)
            #expect(diagnostic?.code == example.code)
            #expect(diagnostic?.message == example.message)
            #expect(diagnostic?.location?.description == example.location)
        }
    }

    @Test("the snippet shows the offending line with a caret, cut around the column on long lines")
    func snippet() {
        let short = Array("{\"format\": \"mzplan.catalog.v1\",\n \"version\": \"v1\" x}".utf8)
        #expect(SnapshotHostileInputTests.decodeError(short)?.snippet == " \"version\": \"v1\" x}\n                 ^")
        let padding = String(repeating: " ", count: 100)
        let long = Array("{\"format\": \"mzplan.catalog.v1\",\(padding)\"é\": tru\(padding)}".utf8)
        // The literal fails at the space after `tru`; 40 bytes either side are shown.
        let expected = "…" + String(repeating: " ", count: 31) + "\"é\": tru" + String(repeating: " ", count: 40) + "…\n"
            + String(repeating: " ", count: 40) + "^"
        #expect(SnapshotHostileInputTests.decodeError(long)?.snippet == expected)
    }
}
