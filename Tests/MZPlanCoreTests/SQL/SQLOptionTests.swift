import Testing
@testable import MZPlanCore

/// Option lists: names read with or without `=`, values carried as written, typed readings.
@Suite struct SQLOptionTests {
    func options(_ sql: String) throws -> [SQLOption] {
        guard case .createIndex(let index) = try Statement(parsing: "CREATE INDEX i ON t (a) WITH (\(sql))") else { return [] }
        return index.options
    }

    @Test("option names", arguments: [
        ("RETAIN HISTORY = FOR '1h'", "RETAIN HISTORY", "FOR '1h'"),
        ("retain history for '1h'", "RETAIN HISTORY", "for '1h'"),
        ("SNAPSHOT = false", "SNAPSHOT", "false"),
        ("PARTITION BY = (a, b)", "PARTITION BY", "(a, b)"),
        ("REFRESH EVERY '1 day' ALIGNED TO '2026-01-01'", "REFRESH", "EVERY '1 day' ALIGNED TO '2026-01-01'"),
        ("ASSERT NOT NULL = \"a\"", "ASSERT NOT NULL", "\"a\""),
        ("SNAPSHOT ROWS = 5", "SNAPSHOT ROWS", "5"),
        ("SOME NEW OPTION = 'x'", "SOME NEW OPTION", "'x'"),
        ("QUIET", "QUIET", nil),
    ])
    func names(_ item: String, _ name: String, _ value: String?) throws {
        let option = try #require(try options(item).first)
        #expect(option.name == name)
        #expect(option.value?.sql == value)
    }

    @Test("an option mzplan does not know is carried verbatim")
    func unknownCarried() throws {
        let sql = #"CREATE INDEX "i" ON "t" ("a") WITH (FUTURE THING = (1, 'two'), RETAIN HISTORY = FOR '1h')"#
        #expect(try Statement(parsing: sql).sql == sql)
    }

    @Test("setting and removing options by name")
    func setting() throws {
        let options = try options("SNAPSHOT = true, VERSION = 2")
        let set = options.setting(SQLOption("SNAPSHOT", .keyword("false")))
        #expect(set.map(\.sql) == ["SNAPSHOT = false", "VERSION = 2"])
        #expect(set.removing(["VERSION"]).map(\.sql) == ["SNAPSHOT = false"])
        #expect(options.setting(SQLOption("COMMIT INTERVAL", .literal("1s"))).map(\.name) == ["SNAPSHOT", "VERSION", "COMMIT INTERVAL"])
    }

    @Test("typed readings of values")
    func values() throws {
        let options = try options("SIZE = '100''cc', REPLICATION FACTOR = 3, SNAPSHOT = false, TEXT COLUMNS = (\"a\".\"b\", c)")
        #expect(options.first(named: "SIZE")?.value?.stringLiteral == "100'cc")
        #expect(options.first(named: "REPLICATION FACTOR")?.value?.integer == 3)
        #expect(options.first(named: "SNAPSHOT")?.value?.boolean == false)
        #expect(options.first(named: "TEXT COLUMNS")?.value?.listItems?.map(\.sql) == [#""a"."b""#, "c"])
    }

    @Test("RETAIN HISTORY in milliseconds", arguments: [
        ("RETAIN HISTORY = FOR '1h'", UInt64?(3_600_000)),
        ("RETAIN HISTORY FOR '10m'", 600_000),
        ("RETAIN HISTORY = FOR '1 hour 30 minutes'", 5_400_000),
        ("RETAIN HISTORY = FOR '500ms'", 500),
        ("RETAIN HISTORY = FOR '01:00:00'", 3_600_000),
        ("RETAIN HISTORY = FOR 'forever'", nil),
        ("RETAIN HISTORY = FOR '99999999999999999999h'", nil),
        ("SNAPSHOT = true", nil),
    ])
    func retainHistory(_ item: String, _ expected: UInt64?) throws {
        #expect(try options(item).retainHistoryMs == expected)
    }

    @Test("REFRESH AT only seals the view; EVERY and ON COMMIT do not", arguments: [
        ("REFRESH = AT CREATION", true),
        ("REFRESH = AT '2026-01-01', REFRESH AT CREATION", true),
        ("REFRESH = AT CREATION, REFRESH = EVERY '1 day'", false),
        ("REFRESH = ON COMMIT", false),
        ("RETAIN HISTORY = FOR '1h'", false),
    ])
    func refreshAt(_ items: String, _ sealed: Bool) throws {
        #expect(try options(items).refreshesOnlyAt == sealed)
    }
}
