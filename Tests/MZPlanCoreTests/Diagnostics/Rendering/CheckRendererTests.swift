import Foundation
import MZPlanTestSupport
import Testing
@testable import MZPlanCore

/// The `mzplan check` report: text, JSON and GitHub annotations, and plan hazards placed on manifest lines.
@Suite struct CheckRendererTests {
    let file = "m.yaml"

    var unknownKey: Diagnostic {
        Diagnostic(.error, code: "manifest.unknown-key", "unknown key 'sizee'",
                   at: SourceLocation(file: file, line: 3, column: 5), snippet: "    sizee: 1\n    ^")
    }

    var globWarning: Diagnostic {
        Diagnostic(.warning, code: "plan.glob", "'x.*' matches nothing", at: SourceLocation(file: file, line: 7, column: 9))
    }

    @Test("text: every finding with its snippet, then a summary line")
    func text() {
        let output = CheckRenderer().render(CheckReport(diagnostics: [unknownKey, globWarning]), format: .text)
        #expect(output == """
            m.yaml:3:5: error: unknown key 'sizee'
                sizee: 1
                ^

            m.yaml:7:9: warning: 'x.*' matches nothing

            FAILED: 1 error, 1 warning in 1 manifest.

            """)
    }

    @Test("text: colors only when asked, on the headline")
    func color() {
        let output = CheckRenderer().render(CheckReport(diagnostics: [unknownKey]), format: .text, color: true)
        #expect(output.hasPrefix("\u{1B}[31mm.yaml:3:5: error: unknown key 'sizee'\u{1B}[0m\n    sizee: 1"))
        #expect(!CheckRenderer().render(CheckReport(diagnostics: [unknownKey]), format: .text).contains("\u{1B}"))
    }

    @Test("summary lines", arguments: [
        (CheckReport(diagnostics: []), "OK: 1 manifest is valid (offline: names were not resolved; pass --catalog to plan)."),
        (CheckReport(diagnostics: [], fileCount: 2), "OK: 2 manifests are valid (offline: names were not resolved; pass --catalog to plan)."),
        (CheckReport(diagnostics: [Diagnostic(.warning, code: "w", "w")]), "OK: 1 manifest is valid with 1 warning (offline: names were not resolved; pass --catalog to plan)."),
        (CheckReport(diagnostics: [Diagnostic(.error, code: "e", "e"), Diagnostic(.error, code: "e", "e")], fileCount: 3), "FAILED: 2 errors in 3 manifests."),
        (CheckReport(diagnostics: [], plan: Plan(fingerprint: "sha256:0", summary: PlanSummary())), "OK: 1 manifest is valid; plan: no changes."),
    ])
    func summary(report: CheckReport, expected: String) {
        #expect(CheckRenderer().summary(report) == expected)
    }

    @Test("json: the documented mzplan.check.v1 shape, null places for findings without one")
    func json() throws {
        let report = CheckReport(diagnostics: [unknownKey, Diagnostic(.error, code: "manifest.read", "no such file")])
        let object = try #require(try JSONSerialization.jsonObject(with: Data(report.json().utf8)) as? [String: Any])
        #expect(object["format"] as? String == "mzplan.check.v1")
        #expect(object["ok"] as? Bool == false)
        #expect(object["plan"] is NSNull)
        let diagnostics = try #require(object["diagnostics"] as? [[String: Any]])
        #expect(diagnostics.count == 2)
        #expect(diagnostics[0]["severity"] as? String == "error")
        #expect(diagnostics[0]["code"] as? String == "manifest.unknown-key")
        #expect(diagnostics[0]["file"] as? String == "m.yaml")
        #expect(diagnostics[0]["line"] as? Int == 3)
        #expect(diagnostics[0]["column"] as? Int == 5)
        #expect(diagnostics[1]["file"] is NSNull)
        #expect(diagnostics[1]["line"] is NSNull)
        #expect(Array(diagnostics[0].keys).sorted() == ["code", "column", "file", "line", "message", "severity"])
        #expect(report.json().hasPrefix("{\n  \"format\": \"mzplan.check.v1\",\n  \"ok\": false,\n  \"diagnostics\": ["))
    }

    @Test("github: error, warning and notice commands with file, line, col and title")
    func github() {
        let note = Diagnostic(.note, code: "hazard.sink-recreate", "allowed")
        let output = CheckRenderer().render(CheckReport(diagnostics: [unknownKey, globWarning, note]), format: .github)
        #expect(output == """
            ::error file=m.yaml,line=3,col=5,title=mzplan manifest.unknown-key::unknown key 'sizee'
            ::warning file=m.yaml,line=7,col=9,title=mzplan plan.glob::'x.*' matches nothing
            ::notice title=mzplan hazard.sink-recreate::allowed
            FAILED: 1 error, 1 warning in 1 manifest.

            """)
    }

    @Test("github escaping: %, CR and LF in messages; also : and , in properties", arguments: [
        ("100% done", "100%25 done", "100%25 done"),
        ("a\r\nb", "a%0D%0Ab", "a%0D%0Ab"),
        ("a:b,c", "a:b,c", "a%3Ab%2Cc"),
        ("%0A", "%250A", "%250A"),
    ])
    func escaping(raw: String, data: String, property: String) {
        #expect(GitHubAnnotation.escapeData(raw) == data)
        #expect(GitHubAnnotation.escapeProperty(raw) == property)
    }

    @Test("a file name with a comma or colon cannot break the annotation's properties")
    func hostileFileName() {
        let diagnostic = Diagnostic(.error, code: "c", "line one\nline two", at: SourceLocation(file: "a,b:c.yaml", line: 1, column: 2))
        #expect(GitHubAnnotation(diagnostic).line == "::error file=a%2Cb%3Ac.yaml,line=1,col=2,title=mzplan c::line one%0Aline two")
    }

    @Test("plan hazards become findings on the rule that placed the object: blocked is an error, allowed a note")
    func findings() throws {
        let root = repositoryRoot()
        let manifest = try ManifestLoader.load([ManifestSource.read(path: root.appendingPathComponent("examples/shop/mzplan.yaml").path)]).manifest
        let catalogBytes = try [UInt8](Data(contentsOf: root.appendingPathComponent("examples/shop/catalog.json")))
        let catalog = try CatalogSnapshot.decode(catalogBytes, file: "catalog.json")
        let blocked = try Planner.plan(manifest: manifest, catalog: catalog).plan.findings(manifest: manifest)
        let source = try #require(blocked.first { $0.code == "hazard.source-recreate" })
        #expect(source.severity == .error)
        #expect(source.location?.line == 18)
        #expect(source.location?.column == 15)
        #expect(source.message.hasPrefix("source materialize.public.kafka_clicks (ingest → ingest_kafka, recreate) is blocked by source-recreate: "))
        #expect(source.message.contains("; remedies: "))
        let glob = try #require(blocked.first { $0.message.contains("orders_by_region_idx") })
        #expect(glob.severity == .warning)
        #expect(glob.location?.line == 36, "the *_idx glob on serving")

        let allowed = try Planner.plan(manifest: manifest, catalog: catalog, allow: [.sourceRecreate, .cascadeDrop]).plan.findings(manifest: manifest)
        #expect(allowed.first { $0.code == "hazard.source-recreate" }?.severity == .note)
        #expect(!allowed.contains { $0.severity == .error })
    }
}
