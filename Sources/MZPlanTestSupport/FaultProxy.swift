package import Foundation

/// A loopback TCP proxy in front of a server that cuts connections on cue, for testing what an
/// apply does when the network fails (SPEC §10.4): every connection to ``port`` is forwarded to
/// `127.0.0.1:upstreamPort` until a rule matches what the client sends, then both sides are shut
/// down — before the matching bytes reach the server, or after they did and the server had time
/// to act on them, with its reply withheld.
///
/// Plain TCP only (the tests connect with `sslmode=disable`); a rule matches bytes within one read.
package final class FaultProxy: @unchecked Sendable {
    /// When a matching message is cut off.
    package enum Moment: Sendable {
        /// The server never sees it.
        case beforeForwarding
        /// The server receives it and has `settle` seconds to run it; its reply is lost.
        case afterForwarding
    }

    private struct Rule {
        var text: [UInt8]
        var moment: Moment
        var remaining: Int
    }

    /// The port clients connect to.
    package let port: Int
    private let upstreamPort: Int
    private let listener: Int32
    private let settle: Double
    private let lock = NSLock()
    private var rules: [Rule] = []
    private var open: [Int32] = []
    private var cutCount = 0

    /// Listens on a free loopback port, forwarding to `upstreamPort`.
    package init(upstreamPort: Int, settle: Double = 0.2) throws {
        self.upstreamPort = upstreamPort
        self.settle = settle
        let descriptor = socket(AF_INET, Int32(SOCK_STREAM.rawValue), 0)
        var address = Self.loopback(port: 0)
        let bound = withUnsafePointer(to: &address) { pointer in
            pointer.withMemoryRebound(to: sockaddr.self, capacity: 1) { bind(descriptor, $0, socklen_t(MemoryLayout<sockaddr_in>.size)) }
        }
        guard bound == 0, listen(descriptor, 64) == 0 else {
            Foundation.close(descriptor)
            throw POSIXError(.EADDRINUSE)
        }
        var length = socklen_t(MemoryLayout<sockaddr_in>.size)
        _ = withUnsafeMutablePointer(to: &address) { pointer in
            pointer.withMemoryRebound(to: sockaddr.self, capacity: 1) { getsockname(descriptor, $0, &length) }
        }
        listener = descriptor
        port = Int(UInt16(bigEndian: address.sin_port))
        Thread { [self] in acceptLoop() }.start()
    }

    /// Cuts the connection that sends `text` next (`times` times in all).
    package func cut(whenClientSends text: String, _ moment: Moment = .beforeForwarding, times: Int = 1) {
        lock.withLock { rules.append(Rule(text: Array(text.utf8), moment: moment, remaining: times)) }
    }

    /// How many connections the rules have cut so far.
    package var cuts: Int { lock.withLock { cutCount } }

    /// Stops listening and closes every connection.
    package func close() {
        shutdown(listener, Int32(SHUT_RDWR))
        Foundation.close(listener)
        for descriptor in lock.withLock({ open }) { shutdown(descriptor, Int32(SHUT_RDWR)) }
    }

    private func acceptLoop() {
        while true {
            let client = accept(listener, nil, nil)
            guard client >= 0 else { return }
            let server = socket(AF_INET, Int32(SOCK_STREAM.rawValue), 0)
            var address = Self.loopback(port: upstreamPort)
            let connected = withUnsafePointer(to: &address) { pointer in
                pointer.withMemoryRebound(to: sockaddr.self, capacity: 1) { connect(server, $0, socklen_t(MemoryLayout<sockaddr_in>.size)) }
            }
            guard connected == 0 else {
                Foundation.close(client)
                Foundation.close(server)
                continue
            }
            lock.withLock { open += [client, server] }
            let connection = ProxiedConnection(client: client, server: server)
            Thread { [self] in pump(from: client, to: server, connection: connection, inspecting: true) }.start()
            Thread { [self] in pump(from: server, to: client, connection: connection, inspecting: false) }.start()
        }
    }

    private func pump(from source: Int32, to destination: Int32, connection: ProxiedConnection, inspecting: Bool) {
        var buffer = [UInt8](repeating: 0, count: 65_536)
        while true {
            let count = buffer.withUnsafeMutableBytes { read(source, $0.baseAddress, $0.count) }
            guard count > 0 else { break }
            let chunk = Array(buffer[0..<count])
            if inspecting, let moment = match(chunk) {
                if moment == .afterForwarding {
                    connection.withholdReplies()
                    _ = chunk.withUnsafeBytes { send(destination, $0.baseAddress, $0.count, Int32(MSG_NOSIGNAL)) }
                    Thread.sleep(forTimeInterval: settle)
                }
                break
            }
            if !inspecting, connection.repliesWithheld { continue }
            var offset = 0
            while offset < count {
                let written = chunk[offset...].withUnsafeBytes { send(destination, $0.baseAddress, $0.count, Int32(MSG_NOSIGNAL)) }
                guard written > 0 else { break }
                offset += written
            }
        }
        shutdown(source, Int32(SHUT_RDWR))
        shutdown(destination, Int32(SHUT_RDWR))
        if connection.pumpFinished() {
            lock.withLock { open.removeAll { $0 == connection.client || $0 == connection.server } }
            Foundation.close(connection.client)
            Foundation.close(connection.server)
        }
    }

    /// The moment of the first rule `chunk` matches, consuming one of its times.
    private func match(_ chunk: [UInt8]) -> Moment? {
        lock.withLock {
            for index in rules.indices where rules[index].remaining > 0 && Self.contains(chunk, rules[index].text) {
                rules[index].remaining -= 1
                cutCount += 1
                return rules[index].moment
            }
            return nil
        }
    }

    private static func contains(_ haystack: [UInt8], _ needle: [UInt8]) -> Bool {
        guard !needle.isEmpty, haystack.count >= needle.count else { return false }
        for start in 0...(haystack.count - needle.count) where haystack[start] == needle[0] {
            if haystack[start..<(start + needle.count)].elementsEqual(needle) { return true }
        }
        return false
    }

    private static func loopback(port: Int) -> sockaddr_in {
        var address = sockaddr_in()
        address.sin_family = sa_family_t(AF_INET)
        address.sin_port = UInt16(port).bigEndian
        address.sin_addr.s_addr = inet_addr("127.0.0.1")
        return address
    }
}

/// One proxied connection: its two sockets, closed when both pumps have ended, and whether the
/// server's replies are being withheld.
private final class ProxiedConnection: @unchecked Sendable {
    let client: Int32
    let server: Int32
    private let lock = NSLock()
    private var withheld = false
    private var pumpsLeft = 2

    init(client: Int32, server: Int32) {
        self.client = client
        self.server = server
    }

    var repliesWithheld: Bool { lock.withLock { withheld } }

    func withholdReplies() {
        lock.withLock { withheld = true }
    }

    /// True for the second pump to end: the sockets may be closed.
    func pumpFinished() -> Bool {
        lock.withLock {
            pumpsLeft -= 1
            return pumpsLeft == 0
        }
    }
}
