import Testing
@testable import MZPlanCore

/// The canonical encoding fingerprints are made of: each field's length as eight little-endian
/// bytes, then its bytes, all hashed with SHA-256, however the fields fall on the encoder's blocks.
@Suite struct CanonicalEncoderTests {
    /// `hashlib.sha256(b"".join(struct.pack("<Q", len(f)) + f for f in fields)).hexdigest()` in Python.
    private static let expected = "055fb4c25f31ba9d1e38c115ce907591dd13b543248471e693d5edd281f3d37d"

    @Test("fields that fill, cross and exceed a block hash as their length-prefixed bytes in a row")
    func blocks() {
        var encoder = CanonicalEncoder()
        encoder.field("mzplan.test")
        encoder.field(String(repeating: "x", count: 40_000))
        encoder.field(String(repeating: "é", count: 20_000))
        let large = [UInt8](repeating: UInt8(ascii: "y"), count: 200_000)
        encoder.field(utf8Count: large.count) { _ = $0.initialize(fromContentsOf: large) }
        encoder.field("")
        encoder.field(String(42))
        encoder.field(utf8Count: 65_536) { $0.initialize(repeating: UInt8(ascii: "z")) }
        #expect(encoder.digest() == Self.expected)
    }
}
