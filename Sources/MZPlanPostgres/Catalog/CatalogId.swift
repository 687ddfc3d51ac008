/// Ordering of Materialize ids such as `u2` < `u10`: by prefix, then by number.
enum CatalogId {
    static func precedes(_ lhs: String, _ rhs: String) -> Bool {
        let left = split(lhs)
        let right = split(rhs)
        if left.prefix != right.prefix { return left.prefix < right.prefix }
        if left.number != right.number { return (left.number ?? 0) < (right.number ?? 0) }
        return lhs < rhs
    }

    private static func split(_ id: String) -> (prefix: Substring, number: UInt64?) {
        let digits = id.drop { !$0.isNumber }
        return (id.prefix(id.count - digits.count), UInt64(digits))
    }
}
