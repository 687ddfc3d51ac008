/// Deterministic, collision-free names for the objects a plan creates next to the originals:
/// `<name>_mzplan`, then `<name>_mzplan_2`, … until the name is free in its schema, both in the
/// catalog and among names already handed out.
struct TemporaryNames {
    private let graph: CatalogGraph
    private var taken: Set<QualifiedName> = []

    init(graph: CatalogGraph) {
        self.graph = graph
    }

    mutating func name(for original: QualifiedName) -> QualifiedName {
        var attempt = 1
        while true {
            let suffix = attempt == 1 ? "_mzplan" : "_mzplan_\(attempt)"
            let candidate = original.renamed(original.name + suffix)
            if graph.object(named: candidate) == nil, taken.insert(candidate).inserted {
                return candidate
            }
            attempt += 1
        }
    }
}
