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
