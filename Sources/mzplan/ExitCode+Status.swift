import ArgumentParser
import MZPlanCore

extension ExitCode {
    /// The process status for one of mzplan's exit codes (SPEC §2).
    init(_ status: ExitStatus) {
        self.init(status.rawValue)
    }
}
