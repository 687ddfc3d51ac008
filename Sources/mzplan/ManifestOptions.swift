import ArgumentParser

/// `-f mzplan.yaml` (repeatable) and `--allow CODE` (repeatable).
struct ManifestOptions: ParsableArguments {
    @Option(
        name: [.customShort("f"), .customLong("file")],
        help: ArgumentHelp("A manifest file; repeat to merge one manifest per team.", valueName: "mzplan.yaml")
    )
    var files: [String] = []

    @Option(
        name: .customLong("allow"),
        help: ArgumentHelp("Accept a hazard code for every object (repeatable), e.g. --allow sink-recreate.", valueName: "code")
    )
    var allow: [String] = []

    func validate() throws {
        guard !files.isEmpty else {
            throw ValidationError("Missing a manifest: pass -f mzplan.yaml (repeat -f to merge several files).")
        }
    }
}
