/// How the apply engine meets transient failures: the one place that decides, live and
/// simulated alike (the statement executor sends each statement once).
///
/// - A serialization failure (SQLSTATE 40001, concurrent DDL) took no effect: the call is made
///   again after a pause that doubles from ``initialDelayMs`` up to ``maxDelayMs``, at most
///   ``serializationAttempts`` times in all.
/// - A dropped connection is reopened up to ``reconnects`` times for calls that are safe to
///   repeat; a statement cut off by one is sent again only when the catalog shows it did not run.
package struct RetryPolicy: Sendable, Equatable {
    /// Attempts in all for a call that keeps failing with 40001, the first included.
    package var serializationAttempts: Int
    package var initialDelayMs: UInt64
    package var maxDelayMs: UInt64
    /// Reconnects for one call.
    package var reconnects: Int

    package init(serializationAttempts: Int = 6, initialDelayMs: UInt64 = 200, maxDelayMs: UInt64 = 3_200, reconnects: Int = 3) {
        self.serializationAttempts = max(1, serializationAttempts)
        self.initialDelayMs = initialDelayMs
        self.maxDelayMs = max(initialDelayMs, maxDelayMs)
        self.reconnects = max(0, reconnects)
    }

    package static let `default` = RetryPolicy()

    /// The pause after the `attempt`-th failed attempt (1-based).
    package func delayMs(afterAttempt attempt: Int) -> UInt64 {
        var delay = initialDelayMs
        for _ in 1..<max(1, attempt) where delay < maxDelayMs {
            delay *= 2
        }
        return min(delay, maxDelayMs)
    }
}
