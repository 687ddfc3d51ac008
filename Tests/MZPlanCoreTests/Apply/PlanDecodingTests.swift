@testable import MZPlanCore
import Testing

@Suite struct PlanDecodingTests {
    @Test("display names parse back, quoted parts included", arguments: [
        "materialize.public.orders",
        "\"My DB\".public.\"Order Items\"",
        "materialize.\"a.b\".\"weird\"\"name\"",
    ])
    func displayNames(text: String) throws {
        let name = try #require(QualifiedName(display: text))
        #expect(name.description == text)
    }

    @Test("malformed display names are refused", arguments: ["a.b", "a.b.c.d", "\"open.b.c", "a..c"])
    func badNames(text: String) {
        #expect(QualifiedName(display: text) == nil)
    }

    @Test("rule locations read back, a file with ':' in its name included; anything else is no location", arguments: [
        ("mzplan.yaml:34:9", "mzplan.yaml", 34, 9), ("C:/deploy/m.yaml:2:7", "C:/deploy/m.yaml", 2, 7),
    ])
    func ruleLocation(_ text: String, _ file: String, _ line: Int, _ column: Int) {
        #expect(SourceLocation(parsing: text) == SourceLocation(file: file, line: line, column: column))
        #expect(SourceLocation(parsing: text)?.description == text)
    }

    @Test("malformed rule locations are nil", arguments: ["mzplan.yaml", "m.yaml:3", "m.yaml:0:1", "m.yaml:x:1", "m.yaml:3:-1"])
    func malformedRuleLocation(_ text: String) {
        #expect(SourceLocation(parsing: text) == nil)
    }

    @Test("a plan with a missing member names its JSON path")
    func missingMember() {
        #expect(throws: DiagnosticsError.self) {
            try Plan.decode(Array("{\"format\": \"mzplan.plan.v1\", \"fingerprint\": \"x\"}".utf8), file: "p.json")
        }
        do {
            _ = try Plan.decode(Array("{\"format\": \"mzplan.plan.v1\", \"fingerprint\": \"x\"}".utf8), file: "p.json")
        } catch {
            #expect(error.diagnostics.first?.message.contains("$.created_at_ms") == true)
        }
    }

    @Test("a document that is not JSON is refused with a position")
    func notJSON() {
        #expect(throws: DiagnosticsError.self) { try Plan.decode(Array("{\"format\": ".utf8), file: "p.json") }
    }
}
