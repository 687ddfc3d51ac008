/// The lines of one input file, for rendering a diagnostic's snippet: the offending source line,
/// then a line with a `^` under the column.
///
/// Columns count unicode scalars, as ``SourceLocation`` does. Tabs before the column are copied
/// into the caret line so the caret lines up however wide the terminal renders a tab. Very long
/// lines are cut to a window around the column, marked with `…`.
package struct SourceSnippet: Sendable {
    /// Lines longer than this many scalars are shown as a window around the column.
    package static let maximumWidth = 120

    private let lines: [Substring]

    /// Splits `text` at `\n`, `\r\n` and `\r`, the line breaks YAML counts.
    package init(text: String) {
        // Byte-wise: a line feed or carriage return is always a character of its own (or `\r\n`).
        var lines: [Substring] = []
        let bytes = text.utf8
        var start = bytes.startIndex
        var index = bytes.startIndex
        while index < bytes.endIndex {
            let byte = bytes[index]
            guard byte == UInt8(ascii: "\n") || byte == UInt8(ascii: "\r") else {
                bytes.formIndex(after: &index)
                continue
            }
            lines.append(text[start..<index])
            bytes.formIndex(after: &index)
            if byte == UInt8(ascii: "\r"), index < bytes.endIndex, bytes[index] == UInt8(ascii: "\n") { bytes.formIndex(after: &index) }
            start = index
        }
        lines.append(text[start..<bytes.endIndex])
        self.lines = lines
    }

    /// The snippet for a 1-based `line` and `column`, or nil when the line does not exist.
    package func snippet(line: Int, column: Int) -> String? {
        guard line >= 1, line <= lines.count else { return nil }
        var scalars = Array(lines[line - 1].unicodeScalars)
        var caretIndex = max(0, column - 1)
        var prefix = "", suffix = ""
        if scalars.count > Self.maximumWidth {
            let start = max(0, min(caretIndex - Self.maximumWidth / 2, scalars.count - Self.maximumWidth))
            let end = min(scalars.count, start + Self.maximumWidth)
            if start > 0 { prefix = "…" }
            if end < scalars.count { suffix = "…" }
            scalars = Array(scalars[start..<end])
            caretIndex = caretIndex - start + prefix.unicodeScalars.count
        }
        var source = String.UnicodeScalarView()
        source.append(contentsOf: prefix.unicodeScalars)
        source.append(contentsOf: scalars)
        source.append(contentsOf: suffix.unicodeScalars)
        let shown = Array(source)
        var caret = ""
        for position in 0..<caretIndex {
            caret.append(position < shown.count && shown[position] == "\t" ? "\t" : " ")
        }
        return String(source) + "\n" + caret + "^"
    }

    /// `diagnostic` with its snippet filled in, when it has none and a location (which must be in this file).
    package func attach(to diagnostic: Diagnostic) -> Diagnostic {
        guard diagnostic.snippet == nil, let location = diagnostic.location else { return diagnostic }
        var result = diagnostic
        result.snippet = snippet(line: location.line, column: location.column)
        return result
    }
}
