import Foundation
import MZPlanCore

/// SIGINT and SIGTERM (SPEC §10.4). Outside an apply a signal removes the output file being
/// written (``OutputFile``) and exits at once with 128 + the signal (130, 143). During an apply
/// the first signal asks it to stop (``ApplyInterruption``): no new statement starts, the lock is
/// released, and the apply exits with the same code; a second signal exits at once, leaving a
/// resumable journal.
final class SignalTrap: @unchecked Sendable {
    static let shared = SignalTrap()

    private let lock = NSLock()
    private var interruption: ApplyInterruption?
    private var partialFiles: Set<String> = []

    /// Takes SIGINT and SIGTERM over from their default (an immediate kill). The handler only
    /// writes the signal's number to a pipe (all a signal handler may safely do); a thread of its
    /// own reads the pipe and acts, at once however busy the others are.
    func install() {
        var ends: [Int32] = [-1, -1]
        guard pipe(&ends) == 0 else { return }
        signalPipe = ends[1]
        for number in [SIGINT, SIGTERM] {
            _ = signal(number) { number in
                var byte = UInt8(truncatingIfNeeded: number)
                _ = write(signalPipe, &byte, 1)
            }
        }
        let readEnd = ends[0]
        let reader = Thread { [self] in
            var byte: UInt8 = 0
            while read(readEnd, &byte, 1) == 1 {
                received(Int32(byte))
            }
        }
        reader.name = "mzplan.signals"
        reader.start()
    }

    /// From now on the first signal asks this apply to stop instead of exiting.
    func stopApplying(with interruption: ApplyInterruption) {
        lock.withLock { self.interruption = interruption }
    }

    /// `path` is being written: a signal removes it before exiting.
    func writing(_ path: String) {
        lock.withLock { _ = partialFiles.insert(path) }
    }

    /// `path` is complete (or gone).
    func finished(_ path: String) {
        lock.withLock { _ = partialFiles.remove(path) }
    }

    private func received(_ number: Int32) {
        let (interruption, files) = lock.withLock { (self.interruption, partialFiles) }
        let signal = ApplyInterruption.Signal(rawValue: number) ?? .interrupt
        if let interruption, interruption.requested == nil {
            interruption.request(signal)
            FileHandle.standardError.write(Data("mzplan: \(signal.name): finishing the statement in flight, then releasing the lock (send it again to exit at once)\n".utf8))
            return
        }
        for file in files { unlink(file) }
        if interruption != nil {
            FileHandle.standardError.write(Data("mzplan: \(signal.name) again: exiting now; the journal is resumable: run `mzplan apply --resume` (it takes the lock over on this host) or `--abort`\n".utf8))
        }
        _exit(128 + number)
    }
}

/// The pipe's write end, for the signal handler: set once by ``SignalTrap/install()`` before the
/// handler is.
nonisolated(unsafe) private var signalPipe: Int32 = -1
