package import Foundation

/// What one run of the `mzplan` executable produced.
package struct CommandResult: Sendable {
    package var stdout: String
    package var stderr: String
    /// The exit status; a process killed by signal `n` reports `128 + n`, as shells do.
    package var exitCode: Int32

    package init(stdout: String, stderr: String, exitCode: Int32) {
        self.stdout = stdout
        self.stderr = stderr
        self.exitCode = exitCode
    }
}

/// Why ``runMzplan(_:environment:stdin:currentDirectory:)`` could not run the executable.
package enum CommandRunnerError: Error, CustomStringConvertible {
    /// No built `mzplan` in any of the searched paths.
    case executableNotFound(searched: [String])

    package var description: String {
        switch self {
        case .executableNotFound(let searched):
            "no built mzplan executable (run `swift build` first); searched: \(searched.joined(separator: ", "))"
        }
    }
}

/// Runs the built `mzplan` executable end to end, as AP's `AssertExecuteCommand` does.
///
/// The executable is the one SwiftPM built next to the test bundle (`.build/<triple>/debug/mzplan`);
/// the environment variable `MZPLAN_BINARY` overrides that. The child inherits the test process's
/// environment without `MZPLAN_URL`, `NO_COLOR` and the libpq `PG*` variables, so a developer's
/// shell cannot make a test connect somewhere or change its output; `environment` is applied on top.
/// Its standard input is `stdin`, or empty (never a TTY). Both output pipes are drained concurrently,
/// so a child writing a lot to one of them cannot deadlock.
///
/// - Parameters:
///   - arguments: the arguments after `mzplan`, such as `["diff", "-f", "mzplan.yaml"]`.
///   - environment: variables to set in the child, overriding inherited ones.
///   - stdin: text written to the child's standard input, which is then closed.
///   - currentDirectory: the child's working directory; the test process's when nil.
///   - signals: signals sent to the child while it runs, each that many seconds after it started.
package func runMzplan(
    _ arguments: [String],
    environment: [String: String] = [:],
    stdin: String? = nil,
    currentDirectory: URL? = nil,
    signals: [(afterSeconds: Double, signal: Int32)] = []
) throws -> CommandResult {
    let process = Process()
    process.executableURL = try mzplanExecutableURL()
    process.arguments = arguments
    process.environment = childEnvironment(overrides: environment)
    if let currentDirectory {
        process.currentDirectoryURL = currentDirectory
    }

    let outPipe = Pipe()
    let errPipe = Pipe()
    process.standardOutput = outPipe
    process.standardError = errPipe
    let inPipe: Pipe? = stdin == nil ? nil : Pipe()
    process.standardInput = inPipe ?? FileHandle.nullDevice

    try process.run()
    let child = RunningChild(process)
    // A queue of its own: the global ones may be full of threads blocked draining pipes.
    let signaller = DispatchQueue(label: "mzplan.test.signals")
    for (delay, number) in signals {
        signaller.asyncAfter(deadline: .now() + delay) { child.send(number) }
    }

    let group = DispatchGroup()
    let out = DataSink()
    let err = DataSink()
    drain(outPipe.fileHandleForReading, into: out, group: group)
    drain(errPipe.fileHandleForReading, into: err, group: group)
    if let inPipe, let stdin {
        _ = ignoreBrokenPipes
        let writer = inPipe.fileHandleForWriting
        DispatchQueue.global().async(group: group) {
            // The child may exit without reading; writing then fails with EPIPE, which is not our error.
            try? writer.write(contentsOf: Data(stdin.utf8))
            try? writer.close()
        }
    }
    group.wait()
    process.waitUntilExit()

    let status = process.terminationStatus
    return CommandResult(
        stdout: String(decoding: out.data, as: UTF8.self),
        stderr: String(decoding: err.data, as: UTF8.self),
        exitCode: process.terminationReason == .uncaughtSignal ? 128 + status : status
    )
}

/// ``runMzplan(_:environment:stdin:currentDirectory:)`` on a thread of its own, for long runs from
/// async tests: waiting for the child must not hold one of Swift concurrency's few threads, which
/// the tests running beside it need.
package func runMzplanDetached(_ arguments: [String], currentDirectory: URL? = nil) async throws -> CommandResult {
    try await withCheckedThrowingContinuation { continuation in
        DispatchQueue.global().async {
            continuation.resume(with: Result { try runMzplan(arguments, currentDirectory: currentDirectory) })
        }
    }
}

/// The directory holding `Package.swift`, found by walking up from `file`, which defaults to the
/// caller's source file.
package func repositoryRoot(file: StaticString = #filePath) -> URL {
    var directory = URL(fileURLWithPath: "\(file)").deletingLastPathComponent()
    while directory.path != "/" {
        if FileManager.default.fileExists(atPath: directory.appendingPathComponent("Package.swift").path) {
            return directory
        }
        directory.deleteLastPathComponent()
    }
    return URL(fileURLWithPath: FileManager.default.currentDirectoryPath)
}

/// A child that exits without reading its input must fail the write (EPIPE), not kill the test
/// process with SIGPIPE. Evaluated once, on first use.
private let ignoreBrokenPipes: Void = {
    _ = signal(SIGPIPE, SIG_IGN)
}()

/// Variables removed from the inherited environment before a run.
private let isolatedVariables: Set<String> = [
    "MZPLAN_URL", "NO_COLOR", "PGHOST", "PGPORT", "PGUSER", "PGPASSWORD", "PGDATABASE", "PGSSLMODE",
]

private func childEnvironment(overrides: [String: String]) -> [String: String] {
    var environment = ProcessInfo.processInfo.environment.filter { !isolatedVariables.contains($0.key) }
    environment.merge(overrides) { _, new in new }
    return environment
}

/// The first `mzplan` found in: `$MZPLAN_BINARY`, the directory of the running test bundle,
/// `<repository>/.build/debug`.
private func mzplanExecutableURL() throws -> URL {
    let environment = ProcessInfo.processInfo.environment
    var candidates: [URL] = []
    if let explicit = environment["MZPLAN_BINARY"], !explicit.isEmpty {
        candidates.append(URL(fileURLWithPath: explicit))
    }
    if let bundle = Bundle.allBundles.first(where: { $0.bundlePath.hasSuffix(".xctest") }) {
        // macOS: the tests are loaded from `.build/<config>/mzplanPackageTests.xctest`.
        candidates.append(bundle.bundleURL.deletingLastPathComponent().appendingPathComponent("mzplan"))
    }
    if let executable = Bundle.main.executableURL {
        // Linux: the test bundle is itself an executable, `.build/<triple>/<config>/mzplanPackageTests.xctest`.
        candidates.append(executable.deletingLastPathComponent().appendingPathComponent("mzplan"))
    }
    candidates.append(repositoryRoot().appendingPathComponent(".build/debug/mzplan"))

    if let found = candidates.first(where: { FileManager.default.isExecutableFile(atPath: $0.path) }) {
        return found
    }
    throw CommandRunnerError.executableNotFound(searched: candidates.map(\.path))
}

/// Reads `handle` to its end on a background queue.
private func drain(_ handle: FileHandle, into sink: DataSink, group: DispatchGroup) {
    DispatchQueue.global().async(group: group) {
        sink.data = (try? handle.readToEnd()) ?? Data()
    }
}

/// Collects one pipe's bytes; written by one background task, read after `DispatchGroup.wait()`.
private final class DataSink: @unchecked Sendable {
    var data = Data()
}

/// The child, for signals sent from another thread while it runs.
private final class RunningChild: @unchecked Sendable {
    private let process: Process

    init(_ process: Process) {
        self.process = process
    }

    /// Sends `signal` unless the child has already exited (its pid may be another's by then).
    func send(_ signal: Int32) {
        if process.isRunning { kill(process.processIdentifier, signal) }
    }
}
