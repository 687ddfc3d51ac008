import Foundation
import MZPlanTestSupport
import Testing
@testable import MZPlanCore

/// Thousands of damaged copies of `examples/shop/mzplan.yaml` through ``ManifestLoader``: no crash,
/// no hang, and every rejection carries a position. Seeded, so a failure names a reproducible case.
@Suite struct ManifestFuzzTests {
    static let cases = 4_000
    /// Far above the few milliseconds a case takes; a hang or a quadratic blow-up crosses it.
    static let boundPerCase: Duration = .seconds(2)
    /// Added per MiB of input: a debug build reads a 1 MiB scalar in about two seconds on a
    /// busy 2-core machine, in linear time; quadratic work on it would take minutes.
    static let boundPerMiB: Duration = .seconds(4)

    let mutator = ManifestMutator(Array(
        (try? Data(contentsOf: repositoryRoot().appendingPathComponent("examples/shop/mzplan.yaml"))) ?? Data()))

    @Test("the example itself loads")
    func original() throws {
        #expect(mutator.original.count > 500)
        _ = try ManifestLoader.load([ManifestSource(path: "mzplan.yaml", bytes: mutator.original)])
    }

    @Test("every mutation kind, many seeds: loaded, or refused with file:line:col on every error", arguments: ManifestMutator.Mutation.allCases)
    func mutations(kind: ManifestMutator.Mutation) {
        var refused = 0
        for seed in 0..<UInt64(Self.cases / ManifestMutator.Mutation.allCases.count) {
            var generator = SeededGenerator(seed: seed)
            let bytes = mutator.apply(kind, using: &generator)
            let start = ContinuousClock.now
            let diagnostics: [Diagnostic]
            do {
                _ = try ManifestLoader.load([ManifestSource(path: "mzplan.yaml", bytes: bytes)])
                diagnostics = []
            } catch {
                diagnostics = error.diagnostics
                refused += 1
            }
            let elapsed = ContinuousClock.now - start
            let bound = Self.boundPerCase + Self.boundPerMiB * (Double(bytes.count) / Double(1 << 20))
            #expect(elapsed < bound, "\(kind) seed \(seed) took \(elapsed) for \(bytes.count) bytes")
            for diagnostic in diagnostics where diagnostic.severity == .error {
                #expect(diagnostic.location != nil, "\(kind) seed \(seed): \(diagnostic.code) has no position")
            }
            if !diagnostics.isEmpty {
                #expect(diagnostics.contains { $0.severity == .error }, "\(kind) seed \(seed) was refused without an error")
            }
        }
        if [.hugeScalar, .aliasBomb, .deepNesting].contains(kind) {
            #expect(refused > 0, "\(kind) never produced an input the loader refuses")
        }
    }

    @Test("the same seed gives the same input")
    func reproducible() {
        var first = SeededGenerator(seed: 42)
        var second = SeededGenerator(seed: 42)
        for _ in 0..<50 {
            #expect(mutator.mutate(using: &first).1 == mutator.mutate(using: &second).1)
        }
    }
}
