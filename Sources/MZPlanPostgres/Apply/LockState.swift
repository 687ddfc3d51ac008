package import MZPlanCore

/// The lock schema exists: its comment, and the holder the comment names.
package struct LockState: Sendable, Equatable {
    /// The raw comment; nil when the holder has not written it (yet).
    package var comment: String?

    package init(comment: String?) {
        self.comment = comment
    }

    /// The holder, when the comment is mzplan's.
    package var holder: LockHolder? { comment.flatMap(LockComment.decode) }

    /// Who holds the lock: the holder, or ``LockHolder/unknown`` when the comment names none.
    package var heldBy: LockHolder { holder ?? .unknown }
}
