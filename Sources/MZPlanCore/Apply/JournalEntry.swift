/// One row of `_mzplan.journal`.
public struct JournalEntry: Hashable, Sendable {
    public enum Status: String, Hashable, Sendable {
        /// Step 0: the apply began; `detail` holds the plan JSON, so `--resume` needs nothing else.
        case planned
        case started
        case finished
        case failed
        /// A move not cut over (its feasibility became `gap`).
        case skipped
        /// `--abort` ran; the journal of this plan is closed.
        case aborted
        /// Every step finished; the journal of this plan is closed.
        case completed
    }

    public var planFingerprint: String
    public var stepID: Int
    public var action: String
    public var status: Status
    public var atMs: UInt64
    public var detail: String

    public init(planFingerprint: String, stepID: Int, action: String, status: Status, atMs: UInt64, detail: String = "") {
        self.planFingerprint = planFingerprint
        self.stepID = stepID
        self.action = action
        self.status = status
        self.atMs = atMs
        self.detail = detail
    }
}
