/// Short human spellings of byte counts in binary units: `0 B`, `512 B`, `1.5 KiB`, `10.0 GiB`.
package enum ByteText {
    package static func describe(bytes: UInt64) -> String {
        if bytes < 1024 { return "\(bytes) B" }
        let units = ["KiB", "MiB", "GiB", "TiB", "PiB", "EiB"]
        var value = Double(bytes) / 1024
        var unit = 0
        while value >= 1023.95, unit < units.count - 1 {
            value /= 1024
            unit += 1
        }
        let tenths = Int((value * 10).rounded())
        return "\(tenths / 10).\(tenths % 10) \(units[unit])"
    }
}

/// Credit amounts as people read them: at most two decimals, no trailing zeros (`2.75`, `0.4`, `3`).
package enum CreditText {
    package static func describe(_ credits: Double) -> String {
        let hundredths = Int((credits * 100).rounded())
        let whole = hundredths / 100
        let fraction = hundredths % 100
        if fraction == 0 { return "\(whole)" }
        return fraction % 10 == 0 ? "\(whole).\(fraction / 10)" : "\(whole).\(fraction < 10 ? "0" : "")\(fraction)"
    }
}
