/// A readable line diff for snapshot failures: changed lines with `-` (expected) and `+`
/// (actual), a few unchanged lines of context around each change, and line numbers.
struct LineDiff {
    enum Edit: Equatable {
        case same(String)
        case removed(String)
        case added(String)
    }

    /// Lines of context kept around each change.
    var context = 2

    func render(expected: String, actual: String) -> String {
        let old = expected.split(separator: "\n", omittingEmptySubsequences: false).map(String.init)
        let new = actual.split(separator: "\n", omittingEmptySubsequences: false).map(String.init)
        return hunks(edits(old, new))
    }

    /// The edit script of the standard library's shortest difference (`difference(from:)`).
    func edits(_ old: [String], _ new: [String]) -> [Edit] {
        var removed = Set<Int>()
        var inserted = Set<Int>()
        for change in new.difference(from: old) {
            switch change {
            case .remove(let offset, _, _): removed.insert(offset)
            case .insert(let offset, _, _): inserted.insert(offset)
            }
        }
        var edits: [Edit] = []
        var i = 0
        var j = 0
        while i < old.count || j < new.count {
            if i < old.count, removed.contains(i) {
                edits.append(.removed(old[i]))
                i += 1
            } else if j < new.count, inserted.contains(j) {
                edits.append(.added(new[j]))
                j += 1
            } else {
                edits.append(.same(old[i]))
                i += 1
                j += 1
            }
        }
        return edits
    }

    private func hunks(_ edits: [Edit]) -> String {
        var shown = Set<Int>()
        for (index, edit) in edits.enumerated() where !edit.isSame {
            shown.formUnion(max(0, index - context)...min(edits.count - 1, index + context))
        }
        var lines: [String] = []
        var oldLine = 1
        var newLine = 1
        var previous: Int?
        for (index, edit) in edits.enumerated() {
            if shown.contains(index) {
                if let previous, previous != index - 1 { lines.append("  …") }
                switch edit {
                case .same(let text): lines.append(Self.gutter(oldLine, newLine) + "   " + text)
                case .removed(let text): lines.append(Self.gutter(oldLine, nil) + " - " + text)
                case .added(let text): lines.append(Self.gutter(nil, newLine) + " + " + text)
                }
                previous = index
            }
            switch edit {
            case .same:
                oldLine += 1
                newLine += 1
            case .removed: oldLine += 1
            case .added: newLine += 1
            }
        }
        return lines.joined(separator: "\n")
    }

    /// `  12   14`: the expected and actual line numbers, a missing side blank.
    private static func gutter(_ oldLine: Int?, _ newLine: Int?) -> String {
        func column(_ value: Int?) -> String {
            let text = value.map(String.init) ?? ""
            return String(repeating: " ", count: max(0, 4 - text.count)) + text
        }
        return column(oldLine) + " " + column(newLine)
    }
}

extension LineDiff.Edit {
    var isSame: Bool {
        if case .same = self { return true }
        return false
    }
}
