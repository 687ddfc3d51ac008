/// How an apply, resume or abort ended, and what it did per move (SPEC §6.8).
package struct ApplyReport: Sendable {
    package enum Outcome: Hashable, Sendable {
        /// Every step ran.
        case completed
        /// Done, except moves whose cutover became infeasible (exit 3).
        case notCutOver
        /// The plan has blocked moves or cluster changes; nothing ran (exit 3).
        case blocked
        /// The catalog changed since the plan was made (exit 4).
        case stale
        case lockHeld(LockHolder)
        /// Readiness did not hold within `--timeout`; resumable (exit 6).
        case timedOut
        case failed
        /// The process died (simulated): lock and journal left as they were.
        case crashed
        case aborted
        /// Stopped by a signal between statements: lock released, resumable (exit 130 or 143).
        case interrupted(ApplyInterruption.Signal)
    }

    /// What happened to one move.
    package struct MoveResult: Sendable {
        package enum State: String, Sendable {
            case done
            case notCutOver = "not-cut-over"
            case pending
        }

        package var move: Move
        package var state: State
        /// Time spent waiting for readiness and in blocking cutovers.
        package var waitMs: UInt64
        /// Why it is not done, when it is not.
        package var reason: String?
    }

    package var outcome: Outcome
    /// One sentence for the user: what happened and what to do next.
    package var message: String
    package var moves: [MoveResult]
    package var startedAtMs: UInt64
    package var finishedAtMs: UInt64
    package var statements: Int
    package var polls: Int

    package var makespanMs: UInt64 { finishedAtMs - startedAtMs }

    /// SPEC §2's exit code for the outcome.
    package var exitStatus: ExitStatus {
        switch outcome {
        case .completed, .aborted: .success
        case .failed, .crashed: .failure
        case .blocked, .notCutOver: .blocked
        case .stale: .stale
        case .lockHeld: .lockHeld
        case .timedOut: .timedOut
        case .interrupted(let signal): signal.exitStatus
        }
    }

    package var outcomeName: String {
        switch outcome {
        case .completed: "completed"
        case .notCutOver: "not-cut-over"
        case .blocked: "blocked"
        case .stale: "stale"
        case .lockHeld: "lock-held"
        case .timedOut: "timed-out"
        case .failed: "failed"
        case .crashed: "crashed"
        case .aborted: "aborted"
        case .interrupted: "interrupted"
        }
    }

    /// The `summary` event; `staleness` (measured by the simulator) is added per move when given,
    /// with the simulation's bounds and resize downtimes.
    package func summaryEvent(
        staleness: [QualifiedName: UInt64]? = nil,
        simulation: ApplyEvent.Simulation? = nil,
        clusters: [ApplyEvent.ClusterDowntime]? = nil
    ) -> ApplyEvent {
        let moves = moves.map { result in
            ApplyEvent.Move(
                object: result.move.object, kind: result.move.kind, strategy: result.move.strategy,
                from: result.move.from, to: result.move.to, state: result.state, waitMs: result.waitMs,
                stalenessMs: staleness.map { $0[result.move.object] ?? 0 }, reason: result.reason
            )
        }
        return ApplyEvent(.summary(ApplyEvent.Summary(
            outcome: outcomeName, exitCode: exitStatus.rawValue, message: message, makespanMs: makespanMs,
            statements: statements, polls: polls, moves: moves, simulation: simulation, clusters: clusters
        )), tsMs: finishedAtMs)
    }
}
