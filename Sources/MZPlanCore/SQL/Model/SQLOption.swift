/// One item of an option list, such as `RETAIN HISTORY = FOR '1h'` in `WITH (…)` or
/// `SIZE = '100cc'` in `CREATE CLUSTER c (…)`. The name is interpreted; the value is carried as
/// written, so an option mzplan does not know survives untouched.
package struct SQLOption: Hashable, Sendable, CustomStringConvertible {
    /// The option's keywords, uppercased and single-spaced: `RETAIN HISTORY`.
    package var name: String
    /// What follows the name (and `=`); nil for a bare flag.
    package var value: SQLFragment?
    /// Whether `=` separates name and value (`SNAPSHOT = false`), or only a space
    /// (`WAIT UNTIL READY (…)`).
    package var usesEquals: Bool

    package init(_ name: String, _ value: SQLFragment?, usesEquals: Bool = true) {
        self.name = name
        self.value = value
        self.usesEquals = usesEquals
    }

    package var sql: String {
        guard let value else { return name }
        return name + (usesEquals ? " = " : " ") + value.sql
    }

    package var description: String { sql }

    /// Option names Materialize knows, as keyword sequences, so that a value starting with a
    /// keyword (`RETAIN HISTORY FOR '1h'`, `REFRESH EVERY '1 day'`) is told from the name.
    /// Names not listed are read as the leading bare words.
    static let knownNames: [[String]] = [
        // Materialized views, indexes, sources, tables.
        ["RETAIN", "HISTORY"], ["REFRESH"], ["ASSERT", "NOT", "NULL"], ["PARTITION", "BY"], ["TIMESTAMP", "INTERVAL"],
        // Clusters.
        ["SIZE"], ["REPLICATION", "FACTOR"], ["MANAGED"], ["DISK"], ["INTROSPECTION", "INTERVAL"],
        ["INTROSPECTION", "DEBUGGING"], ["AVAILABILITY", "ZONES"], ["SCHEDULE"], ["WORKLOAD", "CLASS"], ["REPLICAS"],
        ["WAIT", "UNTIL", "READY"], ["WAIT", "FOR"], ["TIMEOUT"], ["ON", "TIMEOUT"],
        // Sinks.
        ["SNAPSHOT"], ["VERSION"], ["COMMIT", "INTERVAL"], ["PARTITION", "STRATEGY"],
        // Source connections and load generators.
        ["PUBLICATION"], ["DETAILS"], ["TEXT", "COLUMNS"], ["EXCLUDE", "COLUMNS"], ["TOPIC"], ["START", "OFFSET"],
        ["START", "TIMESTAMP"], ["TOPIC", "METADATA", "REFRESH", "INTERVAL"], ["GROUP", "ID", "PREFIX"],
        ["TICK", "INTERVAL"], ["AS", "OF"], ["UP", "TO"], ["SCALE", "FACTOR"], ["MAX", "CARDINALITY"], ["KEYS"],
        ["SNAPSHOT", "ROWS"], ["VALUE", "SIZE"], ["SEED"], ["BATCH", "SIZE"], ["PARTITIONS"],
        // Subsources and tables from sources.
        ["EXTERNAL", "REFERENCE"], ["PROGRESS"], ["REFERENCE"],
    ]

    /// The number of words of the longest name in ``knownNames``.
    static let longestKnownName = knownNames.map(\.count).max() ?? 0
}

extension Array where Element == SQLOption {
    /// The option called `name` (uppercase keywords), if any.
    package func first(named name: String) -> SQLOption? {
        first { $0.name == name }
    }

    /// The options with `option` in place of the one of the same name, or appended when none has it.
    package func setting(_ option: SQLOption) -> [SQLOption] {
        guard let position = firstIndex(where: { $0.name == option.name }) else { return self + [option] }
        var result = self
        result[position] = option
        return result
    }

    /// The options without those called any of `names`.
    package func removing(_ names: Set<String>) -> [SQLOption] {
        filter { !names.contains($0.name) }
    }

    /// `a = 1, b = 2`.
    var sql: String { map(\.sql).joined(separator: ", ") }
}
