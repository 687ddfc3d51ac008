import MZPlanCore
@testable import MZPlanPostgres
import Testing

/// The lock's `COMMENT` (no server needed): the holder round-trips, hostile strings included, and
/// a comment that is not mzplan's names no holder.
@Suite struct LockCommentTests {
    @Test("a holder round-trips through the comment, its keys in a fixed order")
    func roundTrip() {
        let holder = LockHolder(planFingerprint: "sha256:abc", host: "host \"'\\/ünï\ncode", pid: 4242, startedAtMs: 1_764_115_200_123)
        let comment = LockComment.encode(holder)
        #expect(comment.hasPrefix(#"{"fingerprint":"sha256:abc","host":"#))
        #expect(comment.hasSuffix(#""pid":4242,"started_at":"2025-11-26T00:00:00.123Z"}"#))
        #expect(LockComment.decode(comment) == holder)
    }

    @Test("not a holder: nil", arguments: ["", "locked by ops", "{}", #"{"fingerprint":"x","host":"h","pid":"1","started_at":"2025-11-26T00:00:00.000Z"}"#, #"{"fingerprint":"x","host":"h","pid":1,"started_at":"yesterday"}"#])
    func foreign(_ comment: String) {
        #expect(LockComment.decode(comment) == nil)
    }
}
