import Testing
@testable import MZPlanCore

@Suite struct NamePatternParseTests {
    private func parse(_ text: String) throws(NamePatternError) -> NamePattern {
        try NamePattern.parse(text, defaultDatabase: "materialize", defaultSchema: "public")
    }

    @Test("exact names are qualified with the defaults and lowercased when unquoted", arguments: [
        ("orders", "materialize", "public", "orders"),
        ("Orders", "materialize", "public", "orders"),
        ("Sales.Orders", "materialize", "sales", "orders"),
        ("DB.s.t", "db", "s", "t"),
        ("\"Order Items\"", "materialize", "public", "Order Items"),
        ("\"weird\"\"name\"", "materialize", "public", "weird\"name"),
        ("\"a.b\"", "materialize", "public", "a.b"),
        ("s.\"a.b\"", "materialize", "s", "a.b"),
        ("\"My DB\".\"My Schema\".t", "My DB", "My Schema", "t"),
        ("\"*\"", "materialize", "public", "*"),
        ("t$1_x", "materialize", "public", "t$1_x"),
        ("ÄPFEL", "materialize", "public", "äpfel"),
    ])
    func exactNames(text: String, database: String, schema: String, name: String) throws {
        let pattern = try parse(text)
        #expect(!pattern.isGlob)
        #expect(pattern.exactName == QualifiedName(database: database, schema: schema, name: name))
    }

    @Test("globs match within one unquoted part", arguments: [
        ("analytics.*", "materialize.analytics.x", true),
        ("analytics.*", "materialize.other.x", false),
        ("*", "materialize.public.anything", true),
        ("*", "materialize.other.anything", false),
        ("ORDERS_*", "materialize.public.orders_v2", true),
        ("t?", "materialize.public.t1", true),
        ("t?", "materialize.public.t12", false),
        ("*.*.*_idx", "db.s.a_idx", true),
        ("\"Big\".*", "materialize.Big.x", true),
        ("*_idx", "materialize.public.orders_idx", true),
        ("*_idx", "materialize.public.orders_idx2", false),
        ("ord*", "materialize.public.or", false),
        ("o*s*x", "materialize.public.ordersx", true),
        ("o*s*x", "materialize.public.orders", false),
        ("caf*", "materialize.public.cafe\u{301}", true),
    ])
    func globs(text: String, candidate: String, matches: Bool) throws {
        let pattern = try parse(text)
        #expect(pattern.isGlob)
        let parts = candidate.split(separator: ".").map(String.init)
        #expect(pattern.matches(QualifiedName(database: parts[0], schema: parts[1], name: parts[2])) == matches)
    }

    @Test("a wildcard inside quotes is literal")
    func quotedWildcard() throws {
        let pattern = try parse("\"a*\"")
        #expect(!pattern.isGlob)
        #expect(pattern.matches(QualifiedName(database: "materialize", schema: "public", name: "a*")))
        #expect(!pattern.matches(QualifiedName(database: "materialize", schema: "public", name: "ab")))
    }

    @Test("spelling a name quoted, qualified or not gives equal patterns")
    func equalSpellings() throws {
        #expect(try parse("orders") == parse("materialize.public.orders"))
        #expect(try parse("\"orders\"") == parse("public.ORDERS"))
    }

    @Test("malformed names are refused with a message saying what to write", arguments: [
        ("", "empty"),
        ("a..b", "empty part"),
        (".a", "empty part"),
        ("a.", "empty part"),
        ("a.b.c.d", "4 dot-separated parts"),
        ("\"open", "unterminated"),
        ("\"\"", "empty quoted part"),
        ("\"a\"b", "after the quoted part"),
        ("a\"b\"", "inside an unquoted part"),
        ("order items", "whitespace"),
        ("1abc", "'1'"),
        ("a-b", "'-'"),
    ])
    func malformed(text: String, fragment: String) {
        #expect {
            try parse(text)
        } throws: { error in
            guard let error = error as? NamePatternError else { return false }
            return error.message.contains(fragment) && (error.message.contains("quote") || error.message.contains("write"))
        }
    }
}
