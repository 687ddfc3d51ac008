/// The plan's hazards and blocked moves as diagnostics, for `mzplan check`.
extension Plan {
    /// One diagnostic per hazard: an error when it blocks, a note when an error hazard is allowed,
    /// a warning for warning hazards. Each is placed at the manifest rule that asked for the move
    /// (``Move/rule``, recorded when planning) or at the cluster key, for a cluster change, when
    /// `manifest` has one; code `hazard.<code>`.
    package func findings(manifest: Manifest) -> [Diagnostic] {
        var found: [Diagnostic] = []
        for change in clusters {
            let place = manifest.clusters.first { $0.name == change.name }?.location
            for hazard in change.hazards {
                found.append(Self.diagnostic(hazard, subject: "cluster \(change.name) (\(change.action.rawValue))", at: place))
            }
        }
        for move in moves {
            let place = move.rule
            let subject = "\(move.kind.rawValue) \(move.object) (\(move.from) → \(move.to), \(move.strategy.rawValue))"
            for hazard in move.hazards {
                found.append(Self.diagnostic(hazard, subject: subject, at: place))
            }
        }
        return found
    }

    private static func diagnostic(_ hazard: Hazard, subject: String, at place: SourceLocation?) -> Diagnostic {
        let severity: Diagnostic.Severity = hazard.blocks ? .error : hazard.severity == .error ? .note : .warning
        let code = hazard.code.rawValue
        var message = switch severity {
        case .error: "\(subject) is blocked by \(code): \(hazard.message)"
        case .note: "\(subject): \(code) (allowed): \(hazard.message)"
        case .warning: "\(subject): \(code): \(hazard.message)"
        }
        if !hazard.remedies.isEmpty {
            message += "; remedies: " + hazard.remedies.joined(separator: "; ")
        }
        return Diagnostic(severity, code: "hazard.\(hazard.code.rawValue)", message, at: place)
    }
}
