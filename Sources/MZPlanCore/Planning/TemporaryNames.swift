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
        taken = Set(objects.indices.lazy.filter { Self.containsSuffix(objects[$0].name) }.map { objects[$0].qualifiedName })
    }

    /// Whether `name` contains `_mzplan`, compared byte by byte: `String.contains(_:)` compares by
    /// grapheme, which took 0.15 s on a 100 000-object catalog.
    private static func containsSuffix(_ name: String) -> Bool {
        var name = name
        var suffix = Self.suffix
        return name.withUTF8 { bytes in
            suffix.withUTF8 { needle in
                guard bytes.count >= needle.count else { return false }
                return (0...(bytes.count - needle.count)).contains { start in
                    needle.indices.allSatisfy { bytes[start + $0] == needle[$0] }
                }
            }
        }
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
