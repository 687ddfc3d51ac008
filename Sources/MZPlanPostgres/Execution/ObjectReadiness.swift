/// One object's readiness facts, from ``ReadinessQuery``.
package struct ObjectReadiness: Sendable, Equatable {
    /// Hydrated on at least one replica that is online and not OOM-looping (fewer than 3 OOM kills in 24 h).
    package var hydrated: Bool
    /// The write frontier of the object's newest GlobalId; nil when unknown or sealed.
    package var upperMs: UInt64?
    /// The write frontier is empty: the object never changes again.
    package var sealed: Bool
    /// Wallclock lag; nil when unknown.
    package var lagMs: UInt64?
    /// The read frontier (since) of the same GlobalId; nil when unknown.
    package var sinceMs: UInt64?

    package init(hydrated: Bool, upperMs: UInt64? = nil, sealed: Bool = false, lagMs: UInt64? = nil, sinceMs: UInt64? = nil) {
        self.hydrated = hydrated
        self.upperMs = upperMs
        self.sealed = sealed
        self.lagMs = lagMs
        self.sinceMs = sinceMs
    }
}
