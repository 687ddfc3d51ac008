public import MZPlanCore

extension SimulatedEnvironment {
    /// The invariants of SPEC §8 after a run: the violations seen while it ran (skipped times,
    /// an index dropped before its replacement was ready, two ingestions at once), plus no
    /// object lost and every move not listed in `notCutOver` on its target.
    public func checkInvariants(plan: Plan, notCutOver: Set<QualifiedName> = []) -> [SimulatorViolation] {
        var found = violations
        let names = Set(order.compactMap { objects[$0]?.qualifiedName })
        for name in originalNames.sorted() where !names.contains(name) {
            found.append(SimulatorViolation(atMs: timeMs, object: name, message: "object lost"))
        }
        for move in plan.moves where !notCutOver.contains(move.object) {
            guard let object = object(named: move.object) else { continue }
            if object.cluster != move.to {
                found.append(SimulatorViolation(atMs: timeMs, object: move.object, message: "on '\(object.cluster ?? "-")', not on its target '\(move.to)'"))
            }
        }
        return found
    }

    /// Names the run created and did not clean up (temporaries, replacements).
    public func leftovers() -> [QualifiedName] {
        order.compactMap { objects[$0] }.filter { !originalNames.contains($0.qualifiedName) }.map(\.qualifiedName).sorted()
    }
}
