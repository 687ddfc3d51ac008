public import ArgumentParser
public import MZPlanCore

/// `--format text|json|sql|markdown|dot|mermaid|gantt`.
extension PlanFormat: ExpressibleByArgument {}
