import ArgumentParser

/// `mzplan catalog`: work with the catalog itself.
struct CatalogCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "catalog",
        abstract: "Work with the Materialize catalog.",
        subcommands: [CatalogDumpCommand.self]
    )
}
