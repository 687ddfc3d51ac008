/// Deterministic, collision-free names for the objects a plan creates next to the originals:
/// `<name>_mzplan`, then `<name>_mzplan_2`, … (retired objects: `<name>_mzplan_old`, …) until the name is free in its schema, both in the
/// catalog and among names already handed out.
struct TemporaryNames {
    private static let suffix = "_mzplan"
    /// Names already taken: the catalog's names that could collide (they contain the suffix),
    /// collected in one pass, and every name handed out.
    private var taken: Set<QualifiedName>

    init(graph: CatalogGraph) {
        let objects = graph.objects
        taken = Set(objects.indices.lazy.filter { objects[$0].name.contains(Self.suffix) }.map { objects[$0].qualifiedName })
    }

    mutating func name(for original: QualifiedName) -> QualifiedName {
        name(for: original, suffix: Self.suffix)
    }

    /// The name an object keeps between a blue-green cutover and its drop: `<name>_mzplan_old`, …
    mutating func retiredName(for original: QualifiedName) -> QualifiedName {
        name(for: original, suffix: Self.suffix + "_old")
    }

    private mutating func name(for original: QualifiedName, suffix: String) -> QualifiedName {
        var attempt = 1
        while true {
            let candidate = original.renamed(original.name + (attempt == 1 ? suffix : "\(suffix)_\(attempt)"))
            if taken.insert(candidate).inserted {
                return candidate
            }
            attempt += 1
        }
    }
}
