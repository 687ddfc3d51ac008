import Foundation
import MZPlanCore

/// Prints apply events: NDJSON on stdout, or one line per event on stderr (SPEC §6.5); in
/// lines, an object's status is printed when its state changes, not on every poll.
final class ProgressPrinter {
    let mode: ProgressMode
    let console: Console
    let startMs: UInt64
    private var lastState: [String: String] = [:]

    init(mode: ProgressMode, console: Console, startMs: UInt64) {
        self.mode = mode
        self.console = console
        self.startMs = startMs
    }

    func print(_ event: ApplyEvent) {
        switch mode {
        case .ndjson:
            console.output(event.ndjson() + "\n")
        case .none:
            if event.name == .summary { FileHandle.standardError.write(Data(line(event).utf8)) }
        case .auto, .bar:
            FileHandle.standardError.write(Data(line(event).utf8))
        }
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
        var text = "\nSummary: \(event["outcome"]?.stringValue ?? "") in \(Double(event["makespan_ms"]?.uintValue ?? 0) / 1000) s (virtual), \(event["statements"]?.intValue ?? 0) statements, \(event["polls"]?.intValue ?? 0) readiness polls\n"
        for move in event["moves"]?.arrayValue ?? [] {
            let name = move["object"]?.stringValue ?? ""
            let strategy = move["strategy"]?.stringValue ?? ""
            let state = move["state"]?.stringValue ?? ""
            let wait = Double(move["wait_ms"]?.uintValue ?? 0) / 1000
            let stale = move["staleness_ms"]?.uintValue.map { ", staleness \(Double($0) / 1000) s" } ?? ""
            text += "  \(state == "done" ? "✓" : "✗") \(name) \(move["from"]?.stringValue ?? "") → \(move["to"]?.stringValue ?? "") [\(strategy)] waited \(wait) s\(stale)\(state == "done" ? "" : " (\(state))")\n"
        }
        text += (event["message"]?.stringValue ?? "") + "\n"
        return text
    }
}
