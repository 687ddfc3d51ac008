import Testing

@testable import MZPlanCore

@Suite struct RenderTextTests {
    @Test("durations read naturally", arguments: [
        (UInt64(0), "0 ms"), (850, "850 ms"), (1_000, "1 s"), (12_500, "12.5 s"), (59_940, "59.9 s"),
        (60_000, "1 min"), (200_000, "3 min 20 s"), (3_600_000, "1 h"), (7_500_000, "2 h 5 min"),
    ])
    func duration(ms: UInt64, expected: String) {
        #expect(RenderText.duration(ms: ms) == expected)
    }

    @Test("control characters and bidi overrides become visible escapes")
    func visible() {
        #expect(RenderText.visible("plain name") == "plain name")
        #expect(RenderText.visible("a\nb\tc\r\u{1B}[31m\u{202E}") == "a\\nb\\tc\\r\\u{1b}[31m\\u{202e}")
    }

    @Test("statements fold onto one line outside quotes only")
    func oneLine() {
        #expect(RenderText.oneLine("SELECT\n    a,\n\tb\nFROM t  ") == "SELECT a, b FROM t")
        #expect(RenderText.oneLine("SELECT 'x\n  y' AS \"a\nb\"\n FROM \"t\"\"\n\"") == "SELECT 'x\\n  y' AS \"a\\nb\" FROM \"t\"\"\\n\"")
    }

    @Test("printable keeps line breaks and tabs")
    func printable() {
        #expect(RenderText.printable("a\n\tb\u{1B}") == "a\n\tb\\u{1b}")
    }

    @Test("markdown code spans outlast the backticks they contain")
    func codeSpan() {
        #expect(MarkdownText.code("a|b") == "`a\\|b`")
        #expect(MarkdownText.code("a`b", inTable: false) == "``a`b``")
        #expect(MarkdownText.code("`x`", inTable: false) == "`` `x` ``")
        #expect(MarkdownText.fence(for: "x ```` y") == "`````")
        #expect(MarkdownText.escape("<b>*x*</b> | a&b") == "&lt;b&gt;\\*x\\*&lt;/b&gt; \\| a&amp;b")
    }
}
