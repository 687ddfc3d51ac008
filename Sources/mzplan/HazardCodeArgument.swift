import ArgumentParser
import MZPlanCore

/// Parses `--allow` values: an unknown code is a usage error (64); `frontier-gap` and `rebuild-refused` are refused (1).
enum HazardCodeArgument {
    static func parse(_ values: [String], console: Console) throws -> [HazardCode] {
        try values.map { value in
            guard let code = HazardCode(rawValue: value) else {
                let known = HazardCode.allCases.map(\.rawValue)
                throw ValidationError("unknown hazard code '\(value)' for --allow\(Suggestion.didYouMean(value, among: known)); known codes: \(known.joined(separator: ", "))")
            }
            if !code.isAllowable {
                console.report([Diagnostic(
                    .error,
                    code: "cli.allow",
                    "--allow \(code.rawValue) is refused: \(code.refusalReason ?? "")"
                )])
                throw ExitCode(ExitStatus.failure)
            }
            return code
        }
    }
}
