/// One object's readiness facts, from ``ReadinessQuery``.
public struct ObjectReadiness: Sendable, Equatable {
    /// Hydrated on at least one replica that is online and not OOM-looping (fewer than 3 OOM kills in 24 h).
    public var hydrated: Bool
    /// The write frontier of the object's newest GlobalId; nil when unknown or sealed.
    public var upperMs: UInt64?
    /// The write frontier is empty: the object never changes again.
    public var sealed: Bool
    /// Wallclock lag; nil when unknown.
    public var lagMs: UInt64?

    public init(hydrated: Bool, upperMs: UInt64? = nil, sealed: Bool = false, lagMs: UInt64? = nil) {
        self.hydrated = hydrated
        self.upperMs = upperMs
        self.sealed = sealed
        self.lagMs = lagMs
    }
}
