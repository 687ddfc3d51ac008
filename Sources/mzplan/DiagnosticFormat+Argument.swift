public import ArgumentParser
public import MZPlanCore

/// `--format text|json|github`.
extension DiagnosticFormat: ExpressibleByArgument {}
