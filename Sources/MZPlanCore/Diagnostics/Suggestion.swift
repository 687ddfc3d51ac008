/// "Did you mean …?" support: the closest candidates to a misspelt word.
package enum Suggestion {
    /// The candidates within a small edit distance of `word`, closest first, at most `limit`.
    /// The allowed distance grows with the word's length (1 for short words, up to a third).
    package static func closest(to word: String, among candidates: some Sequence<String>, limit: Int = 3) -> [String] {
        let target = Array(word.lowercased().unicodeScalars)
        let maximum = max(1, target.count / 3)
        var scored: [(distance: Int, candidate: String)] = []
        for candidate in candidates {
            let distance = editDistance(target, Array(candidate.lowercased().unicodeScalars), bound: maximum)
            if distance <= maximum { scored.append((distance, candidate)) }
        }
        scored.sort { ($0.distance, $0.candidate) < ($1.distance, $1.candidate) }
        var seen = Set<String>()
        return scored.map(\.candidate).filter { seen.insert($0).inserted }.prefix(limit).map { $0 }
    }

    /// ` (did you mean 'x'?)`, ` (did you mean 'x' or 'y'?)`, or an empty string.
    package static func didYouMean(_ word: String, among candidates: some Sequence<String>) -> String {
        let found = closest(to: word, among: candidates)
        guard !found.isEmpty else { return "" }
        return " (did you mean " + found.map { "'\($0)'" }.joined(separator: " or ") + "?)"
    }

    /// Levenshtein distance with an early exit once every cell exceeds `bound`.
    static func editDistance(_ a: [Unicode.Scalar], _ b: [Unicode.Scalar], bound: Int) -> Int {
        if abs(a.count - b.count) > bound { return bound + 1 }
        if a.isEmpty { return b.count }
        if b.isEmpty { return a.count }
        var previous = Array(0...b.count)
        var current = [Int](repeating: 0, count: b.count + 1)
        for i in 1...a.count {
            current[0] = i
            var rowMinimum = current[0]
            for j in 1...b.count {
                let cost = a[i - 1] == b[j - 1] ? 0 : 1
                current[j] = min(previous[j] + 1, current[j - 1] + 1, previous[j - 1] + cost)
                rowMinimum = min(rowMinimum, current[j])
            }
            if rowMinimum > bound { return bound + 1 }
            swap(&previous, &current)
        }
        return previous[b.count]
    }
}
