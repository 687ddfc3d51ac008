/// One row of `_mzplan.journal`.
package struct JournalEntry: Hashable, Sendable {
    package enum Status: String, Hashable, Sendable {
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

    package var planFingerprint: String
    package var stepID: Int
    package var action: String
    package var status: Status
    package var atMs: UInt64
    package var detail: String

    package init(planFingerprint: String, stepID: Int, action: String, status: Status, atMs: UInt64, detail: String = "") {
        self.planFingerprint = planFingerprint
        self.stepID = stepID
        self.action = action
        self.status = status
        self.atMs = atMs
        self.detail = detail
    }
}
