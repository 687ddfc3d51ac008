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
    /// Above this many line pairs the diff falls back to showing the first difference.
    var maximumCells = 4_000_000

    func render(expected: String, actual: String) -> String {
        let old = expected.split(separator: "\n", omittingEmptySubsequences: false).map(String.init)
        let new = actual.split(separator: "\n", omittingEmptySubsequences: false).map(String.init)
        guard old.count * new.count <= maximumCells else { return firstDifference(old, new) }
        return hunks(edits(old, new))
    }

    /// The edit script of a longest common subsequence of lines.
    func edits(_ old: [String], _ new: [String]) -> [Edit] {
        let columns = new.count + 1
        var lengths = [Int](repeating: 0, count: (old.count + 1) * columns)
        for i in stride(from: old.count - 1, through: 0, by: -1) {
            for j in stride(from: new.count - 1, through: 0, by: -1) {
                lengths[i * columns + j] = old[i] == new[j]
                    ? lengths[(i + 1) * columns + j + 1] + 1
                    : max(lengths[(i + 1) * columns + j], lengths[i * columns + j + 1])
            }
        }
        var edits: [Edit] = []
        var i = 0
        var j = 0
        while i < old.count || j < new.count {
            if i < old.count, j < new.count, old[i] == new[j] {
                edits.append(.same(old[i]))
                i += 1
                j += 1
            } else if i < old.count, j == new.count || lengths[(i + 1) * columns + j] >= lengths[i * columns + j + 1] {
                edits.append(.removed(old[i]))
                i += 1
            } else {
                edits.append(.added(new[j]))
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

    private func firstDifference(_ old: [String], _ new: [String]) -> String {
        let index = (0..<min(old.count, new.count)).first { old[$0] != new[$0] } ?? min(old.count, new.count)
        let expected = index < old.count ? old[index] : "<end of file>"
        let actual = index < new.count ? new[index] : "<end of file>"
        return "first difference at line \(index + 1):\n - \(expected)\n + \(actual)"
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
