import Foundation
import MZPlanCore

/// The write-ahead log beside a `--simulate-state` file (SPEC §10.4): every call an apply makes
/// that changes the simulated server — a statement, the lock, a journal row, time passing — is
/// appended as one JSON line, in one `write` before the call returns. Whatever kills the process,
/// the state file plus this log hold what a real server would hold; ``SimulationStore`` replays it
/// on load and folds it into the state file at the end of a run.
///
/// The log is not flushed to disk record by record: a killed process loses nothing the kernel
/// has (SIGKILL included), and only a crash of the machine itself could lose its last records,
/// leaving an earlier state, never a torn one (records are replayed up to the first unreadable
/// line). Flushing each of them cost more than the simulation itself (three per statement).
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
    }

    let path: String
    private let descriptor: Int32

    /// Starts an empty log at `path` for the state file of `generation`.
    init(path: String, generation: Int) throws(FileWriteError) {
        self.path = path
        descriptor = open(path, O_WRONLY | O_CREAT | O_TRUNC | O_APPEND | O_CLOEXEC, 0o644)
        guard descriptor >= 0 else { throw FileWriteError(path: path, errno: errno) }
        try write(.object([("generation", .int(generation))]))
    }

    deinit { close(descriptor) }

    /// Appends `record`: the kernel has it when this returns.
    func append(_ record: Record) throws(FileWriteError) {
        try write(record.json)
    }

    private func write(_ value: JSONValue) throws(FileWriteError) {
        var line = value.serializedBytes(pretty: false)
        line.append(UInt8(ascii: "\n"))
        try FileWriting.writeAll(line, to: descriptor, path: path)
    }

    /// The records of a log that extends the state file of `generation`; none when the log
    /// belongs to an older state file. Records are read up to the first line that is not one (a
    /// last line cut short by a kill mid-write, or what a machine crash left of the log's end).
    static func records(_ bytes: [UInt8], generation: Int) -> [Record] {
        let lines = bytes.split(separator: UInt8(ascii: "\n"), omittingEmptySubsequences: true)
        guard let header = lines.first.flatMap({ try? JSONValue.parse(Array($0), file: "log") }),
              header["generation"]?.intValue == generation
        else { return [] }
        var records: [Record] = []
        for line in lines.dropFirst() {
            guard let value = try? JSONValue.parse(Array(line), file: "log"), let record = Record(json: value) else { break }
            records.append(record)
        }
        return records
    }
}
