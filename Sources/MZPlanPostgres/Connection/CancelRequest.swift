import Foundation
#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// The wire protocol's CancelRequest: a new connection to the server carrying the session's
/// process id and secret key, which asks the server to cancel what that session runs now.
/// PostgresNIO does not send one, so mzplan does, for statements no server timeout bounds
/// (`ALTER MATERIALIZED VIEW … APPLY REPLACEMENT` waits until the view catches up).
///
/// Sent over plain TCP only (`sslmode=disable`); with TLS the caller closes the session instead,
/// which ends the statement as well.
struct CancelRequest: Sendable, Equatable {
    /// From the server's BackendKeyData message at startup.
    var processID: Int32
    var secretKey: Int32

    /// The 16 bytes of the message: length, the cancel request code 80877102, process id, key.
    var bytes: [UInt8] {
        [Int32(16), Int32(80_877_102), processID, secretKey].flatMap { value in
            withUnsafeBytes(of: value.bigEndian) { Array($0) }
        }
    }

    /// Sends the request to `host:port` on a thread of its own (the socket calls block, and must
    /// not hold up Swift concurrency's few threads); false when it could not be delivered.
    func send(host: String, port: Int) async -> Bool {
        await withCheckedContinuation { continuation in
            DispatchQueue.global().async {
                continuation.resume(returning: sendBlocking(host: host, port: port))
            }
        }
    }

    /// Sends the request, blocking; bounded by 2-second socket timeouts, so an unreachable server
    /// cannot hang the caller.
    private func sendBlocking(host: String, port: Int) -> Bool {
        var hints = addrinfo()
        hints.ai_family = AF_UNSPEC
        #if canImport(Glibc)
        hints.ai_socktype = Int32(SOCK_STREAM.rawValue)
        #else
        hints.ai_socktype = SOCK_STREAM
        #endif
        var found: UnsafeMutablePointer<addrinfo>?
        guard getaddrinfo(host, String(port), &hints, &found) == 0, let first = found else { return false }
        defer { freeaddrinfo(found) }
        var candidate: UnsafeMutablePointer<addrinfo>? = first
        while let info = candidate {
            defer { candidate = info.pointee.ai_next }
            let socketFD = socket(info.pointee.ai_family, info.pointee.ai_socktype, info.pointee.ai_protocol)
            guard socketFD >= 0 else { continue }
            defer { close(socketFD) }
            var timeout = timeval(tv_sec: 2, tv_usec: 0)
            setsockopt(socketFD, SOL_SOCKET, SO_SNDTIMEO, &timeout, socklen_t(MemoryLayout<timeval>.size))
            setsockopt(socketFD, SOL_SOCKET, SO_RCVTIMEO, &timeout, socklen_t(MemoryLayout<timeval>.size))
            guard connect(socketFD, info.pointee.ai_addr, info.pointee.ai_addrlen) == 0 else { continue }
            let message = bytes
            let written = message.withUnsafeBytes { buffer in
                #if canImport(Glibc)
                Glibc.send(socketFD, buffer.baseAddress, buffer.count, Int32(MSG_NOSIGNAL))
                #else
                Darwin.send(socketFD, buffer.baseAddress, buffer.count, 0)
                #endif
            }
            guard written == message.count else { continue }
            // The server answers by closing the connection: wait for that, so the cancel has
            // been taken when this returns.
            var byte: UInt8 = 0
            _ = recv(socketFD, &byte, 1, 0)
            return true
        }
        return false
    }

    /// The key in a traced startup message such as `.backendKeyData(processID: 123, secretKey: -7)`.
    static func parse(tracedMessage text: String) -> CancelRequest? {
        guard let start = text.range(of: "backendKeyData(processID: ") else { return nil }
        let rest = text[start.upperBound...]
        guard let comma = rest.firstIndex(of: ","), let processID = Int32(rest[..<comma]) else { return nil }
        guard let keyStart = rest.range(of: "secretKey: ") else { return nil }
        let keyText = rest[keyStart.upperBound...].prefix { $0 == "-" || $0.isNumber }
        guard let secretKey = Int32(keyText) else { return nil }
        return CancelRequest(processID: processID, secretKey: secretKey)
    }
}
