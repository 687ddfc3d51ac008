import Foundation
import MZPlanCore

/// The `COMMENT` on `_mzplan_lock`: the holder as one JSON object,
/// `{"fingerprint": …, "host": …, "pid": …, "started_at": "2026-11-26T07:00:00.000Z"}`.
enum LockComment {
    static func encode(_ holder: LockHolder) -> String {
        JSONValue.object([
            ("fingerprint", .string(holder.planFingerprint)),
            ("host", .string(holder.host)),
            ("pid", .int(holder.pid)),
            ("started_at", .string(timestamp(holder.startedAtMs))),
        ]).serialized(pretty: false)
    }

    /// The holder a comment names; nil when it is not one of mzplan's (or is missing a field).
    static func decode(_ comment: String) -> LockHolder? {
        guard let value = try? JSONValue.parse(Array(comment.utf8), file: "_mzplan_lock"),
              let fingerprint = value["fingerprint"]?.stringValue,
              let host = value["host"]?.stringValue,
              let pid = value["pid"]?.intValue,
              let startedAt = value["started_at"]?.stringValue.flatMap(milliseconds)
        else { return nil }
        return LockHolder(planFingerprint: fingerprint, host: host, pid: pid, startedAtMs: startedAt)
    }

    private static func formatter() -> ISO8601DateFormatter {
        let formatter = ISO8601DateFormatter()
        formatter.formatOptions = [.withInternetDateTime, .withFractionalSeconds]
        return formatter
    }

    private static func timestamp(_ milliseconds: UInt64) -> String {
        formatter().string(from: Date(timeIntervalSince1970: Double(milliseconds) / 1000))
    }

    private static func milliseconds(_ text: String) -> UInt64? {
        guard let date = formatter().date(from: text), date.timeIntervalSince1970 >= 0 else { return nil }
        return UInt64((date.timeIntervalSince1970 * 1000).rounded())
    }
}
