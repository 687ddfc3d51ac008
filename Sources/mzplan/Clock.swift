import Foundation

/// The plan's only clock reading.
enum Clock {
    /// Milliseconds since the epoch, or `SOURCE_DATE_EPOCH` (seconds) when set, for reproducible plan files.
    static func planTimestamp(environment: [String: String] = ProcessInfo.processInfo.environment) -> UInt64 {
        if let epoch = environment["SOURCE_DATE_EPOCH"].flatMap(UInt64.init) { return epoch * 1000 }
        return UInt64(Date().timeIntervalSince1970 * 1000)
    }
}
