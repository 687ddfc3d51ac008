import Testing
@testable import MZPlanCore

/// Every schema error class, at its exact 1-based position, with a message that says what to do.
@Suite struct ManifestSchemaErrorTests {
    struct Case: CustomTestStringConvertible, Sendable {
        var yaml: String
        var code: String
        var line: Int
        var column: Int
        var fragment: String
        var testDescription: String { "\(code) \(fragment)" }
    }

    static let cases: [Case] = [
        Case(yaml: "clusters: {}\n", code: "manifest.version", line: 1, column: 1, fragment: "add 'version: 1'"),
        Case(yaml: "version: 2\n", code: "manifest.version", line: 1, column: 10, fragment: "version 2 is not supported"),
        Case(yaml: "version: \"1\"\n", code: "manifest.version", line: 1, column: 10, fragment: "found the string '1'"),
        Case(yaml: "version: 1\nclustres: {}\n", code: "manifest.unknown-key", line: 2, column: 1, fragment: "(did you mean 'clusters'?)"),
        Case(yaml: "version: 1\nclusters:\n  c:\n    replication_factr: 1\n", code: "manifest.unknown-key", line: 4, column: 5,
             fragment: "unknown key 'replication_factr' in cluster 'c' (did you mean 'replication_factor'?)"),
        Case(yaml: "version: 1\noptions:\n  poll_intervall: 2s\n", code: "manifest.unknown-key", line: 3, column: 3, fragment: "(did you mean 'poll_interval'?)"),
        Case(yaml: "version: 1\nclusters:\n  c:\n    objects:\n      - {name: a, knd: index}\n", code: "manifest.unknown-key", line: 5, column: 19, fragment: "(did you mean 'kind'?)"),
        Case(yaml: "version: 1\nclusters: [a, b]\n", code: "manifest.type", line: 2, column: 11, fragment: "expected 'clusters' to be a mapping from cluster names to their settings, found a list"),
        Case(yaml: "version: 1\nclusters:\n  c: big\n", code: "manifest.type", line: 3, column: 6, fragment: "found the string 'big'"),
        Case(yaml: "version: 1\nclusters:\n  c:\n    objects: orders\n", code: "manifest.type", line: 4, column: 14, fragment: "expected 'objects' to be a list"),
        Case(yaml: "version: 1\nclusters:\n  c:\n    replication_factor: two\n", code: "manifest.type", line: 4, column: 25, fragment: "expected 'replication_factor' to be an integer, found the string 'two'"),
        Case(yaml: "version: 1\nclusters:\n  c:\n    replication_factor: -1\n", code: "manifest.range", line: 4, column: 25, fragment: "at least 0"),
        Case(yaml: "version: 1\noptions:\n  stable_polls: 0\n", code: "manifest.range", line: 3, column: 17, fragment: "at least 1"),
        Case(yaml: "version: 1\noptions:\n  max_parallel_hydrations: 1.5\n", code: "manifest.type", line: 3, column: 28, fragment: "found the number 1.5"),
        Case(yaml: "version: 1\noptions:\n  drop_empty_clusters: \"yes\"\n", code: "manifest.type", line: 3, column: 24, fragment: "true or false"),
        Case(yaml: "version: 1\noptions:\n  allow: sink-recreate\n", code: "manifest.type", line: 3, column: 10, fragment: "[sink-recreate]"),
        Case(yaml: "version: 1\nclusters:\n  c:\n    objects:\n      - [a]\n", code: "manifest.type", line: 5, column: 9, fragment: "found a list"),
        Case(yaml: "version: 1\nclusters:\n  c:\n    objects:\n      -\n", code: "manifest.type", line: 5, column: 8, fragment: "found nothing (null)"),
        Case(yaml: "version: 1\noptions:\n  poll_interval: 2\n", code: "manifest.duration", line: 3, column: 18, fragment: "'2' has no unit"),
        Case(yaml: "version: 1\noptions:\n  poll_interval: 2sec\n", code: "manifest.duration", line: 3, column: 18, fragment: "unknown unit 'sec'"),
        Case(yaml: "version: 1\noptions:\n  hydration_timeout: 0m\n", code: "manifest.duration", line: 3, column: 22, fragment: "zero"),
        Case(yaml: "version: 1\nclusters:\n  c:\n    resize: blue_green\n", code: "manifest.resize", line: 4, column: 13,
             fragment: "unknown resize strategy 'blue_green' (did you mean 'blue-green'?); use one of auto, blue-green, graceful, restart"),
        Case(yaml: "version: 1\nclusters:\n  c:\n    resize: in-place\n", code: "manifest.resize", line: 4, column: 13, fragment: "use one of auto, blue-green, graceful, restart"),
        Case(yaml: "version: 1\nclusters:\n  c:\n    resize: [restart]\n", code: "manifest.type", line: 4, column: 13, fragment: "expected 'resize' to be one of"),
        Case(yaml: "version: 1\noptions:\n  resize_timeout: 0s\n", code: "manifest.duration", line: 3, column: 19, fragment: "zero"),
        Case(yaml: "version: 1\noptions:\n  memory_limit: 120%\n", code: "manifest.range", line: 3, column: 17, fragment: "between 1% and 100%"),
        Case(yaml: "version: 1\noptions:\n  memory_limit: 0\n", code: "manifest.range", line: 3, column: 17, fragment: "found 0%"),
        Case(yaml: "version: 1\noptions:\n  memory_limit: 0.9\n", code: "manifest.type", line: 3, column: 17, fragment: "a percentage such as 90%, found the number 0.9"),
        Case(yaml: "version: 1\noptions:\n  memory_limit: lots\n", code: "manifest.type", line: 3, column: 17, fragment: "a percentage such as 90%"),
        Case(yaml: "version: 1\noptions:\n  memory_limit: \"85\"\n", code: "manifest.type", line: 3, column: 17, fragment: "found the string '85'"),
        Case(yaml: "version: 1\noptions:\n  resize_timout: 10m\n", code: "manifest.unknown-key", line: 3, column: 3, fragment: "(did you mean 'resize_timeout'?)"),
        Case(yaml: "version: 1\nclusters:\n  c:\n    size: \"\"\n", code: "manifest.size", line: 4, column: 11, fragment: "an empty size"),
        Case(yaml: "version: 1\nclusters:\n  c:\n    size: 200 cc\n", code: "manifest.size", line: 4, column: 11, fragment: "'200 cc' is not a valid size"),
        Case(yaml: "version: 1\nclusters:\n  c:\n    size: -big\n", code: "manifest.size", line: 4, column: 11, fragment: "such as 25cc"),
        Case(yaml: "version: 1\nclusters:\n  \"\": {}\n", code: "manifest.name", line: 3, column: 3, fragment: "cluster name is empty"),
        Case(yaml: "version: 1\nschema: ~\n", code: "manifest.type", line: 2, column: 9, fragment: "expected a schema name"),
        Case(yaml: "version: 1\nclusters:\n  c:\n    objects: [\"a b\"]\n", code: "manifest.name", line: 4, column: 15, fragment: "double quotes"),
        Case(yaml: "version: 1\nclusters:\n  c:\n    objects:\n      - name: \"orders_*\"\n", code: "manifest.name", line: 5, column: 15, fragment: "use 'match: orders_*'"),
        Case(yaml: "version: 1\nclusters:\n  c:\n    objects:\n      - match: orders\n", code: "manifest.name", line: 5, column: 16, fragment: "use 'name: orders'"),
        Case(yaml: "version: 1\nclusters:\n  c:\n    objects:\n      - {name: a, match: \"b*\"}\n", code: "manifest.entry", line: 5, column: 19, fragment: "exactly one of 'name' and 'match'"),
        Case(yaml: "version: 1\nclusters:\n  c:\n    objects:\n      - kind: index\n", code: "manifest.entry", line: 5, column: 9, fragment: "neither 'name' nor 'match'"),
        Case(yaml: "version: 1\nclusters:\n  c:\n    objects:\n      - {name: t, kind: table}\n", code: "manifest.kind", line: 5, column: 25, fragment: "has no cluster of its own"),
        Case(yaml: "version: 1\nclusters:\n  c:\n    objects:\n      - {name: t, kind: subsource}\n", code: "manifest.kind", line: 5, column: 25, fragment: "place the source instead"),
        Case(yaml: "version: 1\nclusters:\n  c:\n    objects:\n      - {name: t, kind: indx}\n", code: "manifest.kind", line: 5, column: 25, fragment: "unknown kind 'indx' (did you mean 'index'?)"),
        Case(yaml: "version: 1\nclusters:\n  c:\n    objects:\n      - {name: t, strategy: rename}\n", code: "manifest.strategy", line: 5, column: 29, fragment: "chosen automatically"),
        Case(yaml: "version: 1\nclusters:\n  c:\n    objects:\n      - {name: t, strategy: replase}\n", code: "manifest.strategy", line: 5, column: 29, fragment: "(did you mean 'replace'?)"),
        Case(yaml: "version: 1\nclusters:\n  c:\n    objects:\n      - {name: t, kind: index, strategy: replace}\n", code: "manifest.strategy", line: 5, column: 42, fragment: "does not apply to a index; use one of auto, rebuild"),
        Case(yaml: "version: 1\nclusters:\n  c:\n    objects:\n      - {name: t, allow: [sink-recreat]}\n", code: "manifest.hazard", line: 5, column: 27, fragment: "(did you mean 'sink-recreate'?)"),
        Case(yaml: "version: 1\noptions:\n  allow: [cascade-drop, frontier-gap]\n", code: "manifest.hazard", line: 3, column: 25, fragment: "can never be allowed"),
        Case(yaml: "version: 1\nclusters:\n  c:\n    objects:\n      - {name: t, allow: [frontier-gap]}\n", code: "manifest.hazard", line: 5, column: 27, fragment: "can never be allowed"),
    ]

    @Test("each error class is reported at its exact position", arguments: cases)
    func reported(_ example: Case) {
        let diagnostics = ManifestTest.diagnostics(example.yaml)
        #expect(diagnostics.count == 1, "\(diagnostics)")
        let diagnostic = diagnostics.first
        #expect(diagnostic?.severity == .error)
        #expect(diagnostic?.code == example.code)
        #expect(diagnostic?.location == FileLocation(file: "m.yaml", line: example.line, column: example.column))
        #expect(diagnostic?.message.contains(example.fragment) == true, "\(diagnostic?.message ?? "")")
    }

    @Test("all errors are reported at once, sorted by position, with snippets")
    func allAtOnce() {
        let yaml = "version: 1\noptions:\n  poll_interval: 2x\nclusters:\n  c:\n    sise: 1\n    objects: [{name: t, kind: tabel}]\n"
        let diagnostics = ManifestTest.diagnostics(yaml)
        #expect(diagnostics.map(\.code) == ["manifest.duration", "manifest.unknown-key", "manifest.kind"])
        #expect(diagnostics.map { $0.location?.line } == [3, 6, 7])
        #expect(diagnostics[1].snippet == "    sise: 1\n    ^")
        #expect(diagnostics[1].description.hasPrefix("m.yaml:6:5: error: unknown key 'sise' in cluster 'c' (did you mean 'size'?)"))
    }
}
