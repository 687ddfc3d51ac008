import MZPlanCore
import Testing

@Suite struct SourceSnippetTests {
    @Test("lines end at \\n, \\r\\n and \\r, as YAML counts them", arguments: [
        ("a\nb\nc", ["a", "b", "c"]),
        ("a\r\nb\r\nc", ["a", "b", "c"]),
        ("a\rb\rc", ["a", "b", "c"]),
        ("a\n\rb\r\r\nc", ["a", "", "b", "", "c"]),
        ("Straße\r\n\u{301}é ü\nend\n", ["Straße", "\u{301}é ü", "end", ""]),
    ])
    func lineBreaks(_ text: String, _ lines: [String]) {
        let snippet = SourceSnippet(text: text)
        for (number, line) in lines.enumerated() {
            let shown = snippet.snippet(line: number + 1, column: 1)
            #expect(shown?.hasPrefix(line) == true, "line \(number + 1) of \(text.debugDescription): \(shown.debugDescription)")
            #expect(shown?.split(separator: "\n", omittingEmptySubsequences: false).first.map(String.init) == line)
        }
        #expect(snippet.snippet(line: lines.count + 1, column: 1) == nil)
    }
}
