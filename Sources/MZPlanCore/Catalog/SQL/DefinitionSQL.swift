/// The `definition` column of a view or materialized view, turned into a query to embed.
public enum DefinitionSQL {
    /// A `definition` column value → a query to embed: id annotations resolved through `names` (the
    /// annotated name when the id is unknown), trailing `;` and whitespace stripped.
    public static func query(_ definition: String, names: (String) -> QualifiedName?) -> String {
        guard let text = try? SQLText(definition) else {
            // Unterminated quotes: nothing can be resolved safely; strip only the end.
            var scalars = Substring(definition).unicodeScalars
            while let last = scalars.last, last == ";" || last.properties.isWhitespace { scalars.removeLast() }
            return String(scalars)
        }
        var end = text.tokens.count
        while let last = text.significant(before: end), text.isPunctuation(last, ";") { end = last }
        return text.string(0..<end, names: names)
    }
}
