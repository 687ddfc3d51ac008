extension QualifiedName {
    /// Parses the display form that plan JSON uses (`db.schema.name`, parts double-quoted
    /// when they are not plain identifiers, `"` doubled inside). Nil unless exactly three parts.
    package init?(display text: String) {
        var parts: [String] = []
        var current = ""
        var quoted = false
        var iterator = Array(text).makeIterator()
        var pendingQuote = false
        while let character = iterator.next() {
            if pendingQuote {
                pendingQuote = false
                if character == "\"" { current.append("\""); continue }
                quoted = false
            }
            if quoted {
                if character == "\"" { pendingQuote = true } else { current.append(character) }
            } else if character == "\"" {
                quoted = true
            } else if character == "." {
                parts.append(current)
                current = ""
            } else {
                current.append(character)
            }
        }
        if quoted && !pendingQuote { return nil }
        parts.append(current)
        guard parts.count == 3, !parts.contains(where: \.isEmpty) else { return nil }
        self.init(database: parts[0], schema: parts[1], name: parts[2])
    }
}
