import Testing
@testable import MZPlanCore

@Suite struct DurationSyntaxTests {
    @Test("valid durations", arguments: [
        ("500ms", 500), ("1s", 1000), ("30m", 1_800_000), ("2h", 7_200_000),
        ("1h30m", 5_400_000), ("1m30s", 90_000), ("2s500ms", 2500), ("168h", 604_800_000),
    ] as [(String, UInt64)])
    func valid(text: String, milliseconds: UInt64) throws {
        #expect(try DurationSyntax.milliseconds(text) == milliseconds)
    }

    @Test("invalid durations say why", arguments: [
        ("", "empty"), ("5", "no unit"), ("1.5s", "fraction"), ("10x", "unknown unit 'x'"),
        ("1S", "unknown unit 'S'"), ("30m1h", "largest first"), ("1s1s", "largest first"),
        ("0s", "zero"), ("-1s", "not a duration"), ("s", "not a duration"),
        ("169h", "7 days"), ("99999999999999999999h", "not a duration"),
    ])
    func invalid(text: String, fragment: String) {
        #expect {
            try DurationSyntax.milliseconds(text)
        } throws: { error in
            (error as? DurationSyntax.Invalid)?.message.contains(fragment) == true
        }
    }
}
