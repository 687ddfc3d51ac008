public import MZPlanCore

/// The lock schema exists: its comment, and the holder the comment names.
public struct LockState: Sendable, Equatable {
    /// The raw comment; nil when the holder has not written it (yet).
    public var comment: String?

    public init(comment: String?) {
        self.comment = comment
    }

    /// The holder, when the comment is mzplan's.
    public var holder: LockHolder? { comment.flatMap(LockComment.decode) }
}
