extension CreateStatement {
    /// The statement ready to run.
    ///
    /// - Id annotations are resolved through `names` (id → current name); an id `names` does not know
    ///   falls back to the annotated name. A trailing `AS OF …` and `;` are dropped.
    /// - `name`: the object's name, quoted with ``SQLIdentifier/quote(_:)``. An index (whose name
    ///   Materialize never qualifies: it lives in its relation's schema) gets the last part, inserted
    ///   after `INDEX` when unnamed; every other kind gets the whole qualified name in place of the one
    ///   written, so that a plain-form statement with an unqualified name cannot land in the session's
    ///   schema.
    /// - `cluster`: the quoted cluster name replaces `[uN]` or the name after `IN CLUSTER`, or
    ///   ` IN CLUSTER "c"` is inserted after the object's name (before `ON` for an index). When nil, the
    ///   clause is kept as written, so a resolved `[uN]` stays: pass the cluster for resolved input.
    /// - `options`: replaces the object's `WITH (…)` items (nil keeps them; an empty array removes the
    ///   block). Items are written as given, joined by `, `.
    public func rendered(
        name: QualifiedName? = nil,
        cluster: String? = nil,
        options: [String]? = nil,
        names: (String) -> QualifiedName?
    ) -> String {
        var edits: [Edit] = []
        if let name {
            if kind == .index || namePart == nil {
                let part = SQLIdentifier.quote(name.name)
                if let namePart {
                    edits.append(Edit(namePart..<namePart + 1, part))
                } else {
                    edits.append(Edit(nameInsertion..<nameInsertion, " " + part))
                }
            } else if let nameStart, let namePart {
                edits.append(Edit(nameStart..<namePart + 1, name.sql))
            }
        }
        if let cluster {
            if let clusterValue {
                edits.append(Edit(clusterValue..<clusterValue + 1, SQLIdentifier.quote(cluster)))
            } else {
                edits.append(Edit(clusterInsertion..<clusterInsertion, " IN CLUSTER " + SQLIdentifier.quote(cluster)))
            }
        }
        if let options {
            edits.append(contentsOf: optionEdits(options))
        }
        return apply(edits, names: names)
    }

    /// For views and materialized views: the column list after the name, `("a", "b")`, or nil.
    public func columnList(names: (String) -> QualifiedName?) -> String? {
        columns.map { text.string($0, names: names) }
    }

    /// For views and materialized views: the query after the top-level `AS`, annotations resolved, without
    /// `AS OF` or the trailing `;`. Nil for other kinds.
    public func query(names: (String) -> QualifiedName?) -> String? {
        guard let queryStart, queryStart <= end else { return nil }
        return text.string(queryStart..<end, names: names)
    }

    /// The name an option item sets, used to replace one item and keep the others: the item's leading
    /// keywords up to `=` or its value, uppercased and single-spaced, without a trailing `FOR`.
    /// `RETAIN HISTORY = FOR '1h'` and `retain history for '1h'` both give `RETAIN HISTORY`;
    /// `SNAPSHOT = false` gives `SNAPSHOT`.
    public static func optionKey(_ item: String) -> String {
        guard let text = try? SQLText(item) else { return item.uppercased() }
        var words: [String] = []
        for token in text.tokens where token.isSignificant {
            guard token.kind == .word else { break }
            words.append(String(decoding: text.bytes[token.range], as: UTF8.self).uppercased())
        }
        if words.count > 1, words.last == "FOR" { words.removeLast() }
        return words.joined(separator: " ")
    }

    /// `options` with `item` in place of the item that has the same ``optionKey(_:)``, or appended when none has.
    public static func setting(_ item: String, in options: [String]) -> [String] {
        let key = optionKey(item)
        guard let position = options.firstIndex(where: { optionKey($0) == key }) else { return options + [item] }
        var result = options
        result[position] = item
        return result
    }

    // MARK: Edits

    /// Replaces tokens `range` with `text`; an empty range inserts before its lower bound.
    private struct Edit {
        var range: Range<Int>
        var text: String

        init(_ range: Range<Int>, _ text: String) {
            self.range = range
            self.text = text
        }
    }

    private func optionEdits(_ options: [String]) -> [Edit] {
        let block = "WITH (" + options.joined(separator: ", ") + ")"
        if let optionsBlock {
            guard options.isEmpty else { return [Edit(optionsBlock, block)] }
            var start = optionsBlock.lowerBound
            if start > 0, text.tokens[start - 1].kind == .whitespace { start -= 1 }
            return [Edit(start..<optionsBlock.upperBound, "")]
        }
        guard !options.isEmpty else { return [] }
        if optionsAreTrailing { return [Edit(end..<end, " " + block)] }
        let position = (queryStart ?? end + 1) - 1
        return [Edit(position..<position, block + " ")]
    }

    private func apply(_ edits: [Edit], names: (String) -> QualifiedName?) -> String {
        let ordered = edits.enumerated().sorted { ($0.element.range.lowerBound, $0.offset) < ($1.element.range.lowerBound, $1.offset) }
        var output: [UInt8] = []
        output.reserveCapacity(text.bytes.count + 64)
        var index = text.significant(from: 0) ?? end
        var next = 0
        while true {
            if next < ordered.count, ordered[next].element.range.lowerBound <= index {
                let edit = ordered[next].element
                output.append(contentsOf: edit.text.utf8)
                index = max(index, edit.range.upperBound)
                next += 1
                continue
            }
            guard index < end else { break }
            text.append(index..<index + 1, to: &output, names: names)
            index += 1
        }
        return String(decoding: output, as: UTF8.self)
    }
}
