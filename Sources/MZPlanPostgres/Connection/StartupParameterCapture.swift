import Foundation
import Logging

/// Reads the `mz_version` startup parameter that Materialize announces in a ParameterStatus message,
/// and the session's cancel key from BackendKeyData.
///
/// PostgresNIO keeps startup parameters to itself; it only traces every backend message. While
/// ``isCapturing`` is on, this handler asks for trace messages, keeps the one `mz_version` status and
/// forwards everything else at the wrapped handler's level. After the connection is up, capturing is
/// switched off and the handler costs nothing more than the wrapped one.
final class StartupParameterCapture: @unchecked Sendable {
    private let lock = NSLock()
    private var capturing = true
    private var version: String?
    private var key: CancelRequest?

    /// The announced `mz_version`, or nil when the server did not announce one.
    var mzVersion: String? { lock.withLock { version } }

    /// The session's cancel key (BackendKeyData), when the server sent one.
    var cancelRequest: CancelRequest? { lock.withLock { key } }

    var isCapturing: Bool { lock.withLock { capturing } }

    func stopCapturing() { lock.withLock { capturing = false } }

    func inspect(_ text: String) {
        if let value = Self.mzVersion(inMessage: text) { lock.withLock { version = value } }
        if let value = CancelRequest.parse(tracedMessage: text) { lock.withLock { key = value } }
    }

    /// Wraps `logger`'s handler so startup parameters pass through this capture.
    func wrapping(_ logger: Logger) -> Logger {
        let inner = logger.handler
        var wrapped = Logger(label: logger.label) { _ in Handler(capture: self, inner: inner) }
        wrapped.logLevel = logger.logLevel
        return wrapped
    }

    /// The value in a traced message such as `.parameterStatus(parameter: "mz_version", value: "v26.10.1 (abc)")`.
    static func mzVersion(inMessage text: String) -> String? {
        let marker = #"parameterStatus(parameter: "mz_version", value: ""#
        guard let start = text.range(of: marker) else { return nil }
        let rest = text[start.upperBound...]
        guard let end = rest.range(of: #"")"#) else { return nil }
        return String(rest[..<end.lowerBound])
    }

    private struct Handler: LogHandler {
        let capture: StartupParameterCapture
        var inner: any LogHandler

        var metadata: Logger.Metadata {
            get { inner.metadata }
            set { inner.metadata = newValue }
        }

        var logLevel: Logger.Level {
            get { capture.isCapturing ? .trace : inner.logLevel }
            set { inner.logLevel = newValue }
        }

        subscript(metadataKey key: String) -> Logger.Metadata.Value? {
            get { inner[metadataKey: key] }
            set { inner[metadataKey: key] = newValue }
        }

        func log(event: LogEvent) {
            if capture.isCapturing, event.level == .trace {
                for value in (event.metadata ?? [:]).values {
                    capture.inspect("\(value)")
                }
            }
            if event.level >= inner.logLevel {
                inner.log(event: event)
            }
        }
    }
}
