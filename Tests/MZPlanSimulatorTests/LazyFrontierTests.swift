import MZPlanCore
import MZPlanSimulator
import Testing

/// The simulator computes frontiers lazily: most statements skip the pass over the whole catalog
/// (creating a dataflow, dropping, renaming, `APPLY REPLACEMENT` bring only what they change up
/// to date). Whatever runs, the catalog must come out as it does when the whole pass runs before
/// every statement, as it once did.
@Suite struct LazyFrontierTests {
    static func fixtures() throws -> [(String, ApplyFixture)] {
        [
            ("shop", try ApplyFixture.shop()),
            ("blue-green sources", try SourceBlueGreenApplyTests.fixture()),
            ("stalled-source wait", try StalledSourceTests.scenario()),
        ]
    }

    @Test("each plan's statements leave the same catalog and saved state with or without a pass before each", .timeLimit(.minutes(1)), arguments: [0, 1, 2])
    func sameAsEagerPass(_ index: Int) async throws {
        let (name, fixture) = try Self.fixtures()[index]
        let lazy = fixture.environment()
        let eager = fixture.environment()
        for step in fixture.plan.steps {
            for environment in [lazy, eager] {
                // Reading the catalog runs the pass over every object.
                if environment === eager { _ = environment.snapshot() }
                if step.action == .renameObjects {
                    try await environment.executeTransaction(step.statements, timeoutMs: nil)
                } else {
                    try await environment.execute(step.sql, timeoutMs: 3_600_000)
                }
                // Time passes between statements, part of the way through hydrations.
                environment.advance(to: environment.timeMs + 7_000)
            }
        }
        for environment in [lazy, eager] { environment.advance(to: environment.timeMs + 3_600_000) }
        #expect(lazy.timeMs == eager.timeMs)
        #expect(lazy.snapshot() == eager.snapshot(), "\(name)")
        #expect(lazy.savedState() == eager.savedState(), "\(name)")
    }
}
