import Testing
@testable import MZPlanCore

/// YAML-level errors: syntax, duplicate keys, and the snippet with its caret.
@Suite struct ManifestSyntaxTests {
    @Test("a duplicate key is reported at its second occurrence, naming the first", arguments: [
        ("version: 1\nb: 2\nversion: 1\n", 3, 1, "duplicate key 'version' (first at 1:1)"),
        ("version: 1\nclusters:\n  c:\n    size: 1cc\n    size: 2cc\n", 5, 5, "duplicate key 'size' (first at 4:5)"),
        ("version: 1\nclusters: {a: {}, 'a': {}}\n", 2, 19, "duplicate key 'a' (first at 2:12)"),
        ("version: 1\noptions: {stable_polls: 2, stable_polls: 3}\n", 2, 28, "duplicate key 'stable_polls' (first at 2:11)"),
    ])
    func duplicateKey(yaml: String, line: Int, column: Int, message: String) {
        let diagnostics = ManifestTest.diagnostics(yaml)
        #expect(diagnostics.map(\.code) == ["manifest.duplicate-key"])
        #expect(diagnostics.first?.location == FileLocation(file: "m.yaml", line: line, column: column))
        #expect(diagnostics.first?.message.hasPrefix(message) == true)
    }

    @Test("every duplicate key is reported, not just the alphabetically first")
    func severalDuplicates() {
        let diagnostics = ManifestTest.diagnostics("version: 1\nz: 1\na: 1\nz: 2\na: 2\n")
        #expect(diagnostics.map { String($0.message.prefix(17)) } == ["duplicate key 'z'", "duplicate key 'a'"])
        #expect(diagnostics.map { $0.location?.line } == [4, 5])
    }

    @Test("a long mapping finds its duplicates through an index, naming the first occurrence")
    func duplicatesInLongMapping() {
        let clusters = (0..<40).map { "  c\($0): {}\n" }.joined()
        let diagnostics = ManifestTest.diagnostics("version: 1\nclusters:\n" + clusters + "  c5: {}\n  c30: {}\n  c5: {}\n")
        #expect(diagnostics.map { String($0.message.prefix(while: { $0 != ";" })) } == [
            "duplicate key 'c5' (first at 8:3)", "duplicate key 'c30' (first at 33:3)", "duplicate key 'c5' (first at 8:3)",
        ])
        #expect(diagnostics.map { $0.location?.line } == [43, 44, 45])
    }

    @Test("an explicit tag decides a scalar's type; untagged, a quoted scalar is a string and a plain one is resolved", arguments: [
        ("version: !!str 1\n", "found the string '1'"),
        ("version: ! 1\n", "found the string '1'"),
        ("version: '1'\n", "found the string '1'"),
        ("version: !!float 1\n", "found the number 1"),
        ("version: 1.0\n", "found the number 1.0"),
        ("version: yes\n", "found the boolean yes"),
        ("version: !!bool 1\n", "found the boolean 1"),
        ("version: ~\n", "found nothing (null)"),
        ("version: !!null 1\n", "found nothing (null)"),
        ("version: 2024-01-01\n", "found the string '2024-01-01'"),
        ("version: !!int 1\n", nil),
        ("version: 0x1\n", nil),
    ] as [(String, String?)])
    func scalarTypes(yaml: String, found: String?) {
        let diagnostics = ManifestTest.diagnostics(yaml)
        if let found {
            #expect(diagnostics.map(\.code) == ["manifest.version"])
            #expect(diagnostics.first?.message.contains(found) == true, "\(diagnostics)")
        } else {
            #expect(diagnostics.isEmpty, "\(diagnostics)")
        }
    }

    @Test("a custom tag leaves a name readable, and a null-tagged mapping value is nothing")
    func customTags() throws {
        let loaded = try ManifestTest.load("version: 1\nunmanaged: !!null x\nclusters:\n  c:\n    objects: [!obj orders]\n")
        #expect(loaded.manifest.clusters.map(\.name) == ["c"])
        #expect(loaded.manifest.clusters.first?.rules.map(\.pattern.description) == ["materialize.public.orders"])
        #expect(loaded.manifest.unmanaged.isEmpty)
    }

    @Test("syntax errors have a position and a short message, not the whole document", arguments: [
        ("version: 1\nclusters: [1, 2\nb: 3\n", 3, 2, "did not find expected ',' or ']'"),
        ("version: 1\na: b: c\n", 2, 5, "mapping values are not allowed in this context"),
        ("version: 1\nclusters:\n\tc: {}\n", 3, 1, "found character that cannot start any token"),
        ("version: 1\nschema: \"open\n", 4, 1, "while scanning a quoted scalar at 2:9"),
        ("version: 1\nclusters: *nope\n", 2, 11, "manifest.alias"),
    ])
    func syntaxError(yaml: String, line: Int, column: Int, fragment: String) {
        let diagnostics = ManifestTest.diagnostics(yaml + "# SECRET-TAIL\n")
        #expect(diagnostics.count == 1, "\(diagnostics)")
        let diagnostic = diagnostics.first
        #expect(diagnostic?.location == FileLocation(file: "m.yaml", line: line, column: column))
        #expect(diagnostic.map { $0.message.contains(fragment) || $0.code == fragment } == true, "\(diagnostic?.message ?? "")")
        #expect(diagnostic?.description.contains("SECRET-TAIL") == false)
    }

    @Test("the snippet shows the line with a caret under the column")
    func snippet() {
        let diagnostic = ManifestTest.diagnostics("version: 1\nclusters:\n  c:\n    objects: [{name: t, kind: tabel}]\n").first
        #expect(diagnostic?.snippet == "    objects: [{name: t, kind: tabel}]\n                              ^")
    }

    @Test("tabs before the column are kept in the caret line")
    func snippetWithTabs() {
        let diagnostic = ManifestTest.diagnostics("version:\t2\n").first
        #expect(diagnostic?.location?.column == 10)
        #expect(diagnostic?.snippet == "version:\t2\n        \t^")
    }

    @Test("columns count unicode scalars")
    func unicodeColumns() {
        let diagnostic = ManifestTest.diagnostics("version: 1\nclusters: {\"é\": {sise: 1}}\n").first
        #expect(diagnostic?.location == FileLocation(file: "m.yaml", line: 2, column: 18))
        #expect(diagnostic?.snippet == "clusters: {\"é\": {sise: 1}}\n                 ^")
    }

    @Test("a very long line is cut to a window around the column")
    func longLine() {
        let snippet = SourceSnippet(text: String(repeating: "x", count: 1000) + "!").snippet(line: 1, column: 1001)
        let lines = snippet?.split(separator: "\n", omittingEmptySubsequences: false) ?? []
        #expect(lines.count == 2)
        #expect(lines[0].hasPrefix("…") && lines[0].hasSuffix("x!"))
        #expect(lines[1].count == lines[0].count && lines[1].last == "^")
    }

    @Test("CRLF line endings give the same positions")
    func crlf() {
        let diagnostic = ManifestTest.diagnostics("version: 1\r\nclusters:\r\n  c:\r\n    sise: 1\r\n").first
        #expect(diagnostic?.location == FileLocation(file: "m.yaml", line: 4, column: 5))
        #expect(diagnostic?.snippet == "    sise: 1\n    ^")
    }
}
