/// Mutates a YAML manifest for fuzz tests: the damage a hurried edit, a bad merge, a binary file
/// or a hostile input can do. Every mutation is driven by the caller's seeded generator.
package struct ManifestMutator: Sendable {
    /// One kind of damage.
    package enum Mutation: String, CaseIterable, Sendable {
        /// Removes one to three lines.
        case deleteLines
        /// Exchanges two lines.
        case swapLines
        /// Exchanges the key names of two `key:` lines.
        case swapKeys
        /// Overwrites a few bytes with random ones (invalid UTF-8, NUL and control bytes included).
        case randomBytes
        /// Inserts a deeply nested flow sequence or block mapping.
        case deepNesting
        /// Replaces a value with a very long scalar, sometimes over the 1 MiB limit.
        case hugeScalar
        /// Appends a "billion laughs" chain of anchors and aliases.
        case aliasBomb
        /// Cuts the file at a random byte.
        case truncate
        /// Shifts one line's indentation.
        case reindent
    }

    package let original: [UInt8]
    private let lines: [[UInt8]]

    package init(_ original: [UInt8]) {
        self.original = original
        lines = original.split(separator: UInt8(ascii: "\n"), omittingEmptySubsequences: false).map(Array.init)
    }

    /// A mutated copy of the original, and which mutation made it.
    package func mutate(using generator: inout some RandomNumberGenerator) -> (Mutation, [UInt8]) {
        let mutation = Mutation.allCases.randomElement(using: &generator)!
        return (mutation, apply(mutation, using: &generator))
    }

    /// The original with `mutation` applied once.
    package func apply(_ mutation: Mutation, using generator: inout some RandomNumberGenerator) -> [UInt8] {
        var lines = self.lines
        func line() -> Int { Int.random(in: 0..<lines.count, using: &generator) }
        switch mutation {
        case .deleteLines:
            let start = line()
            lines.removeSubrange(start..<min(lines.count, start + Int.random(in: 1...3, using: &generator)))
        case .swapLines:
            lines.swapAt(line(), line())
        case .swapKeys:
            let keyed = lines.indices.filter { key(in: lines[$0]) != nil }
            if let a = keyed.randomElement(using: &generator), let b = keyed.randomElement(using: &generator) {
                let (ka, kb) = (key(in: lines[a])!, key(in: lines[b])!)
                let (na, nb) = (Array(lines[a][ka]), Array(lines[b][kb]))
                lines[a].replaceSubrange(ka, with: nb)
                lines[b].replaceSubrange(kb, with: na)
            }
        case .randomBytes:
            var bytes = original
            for _ in 0..<Int.random(in: 1...8, using: &generator) {
                bytes[Int.random(in: 0..<bytes.count, using: &generator)] = UInt8.random(in: 0...255, using: &generator)
            }
            return bytes
        case .deepNesting:
            let depth = [10, 100, 1_000, 10_000, 100_000].randomElement(using: &generator)!
            let nested: [UInt8] = Bool.random(using: &generator)
                ? Array(("deep: " + String(repeating: "[", count: depth) + String(repeating: "]", count: depth)).utf8)
                : Array((0..<min(depth, 300)).map { String(repeating: " ", count: $0) + "k\($0):\n" }.joined().utf8)
            lines.insert(nested, at: line())
        case .hugeScalar:
            let size = [1_000, 100_000, 1 << 20].randomElement(using: &generator)!
            let index = line()
            lines[index] = Array("  lag_threshold: ".utf8) + [UInt8](repeating: UInt8(ascii: "9"), count: size) + Array("s".utf8)
        case .aliasBomb:
            var bomb = "a0: &a0 [lol, lol, lol, lol, lol, lol, lol, lol, lol]\n"
            for level in 1...Int.random(in: 3...9, using: &generator) {
                bomb += "a\(level): &a\(level) [" + Array(repeating: "*a\(level - 1)", count: 9).joined(separator: ", ") + "]\n"
            }
            lines.append(Array(bomb.utf8))
        case .truncate:
            return Array(original.prefix(Int.random(in: 0..<original.count, using: &generator)))
        case .reindent:
            let index = line()
            lines[index] = [UInt8](repeating: UInt8(ascii: " "), count: Int.random(in: 0...7, using: &generator))
                + lines[index].drop { $0 == UInt8(ascii: " ") }
        }
        return Array(lines.joined(separator: [UInt8(ascii: "\n")]))
    }

    /// The range of the key name in a `  key: value` or `  - key: value` line.
    private func key(in line: [UInt8]) -> Range<Int>? {
        var start = line.firstIndex { $0 != UInt8(ascii: " ") } ?? line.count
        if start + 1 < line.count, line[start] == UInt8(ascii: "-"), line[start + 1] == UInt8(ascii: " ") { start += 2 }
        var end = start
        while end < line.count, line[end] == UInt8(ascii: "_") || (UInt8(ascii: "a")...UInt8(ascii: "z")).contains(line[end]) { end += 1 }
        guard end > start, end < line.count, line[end] == UInt8(ascii: ":") else { return nil }
        return start..<end
    }
}
