import ArgumentParser

/// `mzplan`: a declarative placement planner and blue/green mover for Materialize.
@main
struct MZPlanCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "mzplan",
        abstract: "Plan and apply zero-downtime cluster moves for Materialize.",
        discussion: """
            A YAML manifest says which cluster every source, sink, index and materialized view belongs \
            on. mzplan diffs it against the catalog, plans the moves in dependency order and proves \
            that no materialized view would skip times.

            Example:
              mzplan diff -f mzplan.yaml --catalog snapshot.json
            """,
        version: MZPlanVersion.current,
        subcommands: [DiffCommand.self, CheckCommand.self, ApplyCommand.self, InitCommand.self, ExplainCommand.self, CatalogCommand.self, UnlockCommand.self]
    )

    /// ArgumentParser's entry point, with SIGINT and SIGTERM handled first (``SignalTrap``).
    static func main() async {
        MemoryAllocator.configure()
        SignalTrap.shared.install()
        do {
            var command = try parseAsRoot()
            if var command = command as? any AsyncParsableCommand {
                try await command.run()
            } else {
                try command.run()
            }
        } catch {
            exit(withError: error)
        }
    }
}
