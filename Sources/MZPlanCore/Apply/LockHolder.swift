/// Who holds the apply lock: the `COMMENT` on `_mzplan_lock`.
public struct LockHolder: Hashable, Sendable, CustomStringConvertible {
    public var planFingerprint: String
    public var host: String
    public var pid: Int
    public var startedAtMs: UInt64

    public init(planFingerprint: String, host: String, pid: Int, startedAtMs: UInt64) {
        self.planFingerprint = planFingerprint
        self.host = host
        self.pid = pid
        self.startedAtMs = startedAtMs
    }

    /// A holder whose comment is missing or unreadable: the lock is held, by whom is unknown.
    public static let unknown = LockHolder(planFingerprint: "unknown", host: "unknown", pid: 0, startedAtMs: 0)

    public var description: String {
        "pid \(pid) on \(host), plan \(planFingerprint.prefix(19))…, started at \(startedAtMs) ms"
    }
}
