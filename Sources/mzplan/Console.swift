import Foundation
import MZPlanCore

/// stdout for results, stderr for diagnostics; colors only on a terminal and never with `NO_COLOR`.
struct Console {
    let stdoutIsColorTerminal: Bool
    let stderrIsColorTerminal: Bool

    init(environment: [String: String] = ProcessInfo.processInfo.environment) {
        let colors = environment["NO_COLOR"] == nil && environment["TERM"] != "dumb"
        stdoutIsColorTerminal = colors && isatty(STDOUT_FILENO) == 1
        stderrIsColorTerminal = colors && isatty(STDERR_FILENO) == 1
    }

    /// Writes a result to stdout.
    func output(_ text: String) {
        FileHandle.standardOutput.write(Data(text.utf8))
    }

    /// Writes UTF-8 bytes to stdout as they are (a closed stdout ends the process, as SIGPIPE does).
    func output(_ bytes: [UInt8]) {
        try? FileWriting.writeAll(bytes, to: STDOUT_FILENO, path: "stdout")
    }

    /// Writes diagnostics to stderr, one per block, errors in red and warnings in yellow on a terminal.
    func report(_ diagnostics: [Diagnostic]) {
        guard !diagnostics.isEmpty else { return }
        let text = diagnostics.map { diagnostic in
            let rendered = diagnostic.description
            guard stderrIsColorTerminal else { return rendered }
            let color = diagnostic.severity == .error ? "\u{1B}[31m" : diagnostic.severity == .warning ? "\u{1B}[33m" : ""
            return color + rendered + "\u{1B}[0m"
        }.joined(separator: "\n")
        FileHandle.standardError.write(Data((text + "\n").utf8))
    }
}
