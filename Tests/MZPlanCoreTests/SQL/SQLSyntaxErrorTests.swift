import MZPlanTestSupport
import Testing
@testable import MZPlanCore

/// Malformed SQL is an error with a position, never a crash.
@Suite struct SQLSyntaxErrorTests {
    @Test("malformed statements are errors", arguments: [
        ("CREATE VIEW v AS SELECT 'open", 25),
        ("CREATE VIEW v AS SELECT \"open", 25),
        ("CREATE VIEW v AS SELECT /* open", 25),
        ("SELECT 1", 1),
        ("CREATE FUNCTION f", 8),
        ("CREATE MATERIALIZED VIEW mv", 28),
        ("CREATE VIEW v AS SELECT 1; DROP TABLE t", 28),
        ("", 1),
        ("CREATE", 7),
        ("CREATE INDEX i IN CLUSTER c ON t (a", 34),
        ("CREATE SINK k IN CLUSTER c FROM t INTO", 39),
        ("ALTER CLUSTER c DANCE", 17),
        ("DROP INDEX", 11),
        ("CREATE DEFAULT VIEW v AS SELECT 1", 8),
        ("CREATE CLUSTER c (SIZE =)", 24),
    ])
    func malformed(_ sql: String, _ position: Int?) {
        #expect(throws: SQLSyntaxError.self) { try Statement(parsing: sql) }
        do {
            _ = try Statement(parsing: sql)
        } catch {
            #expect(error.position == position, "\(error)")
        }
    }

    @Test("positions count characters, not bytes")
    func characters() {
        do {
            _ = try Statement(parsing: "CREATE VIEW \"é\" AS SELECT 'open")
            Issue.record("expected an error")
        } catch {
            #expect(error.position == 27)
        }
    }

    @Test("random mutations of valid statements never crash the parser")
    func fuzz() {
        var random = SeededGenerator(seed: 9)
        let corpus = StatementRoundTripTests.canonical
        let pieces = ["(", ")", ",", "'", "\"", "[u1 AS", "]", "WITH", "AS", "AS OF 5", ";", "=", "FOR", "--", "/*", "IN CLUSTER", "."]
        for _ in 0..<3000 {
            var text = Array(corpus[Int.random(in: 0..<corpus.count, using: &random)].unicodeScalars)
            for _ in 0..<Int.random(in: 1...4, using: &random) {
                let position = Int.random(in: 0...text.count, using: &random)
                if Bool.random(using: &random), position < text.count {
                    text.removeSubrange(position..<min(text.count, position + Int.random(in: 1...6, using: &random)))
                } else {
                    text.insert(contentsOf: pieces[Int.random(in: 0..<pieces.count, using: &random)].unicodeScalars, at: position)
                }
            }
            var sql = ""
            sql.unicodeScalars.append(contentsOf: text)
            if let statement = try? Statement(parsing: sql) {
                #expect((try? Statement(parsing: statement.sql)) == statement, "\(sql)")
            }
        }
    }
}
