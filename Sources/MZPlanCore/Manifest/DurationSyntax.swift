/// Durations in `options:` and in flags (`apply --timeout`): one or more `<integer><unit>` terms, units `h`, `m`, `s`, `ms`, each at
/// most once and largest first, such as `500ms`, `1s`, `30m`, `2h`, `1h30m` or `1m30s`.
///
/// A bare number is refused (its unit would be a guess), fractions are refused (`1500ms`, not
/// `1.5s`), and so is zero: every duration mzplan takes is a wait or a threshold that must be positive.
/// The largest accepted value is 7 days.
package enum DurationSyntax {
    /// Why a duration was refused, and what to write instead.
    package struct Invalid: Error {
        package var message: String
        init(_ message: String) { self.message = message }
    }

    static let maximumMilliseconds: UInt64 = 7 * 24 * 3_600_000

    private static let units: [(suffix: String, milliseconds: UInt64)] = [("h", 3_600_000), ("m", 60_000), ("s", 1000), ("ms", 1)]

    /// The duration in milliseconds, or a message saying what is wrong and what to write.
    package static func milliseconds(_ text: String) throws(Invalid) -> UInt64 {
        let example = "write a duration such as 500ms, 2s, 30m or 1h30m"
        var scalars = text.unicodeScalars[...]
        guard !scalars.isEmpty else { throw Invalid("the duration is empty; \(example)") }
        var total: UInt64 = 0
        var lastUnit = -1
        while !scalars.isEmpty {
            var digits = ""
            while let scalar = scalars.first, ("0"..."9").contains(scalar) {
                digits.unicodeScalars.append(scalar)
                scalars.removeFirst()
            }
            var suffix = ""
            while let scalar = scalars.first, scalar.properties.isAlphabetic {
                suffix.unicodeScalars.append(scalar)
                scalars.removeFirst()
            }
            guard !digits.isEmpty, let amount = UInt64(digits) else {
                throw Invalid("'\(text)' is not a duration; \(example)")
            }
            if scalars.first == "." {
                throw Invalid("'\(text)' has a fraction; use a smaller unit instead, as in 1500ms for 1.5s")
            }
            guard !suffix.isEmpty else {
                throw Invalid("'\(text)' has no unit; add one of h, m, s or ms (\(example))")
            }
            guard let unit = units.firstIndex(where: { $0.suffix == suffix }) else {
                throw Invalid("'\(text)' has an unknown unit '\(suffix)'; use h, m, s or ms (\(example))")
            }
            guard unit > lastUnit else {
                throw Invalid("'\(text)' repeats a unit or lists a smaller one first; write units largest first, each once, as in 1h30m")
            }
            lastUnit = unit
            let (product, overflow) = amount.multipliedReportingOverflow(by: units[unit].milliseconds)
            guard !overflow, product <= maximumMilliseconds, total + product <= maximumMilliseconds else {
                throw Invalid("'\(text)' is longer than the maximum of 7 days; use a shorter duration")
            }
            total += product
        }
        guard total > 0 else { throw Invalid("'\(text)' is zero; use a positive duration (\(example))") }
        return total
    }
}
