/// Small text helpers shared by the renderers.
enum RenderText {
    /// `text` with control characters (and bidirectional overrides) shown as escapes such as
    /// `\n` or `\u{1b}`, so a hostile name cannot end a line, a comment or a table row, move the
    /// cursor or reorder what a reader sees.
    static func visible(_ text: String) -> String {
        guard text.unicodeScalars.contains(where: needsEscape) else { return text }
        var output = ""
        for scalar in text.unicodeScalars {
            appendVisible(scalar, to: &output)
        }
        return output
    }

    /// Like ``visible(_:)`` but keeps line breaks and tabs: for multi-line text shown, not run.
    static func printable(_ text: String) -> String {
        text.split(separator: "\n", omittingEmptySubsequences: false)
            .map { line in line.split(separator: "\t", omittingEmptySubsequences: false).map { visible(String($0)) }.joined(separator: "\t") }
            .joined(separator: "\n")
    }

    /// A cluster name for display: bare when plain, double-quoted otherwise, and visible.
    static func cluster(_ name: String) -> String {
        visible(SQLIdentifier.display(name))
    }

    /// An object name for display (`db.schema.name`, quoted where needed), visible.
    static func object(_ name: QualifiedName) -> String {
        visible(name.description)
    }

    /// A statement on one line: whitespace runs outside quotes become one space; inside
    /// `"…"` and `'…'` nothing changes except that control characters become visible.
    static func oneLine(_ sql: String) -> String {
        var output = ""
        var openQuote: Unicode.Scalar?
        var pendingSpace = false
        for scalar in sql.unicodeScalars {
            if let quote = openQuote {
                appendVisible(scalar, to: &output)
                if scalar == quote { openQuote = nil }
            } else if scalar == " " || scalar == "\n" || scalar == "\r" || scalar == "\t" {
                pendingSpace = !output.isEmpty
            } else {
                if pendingSpace { output += " " }
                pendingSpace = false
                appendVisible(scalar, to: &output)
                if scalar == "\"" || scalar == "'" { openQuote = scalar }
            }
        }
        return output
    }

    /// A duration for people: `850 ms`, `12.5 s`, `3 min 20 s`, `2 h 5 min`.
    static func duration(ms: UInt64) -> String {
        switch ms {
        case ..<1_000:
            return "\(ms) ms"
        case ..<60_000:
            let tenths = (ms + 50) / 100
            return tenths % 10 == 0 ? "\(tenths / 10) s" : "\(tenths / 10).\(tenths % 10) s"
        case ..<3_600_000:
            let seconds = (ms + 500) / 1_000
            return seconds % 60 == 0 ? "\(seconds / 60) min" : "\(seconds / 60) min \(seconds % 60) s"
        default:
            let minutes = (ms + 30_000) / 60_000
            return minutes % 60 == 0 ? "\(minutes / 60) h" : "\(minutes / 60) h \(minutes % 60) min"
        }
    }

    /// `1 move`, `3 moves`.
    static func count(_ value: Int, _ singular: String, _ plural: String) -> String {
        "\(value) \(value == 1 ? singular : plural)"
    }

    /// Step ids as `1, 2, 3`.
    static func ids(_ ids: [Int]) -> String {
        ids.map(String.init).joined(separator: ", ")
    }

    private static func needsEscape(_ scalar: Unicode.Scalar) -> Bool {
        switch scalar.value {
        case 0..<0x20, 0x7F...0x9F, 0x200E, 0x200F, 0x202A...0x202E, 0x2066...0x2069: true
        default: false
        }
    }

    private static func appendVisible(_ scalar: Unicode.Scalar, to output: inout String) {
        switch scalar {
        case "\n": output += "\\n"
        case "\r": output += "\\r"
        case "\t": output += "\\t"
        default:
            if needsEscape(scalar) {
                output += "\\u{" + String(scalar.value, radix: 16) + "}"
            } else {
                output.unicodeScalars.append(scalar)
            }
        }
    }
}
