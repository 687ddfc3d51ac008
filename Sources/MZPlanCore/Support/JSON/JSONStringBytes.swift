/// The bytes a JSON string cannot hold as they are (`"`, `\` and control characters), found
/// eight at a time: both reading strings (``JSONScanner``) and writing them (``JSONValue``) skip
/// over long runs of plain text, such as SQL.
enum JSONStringBytes {
    /// Where the run of plain bytes in `bytes` from `start` ends: at the first `"`, `\\` or
    /// control character, or the end. ORs the bytes passed into `bits` (only whether one is
    /// ≥ 0x80 matters). Eight bytes are tested at a time while none of them ends the run.
    @inline(__always)
    static func plainRunEnd(_ bytes: UnsafeBufferPointer<UInt8>, from start: Int, bits: inout UInt8) -> Int {
        let ones: UInt64 = 0x0101_0101_0101_0101
        let highs: UInt64 = 0x8080_8080_8080_8080
        var cursor = start
        if let base = bytes.baseAddress {
            var passed: UInt64 = 0
            while cursor + 8 <= bytes.count {
                let word = UInt64(littleEndian: UnsafeRawPointer(base + cursor).loadUnaligned(as: UInt64.self))
                let quotes = word ^ (ones &* 0x22)
                let backslashes = word ^ (ones &* 0x5C)
                // A byte of `quotes` or `backslashes` is zero, or a byte of `word` is below 0x20.
                let stops = (((quotes &- ones) & ~quotes) | ((backslashes &- ones) & ~backslashes) | ((word &- ones &* 0x20) & ~word)) & highs
                if stops != 0 {
                    // The lowest flagged byte is a true stop (a borrow only flags bytes above
                    // one); bytes are loaded little-endian, so it is the first in memory.
                    let index = stops.trailingZeroBitCount >> 3
                    if index > 0 { passed |= word & (UInt64.max >> (64 - 8 * index)) }
                    if passed & highs != 0 { bits |= 0x80 }
                    return cursor + index
                }
                passed |= word
                cursor += 8
            }
            if passed & highs != 0 { bits |= 0x80 }
        }
        while cursor < bytes.count {
            let byte = bytes[cursor]
            if byte == UInt8(ascii: "\"") || byte == UInt8(ascii: "\\") || byte < 0x20 { break }
            bits |= byte
            cursor += 1
        }
        return cursor
    }
}
