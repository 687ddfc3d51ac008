/// Reads Materialize interval literals as the options that carry them use them:
/// `RETAIN HISTORY = FOR '1h'`, `REFRESH EVERY '1 day'`. Accepts unit terms (`1h`, `90 s`,
/// `1 hour 30 minutes`, `500ms`, `2 days`) and `HH:MM:SS`.
package enum SQLInterval {
    /// The interval in milliseconds, or nil when the text is not an interval mzplan reads.
    package static func milliseconds(_ text: String) -> UInt64? {
        let trimmed = text.split(whereSeparator: { $0 == " " }).joined(separator: " ")
        if trimmed.contains(":") { return clock(trimmed) }
        var total: UInt64 = 0
        var scalars = Array(trimmed.lowercased().unicodeScalars)
        scalars.removeAll { $0 == " " }
        var index = 0
        var terms = 0
        while index < scalars.count {
            var number: UInt64 = 0
            var digits = 0
            while index < scalars.count, ("0"..."9").contains(scalars[index]) {
                let (value, overflow) = number.multipliedReportingOverflow(by: 10)
                guard !overflow else { return nil }
                number = value + UInt64(scalars[index].value - 48)
                digits += 1
                index += 1
            }
            var unit = ""
            while index < scalars.count, ("a"..."z").contains(scalars[index]) {
                unit.unicodeScalars.append(scalars[index])
                index += 1
            }
            guard digits > 0, let scale = unitMilliseconds[unit] else { return nil }
            let (value, overflow) = number.multipliedReportingOverflow(by: scale)
            guard !overflow else { return nil }
            let (sum, overflowed) = total.addingReportingOverflow(value)
            guard !overflowed else { return nil }
            total = sum
            terms += 1
        }
        return terms > 0 ? total : nil
    }

    /// An interval literal's text for a duration: `30m`, `90s`, `1500ms` (the largest unit that divides it).
    package static func text(milliseconds: UInt64) -> String {
        if milliseconds > 0, milliseconds % 3_600_000 == 0 { return "\(milliseconds / 3_600_000)h" }
        if milliseconds > 0, milliseconds % 60_000 == 0 { return "\(milliseconds / 60_000)m" }
        if milliseconds % 1000 == 0 { return "\(milliseconds / 1000)s" }
        return "\(milliseconds)ms"
    }

    private static let unitMilliseconds: [String: UInt64] = {
        var units: [String: UInt64] = [:]
        for name in ["ms", "msec", "msecs", "millisecond", "milliseconds"] { units[name] = 1 }
        for name in ["s", "sec", "secs", "second", "seconds"] { units[name] = 1000 }
        for name in ["m", "min", "mins", "minute", "minutes"] { units[name] = 60_000 }
        for name in ["h", "hr", "hrs", "hour", "hours"] { units[name] = 3_600_000 }
        for name in ["d", "day", "days"] { units[name] = 86_400_000 }
        for name in ["w", "week", "weeks"] { units[name] = 604_800_000 }
        return units
    }()

    /// `HH:MM:SS` or `HH:MM`.
    private static func clock(_ text: String) -> UInt64? {
        let parts = text.split(separator: ":").map { UInt64($0) }
        guard parts.count == 2 || parts.count == 3, parts.allSatisfy({ $0 != nil }) else { return nil }
        let values = parts.map { $0! }
        guard values.allSatisfy({ $0 < 1_000_000_000 }) else { return nil }
        return (values[0] * 3600 + values[1] * 60 + (values.count == 3 ? values[2] : 0)) * 1000
    }
}

extension Array where Element == SQLOption {
    /// `RETAIN HISTORY = FOR '1h'` in milliseconds; nil when absent or unreadable.
    package var retainHistoryMs: UInt64? {
        guard let value = first(named: "RETAIN HISTORY")?.value else { return nil }
        var parser = SQLParser(fragment: value)
        guard parser.consume("FOR"), !parser.atEnd else { return nil }
        return parser.fragment(parser.position..<parser.significant.count).stringLiteral.flatMap(SQLInterval.milliseconds)
    }

    /// Whether every `REFRESH` option is `AT …` (`AT CREATION` included): such a view computes
    /// its last refresh and is sealed after it. False without `REFRESH` (it means `ON COMMIT`).
    package var refreshesOnlyAt: Bool {
        let refreshes = filter { $0.name == "REFRESH" }
        return !refreshes.isEmpty && refreshes.allSatisfy { option in
            guard let value = option.value else { return false }
            var parser = SQLParser(fragment: value)
            return parser.consume("AT")
        }
    }
}
