/// Whether a move can resume its materialized view at `upper(M)` without skipping times (SPEC §1, §5).
package enum Feasibility: String, Hashable, Sendable, CaseIterable {
    /// `max since(imports_B) < upper(M)`, or the view is sealed.
    case ok
    /// Not ok now, but M's upper advances and reaches the replacement's as_of after a while.
    case wait
    /// M cannot catch up, or the strategy cannot fill the hole: always blocked.
    case gap
    /// Frontiers are missing (offline snapshot): reported, blocks only `native`.
    case unknown
}
