/// Glob rules grouped by the exact `database.schema` they are scoped to, so that matching an
/// object tries only the globs of its own schema plus the few whose database or schema part is
/// itself a wildcard. A 100 000-object catalog against a manifest of hundreds of globs stays linear.
struct GlobRuleIndex {
    private struct Scope: Hashable {
        var database: String
        var schema: String
    }

    private var byScope: [Scope: [Int]] = [:]
    private var unscoped: [Int] = []

    /// Indexes the rules at `indexes` (positions in `rules`).
    init(_ rules: [PlacementRule], indexes: [Int]) {
        for index in indexes {
            let pattern = rules[index].pattern
            if pattern.database.isGlob || pattern.schema.isGlob {
                unscoped.append(index)
            } else {
                byScope[Scope(database: pattern.database.text, schema: pattern.schema.text), default: []].append(index)
            }
        }
    }

    /// The rules that may match an object in `database.schema`, in rule order.
    func candidates(database: String, schema: String) -> [Int] {
        let scoped = byScope[Scope(database: database, schema: schema)] ?? []
        if unscoped.isEmpty { return scoped }
        if scoped.isEmpty { return unscoped }
        return (scoped + unscoped).sorted()
    }
}
