import Foundation
import MZPlanCore

/// The write-ahead log beside a `--simulate-state` file (SPEC §10.4): every call an apply makes
/// that changes the simulated server — a statement, the lock, a journal row, time passing — is
/// appended as one JSON line, and flushed to disk (fsync) before the call returns when it changes
/// what a server would keep. Whatever kills the process, the state file plus this log hold what
/// a real server would hold; ``SimulationStore`` replays it on load and folds it into the state
/// file at the end of a run.
///
/// The first line names the state file's ``SimulatedEnvironment/generation`` it extends, so a log
/// left behind by a run killed after it rewrote the state file is never replayed twice.
final class SimulationLog {
    /// One change to the simulated server.
    enum Record {
        case execute(sql: String, timeoutMs: UInt64?)
        case transaction([String])
        case advance(toMs: UInt64)
        case acquireLock(LockHolder)
        case releaseLock
        case appendJournal(JournalEntry)

        var json: JSONValue {
            switch self {
            case .execute(let sql, let timeoutMs): .object([("op", .string("execute")), ("sql", .string(sql)), ("timeout_ms", .uint(timeoutMs))])
            case .transaction(let statements): .object([("op", .string("transaction")), ("statements", .array(statements.map(JSONValue.string)))])
            case .advance(let toMs): .object([("op", .string("advance")), ("to_ms", .uint(toMs))])
            case .acquireLock(let holder): .object([("op", .string("lock")), ("holder", holder.stateJSON)])
            case .releaseLock: .object([("op", .string("unlock"))])
            case .appendJournal(let entry): .object([("op", .string("journal")), ("entry", entry.stateJSON)])
            }
        }

        init?(json value: JSONValue) {
            switch value["op"]?.stringValue {
            case "execute":
                guard let sql = value["sql"]?.stringValue else { return nil }
                self = .execute(sql: sql, timeoutMs: value["timeout_ms"]?.uintValue)
            case "transaction":
                guard let statements = value["statements"]?.arrayValue?.compactMap(\.stringValue) else { return nil }
                self = .transaction(statements)
            case "advance":
                guard let toMs = value["to_ms"]?.uintValue else { return nil }
                self = .advance(toMs: toMs)
            case "lock":
                guard let holder = value["holder"] else { return nil }
                self = .acquireLock(LockHolder(stateJSON: holder))
            case "unlock":
                self = .releaseLock
            case "journal":
                guard let entry = value["entry"].flatMap(JournalEntry.init(stateJSON:)) else { return nil }
                self = .appendJournal(entry)
            default:
                return nil
            }
        }

        /// Time passing changes nothing a server keeps on disk: it need not be flushed at once
        /// (the next durable record flushes it with itself).
        var isDurable: Bool {
            if case .advance = self { false } else { true }
        }
    }

    let path: String
    private let descriptor: Int32

    /// Starts an empty log at `path` for the state file of `generation`.
    init(path: String, generation: Int) throws(FileWriteError) {
        self.path = path
        descriptor = open(path, O_WRONLY | O_CREAT | O_TRUNC | O_APPEND | O_CLOEXEC, 0o644)
        guard descriptor >= 0 else { throw FileWriteError(path: path, errno: errno) }
        try write(.object([("generation", .int(generation))]), durable: true)
    }

    deinit { close(descriptor) }

    /// Appends `record`; a durable one is on disk when this returns.
    func append(_ record: Record) throws(FileWriteError) {
        try write(record.json, durable: record.isDurable)
    }

    private func write(_ value: JSONValue, durable: Bool) throws(FileWriteError) {
        var line = value.serializedBytes(pretty: false)
        line.append(UInt8(ascii: "\n"))
        try FileWriting.writeAll(line, to: descriptor, path: path)
        if durable, fsync(descriptor) != 0 { throw FileWriteError(path: path, errno: errno) }
    }

    /// The records of a log that extends the state file of `generation`; none when the log
    /// belongs to an older state file. A last line cut short by a kill mid-write is ignored.
    static func records(_ bytes: [UInt8], generation: Int) -> [Record] {
        var lines = bytes.split(separator: UInt8(ascii: "\n"), omittingEmptySubsequences: true).map { (try? JSONValue.parse(Array($0), file: "log")) ?? .null }
        guard let header = lines.first, header["generation"]?.intValue == generation else { return [] }
        lines.removeFirst()
        return lines.compactMap(Record.init(json:))
    }
}
