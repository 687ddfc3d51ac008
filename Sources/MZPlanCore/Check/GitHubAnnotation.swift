/// A GitHub Actions workflow command for one diagnostic, such as
/// `::error file=mzplan.yaml,line=5,col=5,title=manifest.unknown-key::unknown key …`.
///
/// Escaping follows the runner's rules: in the message `%`, `\r` and `\n` become `%25`, `%0D`
/// and `%0A`; in property values `:` and `,` are escaped too (`%3A`, `%2C`), so a file name or a
/// code cannot end a property early.
package struct GitHubAnnotation: Hashable, Sendable {
    package var diagnostic: Diagnostic

    package init(_ diagnostic: Diagnostic) {
        self.diagnostic = diagnostic
    }

    /// `error`, `warning` or `notice`.
    package var command: String {
        switch diagnostic.severity {
        case .error: "error"
        case .warning: "warning"
        case .note: "notice"
        }
    }

    /// The workflow command line, without a trailing newline.
    package var line: String {
        var properties: [(String, String)] = []
        if let location = diagnostic.location {
            properties.append(("file", location.file))
            properties.append(("line", String(location.line)))
            properties.append(("col", String(location.column)))
        }
        properties.append(("title", "mzplan \(diagnostic.code)"))
        let rendered = properties.map { "\($0.0)=\(Self.escapeProperty($0.1))" }.joined(separator: ",")
        return "::\(command) \(rendered)::\(Self.escapeData(diagnostic.message))"
    }

    /// Escapes a message: `%`, `\r`, `\n`.
    package static func escapeData(_ text: String) -> String {
        var result = ""
        for scalar in text.unicodeScalars {
            switch scalar {
            case "%": result += "%25"
            case "\r": result += "%0D"
            case "\n": result += "%0A"
            default: result.unicodeScalars.append(scalar)
            }
        }
        return result
    }

    /// Escapes a property value: as a message, plus `:` and `,`.
    package static func escapeProperty(_ text: String) -> String {
        var result = ""
        for scalar in escapeData(text).unicodeScalars {
            switch scalar {
            case ":": result += "%3A"
            case ",": result += "%2C"
            default: result.unicodeScalars.append(scalar)
            }
        }
        return result
    }
}
