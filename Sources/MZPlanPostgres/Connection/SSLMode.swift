/// How the connection uses TLS: libpq's `sslmode`, limited to the three modes mzplan supports.
package enum SSLMode: String, Sendable, CaseIterable {
    /// Plaintext. The default on loopback hosts only.
    case disable
    /// Encrypted, without verifying the server's certificate (libpq's meaning of `require`).
    case require
    /// Encrypted, with the certificate verified against the system trust roots and the host name.
    case verifyFull = "verify-full"
}
