/// The `objects` array, read in two halves on two threads when it is large.
///
/// A split point is guessed near the middle of the remaining bytes: a `}` followed by `,` and a
/// `{` (whitespace between). A second reader parses from there to the array's end while this one
/// parses from the start. The guess is trusted only when this reader, element by element, lands
/// exactly on it; otherwise (the guess was inside a string) it reads on sequentially, and so it
/// does when the second half failed, so every error comes out of the sequential path with its
/// exact JSON path. The second reader always finishes before this function returns: it reads
/// from the caller's buffer.
extension SnapshotReader {
    mutating func readObjects() throws(JSONReadError) -> [CatalogObject] {
        try scanner.expect(UInt8(ascii: "["), "an array")
        var objects: [CatalogObject] = []
        if scanner.consume(UInt8(ascii: "]")) { return objects }
        let split = Self.splitGuess(scanner.bytes, from: scanner.index, threshold: parallelThreshold)
        let bytes = SharedBytes(scanner.bytes)
        let document = document
        let tail = split.map { start in BackgroundValue { Self.readTail(bytes, of: document, from: start) } }
        defer { _ = tail?.value }
        repeat {
            if let split, let tail, scanner.valueStart() == split, let half = tail.value {
                objects.append(contentsOf: half.objects)
                appendOffsets(ids: half.idOffsets, clusters: half.clusterOffsets)
                scanner.index = half.end
                return objects
            }
            do throws(JSONReadError) {
                objects.append(try readObject())
            } catch {
                throw error.under("[\(objects.count)]")
            }
        } while try scanner.next(closing: UInt8(ascii: "]"))
        return objects
    }

    /// Where a second reader may start: the `{` of an element near the middle, or nil.
    private static func splitGuess(_ bytes: UnsafeBufferPointer<UInt8>, from start: Int, threshold: Int) -> Int? {
        guard bytes.count - start >= threshold else { return nil }
        var index = start + (bytes.count - start) / 2
        func skipSpace(_ position: inout Int) {
            while position < bytes.count, bytes[position] == 0x20 || bytes[position] == 0x0A || bytes[position] == 0x0D || bytes[position] == 0x09 {
                position += 1
            }
        }
        while index < bytes.count {
            guard bytes[index] == UInt8(ascii: "}") else { index += 1; continue }
            var position = index + 1
            skipSpace(&position)
            if position < bytes.count, bytes[position] == UInt8(ascii: ",") {
                position += 1
                skipSpace(&position)
                if position < bytes.count, bytes[position] == UInt8(ascii: "{") { return position }
            }
            index += 1
        }
        return nil
    }

    /// What the second reader found: elements from the split to the closing `]`.
    private struct Tail: Sendable {
        var objects: [CatalogObject]
        var idOffsets: [Int]
        var clusterOffsets: [Int]
        /// Just past the closing `]`.
        var end: Int
    }

    /// Reads elements from `start` to the end of the array; nil on any error (the sequential
    /// path reports it then).
    private static func readTail(_ bytes: SharedBytes, of document: JSONDocument, from start: Int) -> Tail? {
        var reader = SnapshotReader(bytes.buffer, of: document)
        reader.scanner.index = start
        var objects: [CatalogObject] = []
        do throws(JSONReadError) {
            repeat {
                objects.append(try reader.readObject())
            } while try reader.scanner.next(closing: UInt8(ascii: "]"))
        } catch {
            return nil
        }
        return Tail(objects: objects, idOffsets: reader.objectIDOffsets, clusterOffsets: reader.objectClusterOffsets, end: reader.scanner.index)
    }
}

/// The snapshot's bytes, shared with the second reader. `@unchecked Sendable`: both readers only
/// read, and the buffer outlives the second reader (``SnapshotReader/readObjects()`` waits for it).
private struct SharedBytes: @unchecked Sendable {
    let buffer: UnsafeBufferPointer<UInt8>

    init(_ buffer: UnsafeBufferPointer<UInt8>) {
        self.buffer = buffer
    }
}
