import Foundation
import MZPlanCore

/// Prints apply events (SPEC §6.5): NDJSON on stdout; on a terminal, step lines on stderr under
/// a live block with one line per pending object (state, lag, time waited); otherwise plain
/// lines on stderr, an object's status only when its state changes.
final class ProgressPrinter {
    let mode: ProgressMode
    let console: Console
    let startMs: UInt64
    private let live: Bool
    private var lastState: [String: String] = [:]
    private var pending: [(object: String, sinceMs: UInt64, text: String)] = []
    private var drawnLines = 0
    /// When each object's statement finished: its wait's start.
    private var startedMs: [String: UInt64] = [:]

    init(mode: ProgressMode, console: Console, startMs: UInt64) {
        self.mode = mode
        self.console = console
        self.startMs = startMs
        self.live = (mode == .auto || mode == .bar) && isatty(STDERR_FILENO) == 1
    }

    /// Prints `events` in order; as NDJSON, in one write.
    func printAll(_ events: [ApplyEvent]) {
        guard mode == .ndjson else { return events.forEach(print) }
        var lines: [UInt8] = []
        for event in events { event.appendNDJSONLine(to: &lines) }
        console.output(lines)
    }

    func print(_ event: ApplyEvent) {
        switch mode {
        case .ndjson:
            console.output(event.ndjsonLine())
        case .none:
            if case .summary = event.kind { FileHandle.standardError.write(Data(line(event).utf8)) }
        case .auto, .bar:
            FileHandle.standardError.write(Data((live ? redraw(event) : line(event)).utf8))
        }
    }

    /// Erases the live block, prints the event's line, and draws the block again.
    private func redraw(_ event: ApplyEvent) -> String {
        var text = String(repeating: "\u{1B}[1A\u{1B}[2K", count: drawnLines)
        let name = event.object ?? ""
        switch event.kind {
        case .stepFinished:
            startedMs[name] = event.tsMs
        case .objectStatus(let status):
            let state = status.ready ? "ready, confirming" : (status.waitingFor ?? "waiting")
            let lag = status.lagMs.map { String(format: "lag %.1f s", Double($0) / 1000) } ?? "lag ?"
            if let index = pending.firstIndex(where: { $0.object == name }) {
                pending[index].text = "\(state), \(lag)"
            } else {
                pending.append((name, startedMs[name] ?? event.tsMs, "\(state), \(lag)"))
            }
        case .ready:
            pending.removeAll { $0.object == name }
            text += line(event)
        case .summary:
            pending = []
            text += line(event)
        default:
            text += line(event)
        }
        let block = pending.map { item in
            "  ⋯ \(item.object)  \(item.text)  (\((event.tsMs &- item.sinceMs) / 1000) s)"
        }
        drawnLines = block.count
        return text + block.map { $0 + "\n" }.joined()
    }

    private func line(_ event: ApplyEvent) -> String {
        let elapsed = String(format: "%7.1fs", Double(event.tsMs &- startMs) / 1000)
        let object = event.object.map { " \($0)" } ?? ""
        let step = event.step.map { " step \($0)" } ?? ""
        switch event.kind {
        case .plan(let fingerprint, let moves, let steps, _):
            return "\(elapsed)  plan \(fingerprint): \(moves) moves, \(steps) steps\n"
        case .stepStarted(let action, let cluster, _):
            let target = event.object == nil ? cluster.map { " \($0)" } ?? "" : object
            return "\(elapsed) \(step) \(action)\(target)\n"
        case .stepFinished:
            return ""
        case .objectStatus(let status):
            let state = status.ready ? "ready" : (status.waitingFor ?? "waiting")
            let key = event.object ?? ""
            let category = String(state.prefix { $0 != ":" && !$0.isNumber })
            guard lastState[key] != category else { return "" }
            lastState[key] = category
            let lag = status.lagMs.map { ", lag \($0) ms" } ?? ""
            return "\(elapsed)   \(object.dropFirst()): \(state)\(lag)\n"
        case .ready:
            return "\(elapsed) \(step) ready\(object)\n"
        case .cutover(let cluster):
            return "\(elapsed) \(step) cut over\(object) → \(cluster ?? "")\n"
        case .warning(_, let message):
            return "\(elapsed)  warning\(object): \(message)\n"
        case .violation(let message):
            return "\(elapsed)  VIOLATION\(object): \(message)\n"
        case .summary(let summary):
            return Self.text(summary)
        }
    }

    private static func text(_ summary: ApplyEvent.Summary) -> String {
        let clock = summary.simulation == nil ? "" : " (virtual)"
        let makespan = DurationText.describe(milliseconds: summary.makespanMs)
        var text = "\nSummary: \(summary.outcome) in \(makespan)\(clock), \(summary.statements) statements, \(summary.polls) readiness polls\n"
        for move in summary.moves {
            let done = move.state == .done
            let wait = DurationText.describe(milliseconds: move.waitMs)
            let stale = move.stalenessMs.map { ", staleness \(DurationText.describe(milliseconds: $0))" } ?? ""
            text += "  \(done ? "✓" : "✗") \(move.object) \(move.from) → \(move.to) [\(move.strategy.rawValue)] waited \(wait)\(stale)\(done ? "" : " (\(move.state.rawValue))")\n"
        }
        for cluster in summary.clusters ?? [] {
            text += "  cluster \(cluster.name) resized [\(cluster.strategy)]: downtime \(DurationText.describe(milliseconds: cluster.downtimeMs))\n"
        }
        return text + summary.message + "\n"
    }
}
