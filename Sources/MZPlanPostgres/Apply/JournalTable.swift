import MZPlanCore
import PostgresNIO

/// The SQL of `_mzplan.journal` (SPEC §6.3). Values always travel as bind parameters; only the
/// fixed schema, table and column names are SQL text.
///
/// Besides SPEC's columns the table has `seq`, the row's position in the journal: Materialize
/// tables have no insertion order, and two rows may share a millisecond of `at`.
enum JournalTable {
    static let createSchema = #"CREATE SCHEMA IF NOT EXISTS "_mzplan""#

    static let createTable = """
        CREATE TABLE IF NOT EXISTS "_mzplan"."journal" (plan_fingerprint text NOT NULL, step_id int NOT NULL, \
        action text NOT NULL, status text NOT NULL, at timestamptz NOT NULL, detail text NOT NULL, seq bigint NOT NULL)
        """

    static let lastSequence: PostgresQuery = #"SELECT COALESCE(max(seq), 0)::int8 FROM "_mzplan"."journal""#

    static func insert(_ entry: JournalEntry, sequence: Int64) -> PostgresQuery {
        let seconds = Double(entry.atMs) / 1000
        return """
            INSERT INTO "_mzplan"."journal" (plan_fingerprint, step_id, action, status, at, detail, seq) \
            VALUES (\(entry.planFingerprint)::text, \(Int32(clamping: entry.stepID))::int4, \(entry.action)::text, \
            \(entry.status.rawValue)::text, to_timestamp(\(seconds)::float8), \(entry.detail)::text, \(sequence)::int8)
            """
    }

    /// The row at `sequence`, if written.
    static func row(_ sequence: Int64) -> PostgresQuery {
        #"SELECT 1 FROM "_mzplan"."journal" WHERE seq = \#(sequence)::int8"#
    }

    static let select: PostgresQuery = """
        SELECT plan_fingerprint, step_id::int8, action, status, round(EXTRACT(EPOCH FROM at) * 1000)::int8, detail
        FROM "_mzplan"."journal" ORDER BY seq, at
        """

    /// The rows of ``select``; a status mzplan does not know is a bad journal.
    static func entries(_ rows: [PostgresRow]) throws(ApplyTargetError) -> [JournalEntry] {
        var entries: [JournalEntry] = []
        for row in rows {
            guard let (fingerprint, step, action, status, at, detail) = try? row.decode((String, Int64, String, String, Int64, String).self),
                  let known = JournalEntry.Status(rawValue: status)
            else {
                throw ApplyTargetError(.sql, message: "reading the journal: _mzplan.journal holds a row mzplan cannot read")
            }
            entries.append(JournalEntry(
                planFingerprint: fingerprint, stepID: Int(step), action: action, status: known,
                atMs: UInt64(max(0, at)), detail: detail))
        }
        return entries
    }
}
