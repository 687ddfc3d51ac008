import Testing
@testable import MZPlanCore

/// The exit codes `diff` and `check` end with (SPEC §2): blocked wins, `--detailed-exitcode`
/// alone tells changes from none.
@Suite struct ExitStatusTests {
    static let unchanged = """
        version: 1
        clusters:
          compute:
            objects: [big, big_idx, small]
        """

    @Test("plan → exit status, with and without --detailed-exitcode", arguments: [
        (unchanged, false, MZPlanCore.ExitStatus.success),
        (unchanged, true, MZPlanCore.ExitStatus.success),
        (CapacityTests.moveBig(to: "200cc"), false, MZPlanCore.ExitStatus.success),
        (CapacityTests.moveBig(to: "200cc"), true, MZPlanCore.ExitStatus.changes),
        (CapacityTests.moveBig(to: "100cc"), false, MZPlanCore.ExitStatus.blocked),
        (CapacityTests.moveBig(to: "100cc"), true, MZPlanCore.ExitStatus.blocked),
    ])
    func statusOfPlan(manifest: String, detailed: Bool, expected: MZPlanCore.ExitStatus) throws {
        let plan = try CapacityTests.plan(manifest).plan
        #expect(MZPlanCore.ExitStatus.of(plan, detailed: detailed) == expected)
    }

    @Test("the codes are SPEC §2's and §10.4's, each once")
    func specCodes() {
        #expect(MZPlanCore.ExitStatus.allCases.map(\.rawValue) == [0, 1, 2, 3, 4, 5, 6, 64, 130, 143])
    }
}
