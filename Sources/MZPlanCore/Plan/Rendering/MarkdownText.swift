/// Escaping for GitHub-flavored markdown: plain text, code spans and fences.
enum MarkdownText {
    /// Plain text with markdown and HTML syntax neutralized; control characters visible.
    static func escape(_ text: String) -> String {
        var output = ""
        for character in RenderText.visible(text) {
            switch character {
            case "<": output += "&lt;"
            case ">": output += "&gt;"
            case "&": output += "&amp;"
            case "\\", "`", "*", "_", "[", "]", "|", "~", "#", "@", "!":
                output += "\\" + String(character)
            default: output.append(character)
            }
        }
        return output
    }

    /// `text` as a code span, delimited by more backticks than it contains; `|` escaped for tables.
    static func code(_ text: String, inTable: Bool = true) -> String {
        var content = RenderText.visible(text)
        if inTable { content = content.replacingAll("|", with: "\\|") }
        let delimiter = String(repeating: "`", count: longestBacktickRun(in: content) + 1)
        let padding = content.first == "`" || content.last == "`" ? " " : ""
        return delimiter + padding + content + padding + delimiter
    }

    /// A fence that no line of `text` can close: at least three backticks, longer than any run.
    static func fence(for text: String) -> String {
        String(repeating: "`", count: max(3, longestBacktickRun(in: text) + 1))
    }

    private static func longestBacktickRun(in text: String) -> Int {
        var longest = 0
        var current = 0
        for character in text {
            current = character == "`" ? current + 1 : 0
            longest = max(longest, current)
        }
        return longest
    }
}
