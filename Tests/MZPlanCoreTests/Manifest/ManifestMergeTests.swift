import Testing
@testable import MZPlanCore

/// Several `-f` files merged into one manifest, and conflicts that name both positions.
@Suite struct ManifestMergeTests {
    private func sources(_ files: (String, String)...) -> [ManifestSource] {
        files.map { ManifestSource(path: $0.0, text: $0.1) }
    }

    @Test("two files merge: clusters in first-appearance order, rules in file order, own defaults")
    func merge() throws {
        let team1 = "version: 1\nschema: sales\nclusters:\n  serving:\n    size: 100cc\n    objects: [orders_idx]\n  ingest:\n    objects: [pg]\nunmanaged: [\"tmp_*\"]\n"
        let team2 = "version: 1\nschema: ads\nclusters:\n  compute:\n    objects: [clicks_mv]\n  serving:\n    size: 100cc\n    replication_factor: 2\n    objects: [clicks_idx]\nunmanaged: [scratch.x]\noptions:\n  stable_polls: 5\n"
        let manifest = try ManifestLoader.load(sources(("a.yaml", team1), ("b.yaml", team2))).manifest
        #expect(manifest.clusters.map(\.name) == ["serving", "ingest", "compute"])
        let serving = manifest.clusters[0]
        #expect(serving.location == FileLocation(file: "a.yaml", line: 4, column: 3))
        #expect(serving.size == "100cc" && serving.sizeLocation?.file == "a.yaml")
        #expect(serving.replicationFactor == 2 && serving.replicationFactorLocation?.file == "b.yaml")
        #expect(serving.rules.map(\.pattern.description) == ["materialize.sales.orders_idx", "materialize.ads.clicks_idx"])
        #expect(manifest.unmanaged.map(\.pattern.description) == ["materialize.sales.tmp_*", "materialize.scratch.x"])
        #expect(manifest.options.stablePolls == 5)
    }

    @Test("an option set to the same value in two files is fine")
    func sameOption() throws {
        let text = "version: 1\noptions:\n  poll_interval: 2s\n"
        let manifest = try ManifestLoader.load(sources(("a.yaml", text), ("b.yaml", "version: 1\noptions:\n  poll_interval: 2000ms\n"))).manifest
        #expect(manifest.options.pollIntervalMs == 2000)
    }

    struct Conflict: Sendable, CustomTestStringConvertible {
        var name: String
        var first: String
        var second: String
        var at: FileLocation
        var other: String
        var fragment: String
        var testDescription: String { name }
    }

    static let conflicts: [Conflict] = [
        Conflict(
            name: "size differs", first: "version: 1\nclusters:\n  c:\n    size: 100cc\n",
            second: "version: 1\nclusters:\n  c:\n    size: 200cc\n",
            at: FileLocation(file: "b.yaml", line: 4, column: 11), other: "a.yaml:4:11", fragment: "size 200cc here but 100cc"),
        Conflict(
            name: "replication factor differs", first: "version: 1\nclusters:\n  c:\n    replication_factor: 1\n",
            second: "version: 1\nclusters:\n  c:\n    replication_factor: 2\n",
            at: FileLocation(file: "b.yaml", line: 4, column: 25), other: "a.yaml:4:25", fragment: "replication_factor 2 here but 1"),
        Conflict(
            name: "resize differs", first: "version: 1\nclusters:\n  c:\n    resize: graceful\n",
            second: "version: 1\nclusters:\n  c:\n    resize: restart\n",
            at: FileLocation(file: "b.yaml", line: 4, column: 13), other: "a.yaml:4:13", fragment: "resize restart here but graceful"),
        Conflict(
            name: "option differs", first: "version: 1\noptions:\n  hydration_timeout: 30m\n",
            second: "version: 1\noptions:\n  hydration_timeout: 1h\n",
            at: FileLocation(file: "b.yaml", line: 3, column: 22), other: "a.yaml:3:22", fragment: "option 'hydration_timeout'"),
        Conflict(
            name: "allow lists differ", first: "version: 1\noptions:\n  allow: [cluster-drop]\n",
            second: "version: 1\noptions:\n  allow: [cluster-drop, sink-recreate]\n",
            at: FileLocation(file: "b.yaml", line: 3, column: 10), other: "a.yaml:3:10", fragment: "option 'allow'"),
        Conflict(
            name: "exact name in two clusters across files", first: "version: 1\nclusters:\n  a:\n    objects: [orders]\n",
            second: "version: 1\nclusters:\n  b:\n    objects: [public.orders]\n",
            at: FileLocation(file: "b.yaml", line: 4, column: 15), other: "a.yaml:4:15", fragment: "placed on cluster 'b' here and on cluster 'a'"),
        Conflict(
            name: "same entry in both files", first: "version: 1\nclusters:\n  a:\n    objects: [orders]\n",
            second: "version: 1\nclusters:\n  a:\n    objects:\n      - {name: ORDERS, kind: index}\n",
            at: FileLocation(file: "b.yaml", line: 5, column: 9), other: "a.yaml:4:15", fragment: "listed twice for cluster 'a'"),
    ]

    @Test("a conflict between files is an error at the second position naming the first", arguments: conflicts)
    func conflict(_ example: Conflict) {
        let diagnostics = ManifestTest.diagnostics(sources(("a.yaml", example.first), ("b.yaml", example.second)))
        #expect(diagnostics.map(\.code) == ["manifest.conflict"])
        #expect(diagnostics.first?.location == example.at)
        #expect(diagnostics.first?.message.contains(example.other) == true, "\(diagnostics)")
        #expect(diagnostics.first?.message.contains(example.fragment) == true, "\(diagnostics)")
    }

    @Test("exact names in different clusters of one file conflict; kinds that exclude each other do not")
    func conflictInOneFile() {
        let yaml = ManifestTest.versioned("""
        clusters:
          a:
            objects: [x, {name: y, kind: index}]
          b:
            objects: [{name: x, kind: sink}, {name: y, kind: materialized-view}, "x*"]
        """)
        let diagnostics = ManifestTest.diagnostics(yaml)
        #expect(diagnostics.map(\.code) == ["manifest.conflict"])
        #expect(diagnostics.first?.location == FileLocation(file: "m.yaml", line: 6, column: 15))
        #expect(diagnostics.first?.message.contains("m.yaml:4:15") == true)
    }

    @Test("errors from several files are all reported, sorted by file then position")
    func errorsFromSeveralFiles() {
        let diagnostics = ManifestTest.diagnostics(sources(("b.yaml", "version: 3\n"), ("a.yaml", "version: 1\nfoo: 1\n")))
        #expect(diagnostics.map(\.location?.description) == ["a.yaml:2:1", "b.yaml:1:10"])
        #expect(diagnostics.allSatisfy { $0.snippet != nil })
    }

    @Test("no file at all is an error")
    func noFiles() {
        #expect(ManifestTest.diagnostics([ManifestSource]()).map(\.code) == ["manifest.empty"])
    }
}
