/// One key of `options:` as written, kept with its position so two files setting it differently
/// can both be named.
struct OptionSetting: Hashable, Sendable {
    enum Value: Hashable, Sendable, CustomStringConvertible {
        case milliseconds(UInt64)
        case count(Int)
        case flag(Bool)
        case hazards([HazardCode])
        case percent(Int)
        case strategy(Strategy)

        var description: String {
            switch self {
            case .milliseconds(let value): "\(value)ms"
            case .count(let value): "\(value)"
            case .flag(let value): "\(value)"
            case .hazards(let codes): "[" + codes.map(\.rawValue).joined(separator: ", ") + "]"
            case .percent(let value): "\(value)%"
            case .strategy(let value): value.rawValue
            }
        }
    }

    /// The key as written in `options:`.
    var key: String
    var value: Value
    var location: SourceLocation
}

extension PlanOptions {
    /// Sets the field `setting` names. Keys and value types were checked when reading.
    mutating func apply(_ setting: OptionSetting) {
        switch (setting.key, setting.value) {
        case ("lag_threshold", .milliseconds(let value)): lagThresholdMs = value
        case ("poll_interval", .milliseconds(let value)): pollIntervalMs = value
        case ("hydration_timeout", .milliseconds(let value)): hydrationTimeoutMs = value
        case ("resize_timeout", .milliseconds(let value)): resizeTimeoutMs = value
        case ("stable_polls", .count(let value)): stablePolls = value
        case ("max_parallel_hydrations", .count(let value)): maxParallelHydrations = value
        case ("drop_empty_clusters", .flag(let value)): dropEmptyClusters = value
        case ("allow", .hazards(let codes)): allow = codes
        case ("memory_limit", .percent(let value)): memoryLimitPercent = value
        case ("source_moves", .strategy(let value)): sourceMoves = value
        default: break
        }
    }
}
