import MZPlanTestSupport
import Testing

@Suite struct HelpTests {
    @Test("mzplan --help exits 0 and lists the diff command")
    func helpListsDiff() throws {
        let result = try runMzplan(["--help"])
        #expect(result.exitCode == 0, "stderr: \(result.stderr)")
        #expect(result.stdout.contains("diff"))
    }
}
