import Testing
@testable import MZPlanCore

@Suite struct ManifestLoaderTests {
    @Test("a realistic manifest loads into the expected model")
    func realisticManifest() throws {
        let path = ManifestTest.fixturePath("realistic.yaml")
        let loaded = try ManifestLoader.load([ManifestSource.read(path: path)])
        let manifest = loaded.manifest
        #expect(loaded.warnings.isEmpty)
        #expect(manifest.clusters.map(\.name) == ["ingest", "transform", "serving"])
        func at(_ line: Int, _ column: Int) -> FileLocation { FileLocation(file: path, line: line, column: column) }

        let ingest = manifest.clusters[0]
        #expect(ingest.location == at(6, 3))
        #expect(ingest.size == nil && ingest.replicationFactor == nil)
        #expect(ingest.rules.map(\.pattern) == [
            ManifestTest.exact("materialize", "public", "pg_orders"),
            ManifestTest.exact("materialize", "public", "kafka_clicks"),
        ])
        #expect(ingest.rules.map(\.location) == [at(7, 15), at(7, 26)])

        let transform = manifest.clusters[1]
        #expect(transform.size == "200cc" && transform.sizeLocation == at(9, 11))
        #expect(transform.replicationFactor == 1 && transform.replicationFactorLocation == at(10, 25))
        let glob = transform.rules[1]
        #expect(glob.pattern.description == "materialize.analytics.*")
        #expect(glob.pattern.isGlob && glob.kind == .materializedView && glob.precedence == 1)
        #expect(glob.location == at(13, 9))
        let quoted = transform.rules[2]
        #expect(quoted.pattern.exactName == QualifiedName(database: "materialize", schema: "public", name: "Order Items"))
        #expect(quoted.strategy == .replace && quoted.location == at(15, 9))

        let serving = manifest.clusters[2]
        #expect(serving.rules.map(\.kind) == [.index, nil, nil])
        #expect(serving.rules[1].strategy == .recreate && serving.rules[1].allow == [.sinkRecreate])
        #expect(serving.rules[2].pattern.description == "other_db.reporting.daily_*")
        #expect(serving.rules[2].precedence == 0)
        #expect(manifest.rules.count == 8)
        #expect(manifest.rules.allSatisfy { rule in manifest.clusters.contains { $0.name == rule.cluster && $0.rules.contains(rule) } })

        #expect(manifest.unmanaged.map(\.pattern.description) == ["materialize.scratch.*", "materialize.public.tmp_?"])
        #expect(manifest.unmanaged.map(\.location) == [at(22, 13), at(22, 26)])

        var options = PlanOptions()
        options.lagThresholdMs = 1000
        options.stablePolls = 3
        options.pollIntervalMs = 500
        options.hydrationTimeoutMs = 90 * 60 * 1000
        options.maxParallelHydrations = 2
        options.dropEmptyClusters = true
        options.allow = [.clusterRestart]
        #expect(manifest.options == options)
    }

    @Test("a minimal manifest gets the documented defaults")
    func minimalManifest() throws {
        let loaded = try ManifestTest.load("version: 1\n")
        #expect(loaded.manifest == Manifest())
        #expect(loaded.manifest.options.pollIntervalMs == 2000)
        #expect(loaded.manifest.options.memoryLimitPercent == 90)
    }

    @Test("memory_limit is a percentage, written 80% or 80")
    func memoryLimit() throws {
        #expect(try ManifestTest.load("version: 1\noptions:\n  memory_limit: 80%\n").manifest.options.memoryLimitPercent == 80)
        #expect(try ManifestTest.load("version: 1\noptions:\n  memory_limit: 100\n").manifest.options.memoryLimitPercent == 100)
    }

    @Test("'database' and 'schema' qualify unqualified names, literally")
    func defaultsQualifyNames() throws {
        let yaml = ManifestTest.versioned("""
        database: Sales
        schema: "EU"
        clusters: {c: {objects: [a, x.b, "y.z.c"]}}
        unmanaged: [tmp]
        """)
        let manifest = try ManifestTest.load(yaml).manifest
        #expect(manifest.rules.map(\.pattern.description) == ["\"Sales\".\"EU\".a", "\"Sales\".x.b", "y.z.c"])
        #expect(manifest.unmanaged[0].pattern.exactName == QualifiedName(database: "Sales", schema: "EU", name: "tmp"))
    }

    @Test("'strategy: auto' is stored as no strategy, and empty sections are allowed")
    func autoAndEmptySections() throws {
        let yaml = ManifestTest.versioned("clusters:\n  a:\n  b:\n    objects:\n      - {name: x, strategy: auto}\nunmanaged:\noptions:\n")
        let manifest = try ManifestTest.load(yaml).manifest
        #expect(manifest.clusters.map(\.name) == ["a", "b"])
        #expect(manifest.rules.first?.strategy == nil)
    }

    @Test("allowing a warning-only hazard is a warning, not an error")
    func warningHazard() throws {
        let loaded = try ManifestTest.load(ManifestTest.versioned("options:\n  allow: [index-locality, sink-recreate]\n"))
        #expect(loaded.warnings.map(\.code) == ["manifest.hazard-warning"])
        #expect(loaded.warnings.first?.location == FileLocation(file: "m.yaml", line: 3, column: 11))
        #expect(loaded.manifest.options.allow == [.indexLocality, .sinkRecreate])
    }

    @Test("reading a file that does not exist names the path")
    func missingFile() {
        #expect {
            try ManifestSource.read(path: "/nonexistent/mzplan.yaml")
        } throws: { error in
            let diagnostics = (error as? DiagnosticsError)?.diagnostics ?? []
            return diagnostics.map(\.code) == ["manifest.read"] && diagnostics[0].message.contains("/nonexistent/mzplan.yaml")
        }
    }
}
