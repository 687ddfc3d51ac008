import Foundation
import MZPlanCore

/// The `COMMENT` on `_mzplan_lock`: the holder as one JSON object,
/// `{"fingerprint": …, "host": …, "pid": …, "started_at": "2026-11-26T07:00:00.000Z"}`.
enum LockComment {
    /// The comment's JSON document.
    private struct Document: Codable {
        var fingerprint: String
        var host: String
        var pid: Int
        var startedAt: String

        enum CodingKeys: String, CodingKey {
            case fingerprint, host, pid
            case startedAt = "started_at"
        }
    }

    static func encode(_ holder: LockHolder) -> String {
        let document = Document(fingerprint: holder.planFingerprint, host: holder.host, pid: holder.pid, startedAt: timestamp(holder.startedAtMs))
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.sortedKeys, .withoutEscapingSlashes]
        // Encoding four strings and an integer cannot fail.
        return (try? encoder.encode(document)).map { String(decoding: $0, as: UTF8.self) } ?? "{}"
    }

    /// The holder a comment names; nil when it is not one of mzplan's (or is missing a field).
    static func decode(_ comment: String) -> LockHolder? {
        guard let document = try? JSONDecoder().decode(Document.self, from: Data(comment.utf8)),
              let startedAt = milliseconds(document.startedAt)
        else { return nil }
        return LockHolder(planFingerprint: document.fingerprint, host: document.host, pid: document.pid, startedAtMs: startedAt)
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
