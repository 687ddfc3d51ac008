// A small tree reader over ``JSONScanner`` for documents that are small and read whole:
// saved plans, simulator state, journal details. Catalog snapshots keep their streaming reader.

extension JSONValue {
    /// Parses one JSON document. Integers become `.uint` (`.int` when negative), other numbers `.double`.
    package static func parse(_ bytes: [UInt8], file: String) throws(DiagnosticsError) -> JSONValue {
        let result: Result<JSONValue, JSONReadError> = bytes.withUnsafeBufferPointer { buffer in
            var scanner = JSONScanner(buffer)
            do throws(JSONReadError) {
                let value = try scanner.value(depth: 1)
                try scanner.expectEnd()
                return .success(value)
            } catch {
                return .failure(error)
            }
        }
        switch result {
        case .success(let value): return value
        case .failure(let error):
            var diagnostic = error.diagnostic(in: bytes, file: file)
            diagnostic.code = "json.read"
            throw DiagnosticsError(diagnostic)
        }
    }

    /// The member `key` of an object, or nil.
    package subscript(key: String) -> JSONValue? {
        guard case .object(let members) = self else { return nil }
        return members.first { $0.0 == key }?.1
    }

    package var stringValue: String? {
        if case .string(let value) = self { return value }
        return nil
    }

    package var uintValue: UInt64? {
        switch self {
        case .uint(let value): value
        case .int(let value) where value >= 0: UInt64(value)
        default: nil
        }
    }

    package var intValue: Int? { uintValue.flatMap { $0 <= UInt64(Int.max) ? Int($0) : nil } }

    /// Any number as a double.
    package var doubleValue: Double? {
        switch self {
        case .double(let value): value
        case .uint(let value): Double(value)
        case .int(let value): Double(value)
        default: nil
        }
    }

    package var boolValue: Bool? {
        if case .bool(let value) = self { return value }
        return nil
    }

    package var arrayValue: [JSONValue]? {
        if case .array(let values) = self { return values }
        return nil
    }

    package var isNull: Bool { self == .null }
}

extension JSONScanner {
    mutating func value(depth: Int) throws(JSONReadError) -> JSONValue {
        guard depth <= Self.maximumDepth else { throw .syntax(at: index, "nested deeper than \(Self.maximumDepth) levels") }
        switch peek() {
        case UInt8(ascii: "{"):
            _ = consume(UInt8(ascii: "{"))
            var members: [(String, JSONValue)] = []
            if consume(UInt8(ascii: "}")) { return .object(members) }
            repeat {
                let key = try key()
                let name = key.decoded.map { String(decoding: $0, as: UTF8.self) }
                    ?? String(decoding: UnsafeBufferPointer(rebasing: bytes[key.range]), as: UTF8.self)
                do throws(JSONReadError) {
                    members.append((name, try value(depth: depth + 1)))
                } catch {
                    throw error.under("." + name)
                }
            } while try next(closing: UInt8(ascii: "}"))
            return .object(members)
        case UInt8(ascii: "["):
            _ = consume(UInt8(ascii: "["))
            var values: [JSONValue] = []
            if consume(UInt8(ascii: "]")) { return .array(values) }
            repeat {
                do throws(JSONReadError) {
                    values.append(try value(depth: depth + 1))
                } catch {
                    throw error.under("[\(values.count)]")
                }
            } while try next(closing: UInt8(ascii: "]"))
            return .array(values)
        case UInt8(ascii: "\""): return .string(try string())
        case UInt8(ascii: "t"), UInt8(ascii: "f"): return .bool(try bool())
        case UInt8(ascii: "n"): _ = try null(); return .null
        default:
            return try number()
        }
    }

    /// An integer as `.uint` (or `.int` when negative); a fraction or exponent as `.double`.
    private mutating func number() throws(JSONReadError) -> JSONValue {
        let start = index
        guard let first = peek(), first == UInt8(ascii: "-") || (UInt8(ascii: "0")...UInt8(ascii: "9")).contains(first) else {
            throw unexpected(expected: "a value")
        }
        let range = try numberRange()
        let text = String(decoding: UnsafeBufferPointer(rebasing: bytes[range]), as: UTF8.self)
        if text.utf8.contains(where: { $0 == UInt8(ascii: ".") || $0 == UInt8(ascii: "e") || $0 == UInt8(ascii: "E") }) {
            guard let value = Double(text), value.isFinite else { throw .syntax(at: start, "number out of range") }
            return .double(value)
        }
        if text.hasPrefix("-") {
            guard let value = Int64(text) else { throw .syntax(at: start, "integer out of range") }
            return .int(value)
        }
        guard let value = UInt64(text) else { throw .syntax(at: start, "integer out of range") }
        return .uint(value)
    }
}
