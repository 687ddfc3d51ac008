/// Who holds the apply lock: the `COMMENT` on `_mzplan_lock`.
package struct LockHolder: Hashable, Sendable, CustomStringConvertible {
    package var planFingerprint: String
    package var host: String
    package var pid: Int
    package var startedAtMs: UInt64

    package init(planFingerprint: String, host: String, pid: Int, startedAtMs: UInt64) {
        self.planFingerprint = planFingerprint
        self.host = host
        self.pid = pid
        self.startedAtMs = startedAtMs
    }

    /// A holder whose comment is missing or unreadable: the lock is held, by whom is unknown.
    package static let unknown = LockHolder(planFingerprint: "unknown", host: "unknown", pid: 0, startedAtMs: 0)

    package var description: String {
        "pid \(pid) on \(host), plan \(planFingerprint.prefix(19))…, started at \(startedAtMs) ms"
    }
}
