import MZPlanCore

/// A lexical token of the statements the simulator accepts.
enum SimToken: Equatable {
    /// A bare word, upper-cased for keyword matching, with its original text.
    case word(upper: String, text: String)
    case identifier(String)
    case string(String)
    case number(String)
    case punctuation(Character)
}

/// Splits SQL into ``SimToken``s; fails on an unterminated string or identifier, like a server's lexer.
enum SimLexer {
    static func tokens(_ sql: String) throws(ApplyTargetError) -> [SimToken] {
        let characters = Array(sql)
        var tokens: [SimToken] = []
        var index = 0
        func syntax(_ message: String) -> ApplyTargetError { ApplyTargetError(.sql, sqlState: "42601", message: message) }
        while index < characters.count {
            let character = characters[index]
            if character.isWhitespace { index += 1; continue }
            if character == "\"" || character == "'" {
                var text = ""
                index += 1
                var closed = false
                while index < characters.count {
                    if characters[index] == character {
                        if index + 1 < characters.count, characters[index + 1] == character {
                            text.append(character)
                            index += 2
                            continue
                        }
                        closed = true
                        index += 1
                        break
                    }
                    text.append(characters[index])
                    index += 1
                }
                guard closed else { throw syntax("unterminated \(character == "'" ? "string" : "quoted identifier")") }
                tokens.append(character == "\"" ? .identifier(text) : .string(text))
            } else if character.isLetter || character == "_" {
                var text = ""
                while index < characters.count, characters[index].isLetter || characters[index].isNumber || characters[index] == "_" || characters[index] == "$" {
                    text.append(characters[index])
                    index += 1
                }
                tokens.append(.word(upper: text.uppercased(), text: text))
            } else if character.isNumber {
                var text = ""
                while index < characters.count, characters[index].isNumber || characters[index] == "." {
                    text.append(characters[index])
                    index += 1
                }
                tokens.append(.number(text))
            } else {
                tokens.append(.punctuation(character))
                index += 1
            }
        }
        return tokens
    }
}

/// A cursor over tokens with the few grammar pieces the planner's statements need.
struct SimCursor {
    let tokens: [SimToken]
    var position = 0

    var atEnd: Bool { position >= tokens.count || (position == tokens.count - 1 && tokens[position] == .punctuation(";")) }

    mutating func keyword(_ words: String...) -> Bool {
        let start = position
        for word in words {
            guard position < tokens.count, case .word(let upper, _) = tokens[position], upper == word else {
                position = start
                return false
            }
            position += 1
        }
        return true
    }

    mutating func expect(_ words: String...) throws(ApplyTargetError) {
        for word in words where !keyword(word) {
            throw SimCursor.syntax("expected \(word) at token \(position + 1)")
        }
    }

    /// One identifier part: quoted exactly, unquoted lowercased.
    mutating func identifier() -> String? {
        guard position < tokens.count else { return nil }
        switch tokens[position] {
        case .identifier(let text): position += 1; return text
        case .word(_, let text): position += 1; return text.lowercased()
        default: return nil
        }
    }

    /// `a`, `a.b` or `a.b.c`; missing parts default to `materialize` and `public`.
    mutating func name() throws(ApplyTargetError) -> QualifiedName {
        guard var parts = identifier().map({ [$0] }) else { throw SimCursor.syntax("expected a name at token \(position + 1)") }
        while position < tokens.count, tokens[position] == .punctuation("."), parts.count < 3 {
            position += 1
            guard let part = identifier() else { throw SimCursor.syntax("expected a name part at token \(position + 1)") }
            parts.append(part)
        }
        switch parts.count {
        case 1: return QualifiedName(database: "materialize", schema: "public", name: parts[0])
        case 2: return QualifiedName(database: "materialize", schema: parts[0], name: parts[1])
        default: return QualifiedName(database: parts[0], schema: parts[1], name: parts[2])
        }
    }

    /// Skips a balanced `( … )` group when one starts here; returns its tokens.
    mutating func group() -> [SimToken]? {
        guard position < tokens.count, tokens[position] == .punctuation("(") else { return nil }
        var depth = 0
        let start = position
        repeat {
            if tokens[position] == .punctuation("(") { depth += 1 }
            if tokens[position] == .punctuation(")") { depth -= 1 }
            position += 1
        } while depth > 0 && position < tokens.count
        return Array(tokens[(start + 1)..<max(start + 1, position - 1)])
    }

    mutating func expectEnd() throws(ApplyTargetError) {
        guard atEnd else { throw SimCursor.syntax("unexpected tokens after the statement at token \(position + 1)") }
    }

    /// Every three-part name in the remaining tokens (relation references in a query).
    func referencedNames() -> [QualifiedName] {
        var names: [QualifiedName] = []
        var index = position
        func part(_ token: SimToken) -> String? {
            switch token {
            case .identifier(let text): text
            case .word(_, let text): text.lowercased()
            default: nil
            }
        }
        while index + 4 < tokens.count {
            if let a = part(tokens[index]), tokens[index + 1] == .punctuation("."),
               let b = part(tokens[index + 2]), tokens[index + 3] == .punctuation("."),
               let c = part(tokens[index + 4]) {
                names.append(QualifiedName(database: a, schema: b, name: c))
                index += 5
            } else {
                index += 1
            }
        }
        return names
    }

    /// The remaining tokens as normalized text, e.g. to identify what a source ingests.
    func restText() -> String {
        tokens[min(position, tokens.count)...].map { token in
            switch token {
            case .word(let upper, _): upper
            case .identifier(let text): "\"\(text)\""
            case .string(let text): "'\(text)'"
            case .number(let text): text
            case .punctuation(let character): String(character)
            }
        }.joined(separator: " ")
    }

    static func syntax(_ message: String) -> ApplyTargetError {
        ApplyTargetError(.sql, sqlState: "42601", message: "syntax error: \(message)")
    }
}
