import Testing
@testable import MZPlanCore

/// Quoted identifiers read back: the quotes dropped, `""` undoubled, every scalar kept.
@Suite struct UnquoteTests {
    @Test("quoted identifiers", arguments: [
        (#""orders""#, "orders"),
        (#""a""b""#, #"a"b"#),
        (#""""""#, #"""#),
        (#""""#, ""),
        ("\"\u{301}x\"", "\u{301}x"),
        ("\"région l'été 🙂\"", "région l'été 🙂"),
    ])
    func unquote(_ quoted: String, _ expected: String) {
        #expect(SQLParser.unquote(quoted) == expected)
        #expect(SQLParser.unquote(quoted).unicodeScalars.elementsEqual(expected.unicodeScalars))
    }
}
