import Foundation
import MZPlanTestSupport
import Testing

@testable import MZPlanCore

@Suite struct PlanRendererTests {
    let renderer = PlanRenderer()

    @Test("every format matches its golden file", arguments: PlanFixture.allCases, PlanFormat.allCases)
    func golden(fixture: PlanFixture, format: PlanFormat) {
        let output = renderer.render(fixture.plan, format: format, color: false)
        assertSnapshot(output, named: fixture.rawValue, pathExtension: format.snapshotExtension)
    }

    @Test("text with color matches its golden file", arguments: [PlanFixture.moves, .blocked])
    func goldenColor(fixture: PlanFixture) {
        let output = renderer.render(fixture.plan, format: .text, color: true)
        assertSnapshot(output, named: fixture.rawValue + ".color", pathExtension: "txt")
    }

    @Test("two renders give the same bytes", arguments: PlanFixture.allCases, PlanFormat.allCases)
    func deterministic(fixture: PlanFixture, format: PlanFormat) {
        let first = renderer.render(fixture.plan, format: format, color: format == .text)
        let second = renderer.render(fixture.plan, format: format, color: format == .text)
        #expect(Array(first.utf8) == Array(second.utf8))
        #expect(first.hasSuffix("\n"))
        #expect(!first.hasSuffix("\n\n"))
    }

    @Test("ANSI colors appear only in text, and only when asked", arguments: PlanFixture.allCases)
    func colorsOnlyWhenAsked(fixture: PlanFixture) {
        for format in PlanFormat.allCases where format != .sql {
            // The hostile plan has an ESC in a name: it must come out escaped, never raw.
            let plain = renderer.render(fixture.plan, format: format, color: false)
            #expect(!plain.contains("\u{1B}"), "\(format) without color")
            let colored = renderer.render(fixture.plan, format: format, color: true)
            if format == .text, fixture != .empty {
                #expect(colored.contains("\u{1B}["))
            } else {
                #expect(colored == plain, "\(format) with color")
            }
        }
    }

    @Test("sql prints every runnable statement byte for byte and comments out blocked ones", arguments: PlanFixture.allCases)
    func sqlIsFaithful(fixture: PlanFixture) {
        let sql = renderer.render(fixture.plan, format: .sql)
        let blocked = Set(fixture.plan.moves.filter(\.isBlocked).flatMap(\.steps) + fixture.plan.clusters.filter(\.isBlocked).flatMap(\.steps))
        for step in fixture.plan.steps {
            let commented = (step.sql + ";").split(separator: "\n", omittingEmptySubsequences: false).map { "-- " + $0 }.joined(separator: "\n")
            #expect(sql.contains((blocked.contains(step.id) ? commented : step.sql + ";") + "\n"), "step \(step.id)")
        }
    }

    @Test("hostile names cannot break out of sql comments")
    func sqlCommentsStayComments() {
        let plan = PlanFixture.hostile.plan
        let sql = renderer.render(plan, format: .sql)
        let statementLines = Set(plan.steps.flatMap { ($0.sql + ";").split(separator: "\n").map(String.init) })
        for line in sql.split(separator: "\n").map(String.init) where !line.hasPrefix("--") {
            #expect(statementLines.contains(line), "line outside a comment: \(line)")
        }
    }

    @Test("markdown table rows keep their column count", arguments: PlanFixture.allCases)
    func markdownTables(fixture: PlanFixture) {
        let markdown = renderer.render(fixture.plan, format: .markdown)
        var columns: Int?
        for line in markdown.split(separator: "\n", omittingEmptySubsequences: false) {
            guard line.hasPrefix("| ") else {
                columns = nil
                continue
            }
            let pipes = Self.unescapedPipes(in: line)
            if let columns { #expect(pipes == columns, "\(line)") } else { columns = pipes }
        }
    }

    @Test("markdown escapes HTML and markup in prose, and keeps names in code spans")
    func markdownEscapes() {
        let markdown = renderer.render(PlanFixture.hostile.plan, format: .markdown)
        #expect(markdown.contains("lose \\`drop; table\\` &lt;b&gt;now&lt;/b&gt; \\* \\_x\\_"))
        #expect(markdown.contains("run them on new&lt;cluster&gt; \\| elsewhere\\\\nsecond line"))
        #expect(markdown.contains("| ``materialize.public.\"line\\nbreak `tick` \\| <b>#x</b> \\u{1b}[31mred\"`` | sink |"))
    }

    @Test("dot labels are well-formed quoted strings", arguments: PlanFixture.allCases)
    func dotQuoting(fixture: PlanFixture) {
        let dot = renderer.render(fixture.plan, format: .dot)
        for line in dot.split(separator: "\n") {
            let unescaped = line.replacingOccurrences(of: "\\\\", with: "").replacingOccurrences(of: "\\\"", with: "")
            #expect(unescaped.filter { $0 == "\"" }.count % 2 == 0, "\(line)")
        }
        let edges = fixture.plan.steps.reduce(0) { $0 + $1.after.count }
        #expect(dot.components(separatedBy: " -> ").count - 1 == edges)
    }

    @Test("mermaid labels contain no raw quotes, brackets or markup", arguments: PlanFixture.allCases)
    func mermaidQuoting(fixture: PlanFixture) {
        let mermaid = renderer.render(fixture.plan, format: .mermaid)
        let node = /^    s\d+\["[^"\[\]<>|]*(<br\/>[^"\[\]<>|]*)*"\]$/
        for line in mermaid.split(separator: "\n") where line.hasPrefix("    s") {
            #expect(line.wholeMatch(of: node) != nil, "\(line)")
        }
        #expect(mermaid.split(separator: "\n").filter { $0.hasPrefix("    s") }.count == fixture.plan.steps.count)
    }

    @Test("json is valid and has the v1 top-level keys in order", arguments: PlanFixture.allCases)
    func jsonShape(fixture: PlanFixture) throws {
        let json = fixture.plan.json()
        #expect(renderer.render(fixture.plan, format: .json) == json)
        let object = try #require(try JSONSerialization.jsonObject(with: Data(json.utf8)) as? [String: Any])
        #expect(object["format"] as? String == "mzplan.plan.v1")
        #expect((object["steps"] as? [Any])?.count == fixture.plan.steps.count)
        guard case .object(let members) = fixture.plan.jsonValue() else {
            Issue.record("plan JSON is not an object")
            return
        }
        #expect(members.map(\.0) == ["format", "fingerprint", "created_at_ms", "summary", "clusters", "moves", "steps", "execution"])
    }

    @Test("text says No changes for an empty plan")
    func textEmpty() {
        let text = renderer.render(PlanFixture.empty.plan, format: .text)
        #expect(text.hasPrefix("No changes."))
        #expect(text.contains(PlanFixture.empty.plan.fingerprint))
    }

    private static func unescapedPipes(in line: Substring) -> Int {
        var count = 0
        var previous: Character?
        for character in line {
            if character == "|", previous != "\\" { count += 1 }
            previous = character
        }
        return count
    }
}

extension PlanFormat {
    /// The golden file's extension for this format.
    var snapshotExtension: String {
        switch self {
        case .text: "txt"
        case .json: "json"
        case .sql: "sql"
        case .markdown: "md"
        case .dot: "dot"
        case .mermaid: "mmd"
        case .gantt: "gantt.mmd"
        }
    }
}
