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

    func print(_ event: ApplyEvent) {
        switch mode {
        case .ndjson:
            console.output(event.ndjson() + "\n")
        case .none:
            if event.name == .summary { FileHandle.standardError.write(Data(line(event).utf8)) }
        case .auto, .bar:
            FileHandle.standardError.write(Data((live ? redraw(event) : line(event)).utf8))
        }
    }

    /// Erases the live block, prints the event's line, and draws the block again.
    private func redraw(_ event: ApplyEvent) -> String {
        var text = String(repeating: "\u{1B}[1A\u{1B}[2K", count: drawnLines)
        let name = event.object?.description ?? ""
        switch event.name {
        case .stepFinished:
            startedMs[name] = event.tsMs
        case .objectStatus:
            let state = event["ready"]?.boolValue == true ? "ready, confirming" : (event["waiting_for"]?.stringValue ?? "waiting")
            let lag = event["lag_ms"]?.uintValue.map { String(format: "lag %.1f s", Double($0) / 1000) } ?? "lag ?"
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
        switch event.name {
        case .plan:
            return "\(elapsed)  plan \(event["fingerprint"]?.stringValue ?? ""): \(event["moves"]?.intValue ?? 0) moves, \(event["steps"]?.intValue ?? 0) steps\n"
        case .stepStarted:
            let target = event.object == nil ? event["cluster"]?.stringValue.map { " \($0)" } ?? "" : object
            return "\(elapsed) \(step) \(event["action"]?.stringValue ?? "")\(target)\n"
        case .stepFinished:
            return ""
        case .objectStatus:
            let state = event["ready"]?.boolValue == true ? "ready" : (event["waiting_for"]?.stringValue ?? "waiting")
            let key = event.object?.description ?? ""
            let category = String(state.prefix { $0 != ":" && !$0.isNumber })
            guard lastState[key] != category else { return "" }
            lastState[key] = category
            let lag = event["lag_ms"]?.uintValue.map { ", lag \($0) ms" } ?? ""
            return "\(elapsed)   \(object.dropFirst()): \(state)\(lag)\n"
        case .ready:
            return "\(elapsed) \(step) ready\(object)\n"
        case .cutover:
            return "\(elapsed) \(step) cut over\(object) → \(event["cluster"]?.stringValue ?? "")\n"
        case .warning:
            return "\(elapsed)  warning\(object): \(event["message"]?.stringValue ?? "")\n"
        case .violation:
            return "\(elapsed)  VIOLATION\(object): \(event["message"]?.stringValue ?? "")\n"
        case .summary:
            return summary(event)
        }
    }

    private func summary(_ event: ApplyEvent) -> String {
        let clock = event["simulation"] == nil ? "" : " (virtual)"
        let makespan = DurationText.describe(milliseconds: event["makespan_ms"]?.uintValue ?? 0)
        var text = "\nSummary: \(event["outcome"]?.stringValue ?? "") in \(makespan)\(clock), \(event["statements"]?.intValue ?? 0) statements, \(event["polls"]?.intValue ?? 0) readiness polls\n"
        for move in event["moves"]?.arrayValue ?? [] {
            let name = move["object"]?.stringValue ?? ""
            let strategy = move["strategy"]?.stringValue ?? ""
            let state = move["state"]?.stringValue ?? ""
            let wait = DurationText.describe(milliseconds: move["wait_ms"]?.uintValue ?? 0)
            let stale = move["staleness_ms"]?.uintValue.map { ", staleness \(DurationText.describe(milliseconds: $0))" } ?? ""
            text += "  \(state == "done" ? "✓" : "✗") \(name) \(move["from"]?.stringValue ?? "") → \(move["to"]?.stringValue ?? "") [\(strategy)] waited \(wait)\(stale)\(state == "done" ? "" : " (\(state))")\n"
        }
        for cluster in event["clusters"]?.arrayValue ?? [] {
            let downtime = DurationText.describe(milliseconds: cluster["downtime_ms"]?.uintValue ?? 0)
            text += "  cluster \(cluster["name"]?.stringValue ?? "") resized [\(cluster["strategy"]?.stringValue ?? "")]: downtime \(downtime)\n"
        }
        text += (event["message"]?.stringValue ?? "") + "\n"
        return text
    }
}
