import Dispatch
import Testing
@testable import MZPlanCore

/// Two pieces of work, on two threads when one is free: the results come back in order, also when
/// every thread of the pool is busy (then the caller runs both).
@Suite struct ParallelPairTests {
    @Test("both results, in order")
    func inOrder() {
        let (first, second) = ParallelPair.run({ (0..<1000).reduce(0, +) }, { "second" })
        #expect(first == 499_500)
        #expect(second == "second")
    }

    @Test("map: every index transformed once, in order, below and above the threshold", arguments: [0, 1, 2, 3, 10, 11, 1001])
    func mapInOrder(count: Int) {
        let expected = (0..<count).map { "item \($0)" }
        #expect(ParallelPair.map(count, threshold: 2) { "item \($0)" } == expected)
        #expect(ParallelPair.map(count, threshold: .max) { "item \($0)" } == expected)
    }

    @Test("called from more threads than the pool has, every call still gets its own results")
    func saturatedPool() {
        let calls = 64
        let results = ResultsBox(count: calls)
        DispatchQueue.concurrentPerform(iterations: calls) { call in
            let (first, second) = ParallelPair.run({ call * 2 }, { [call] in (0..<call).map { $0 } })
            results.set(call, first == call * 2 && second == Array(0..<call))
        }
        #expect(results.all)
    }

    /// What each call saw. `@unchecked Sendable`: each call writes its own slot under the lock.
    private final class ResultsBox: @unchecked Sendable {
        private var values: [Bool]
        private let lock = DispatchQueue(label: "results")

        init(count: Int) {
            values = Array(repeating: false, count: count)
        }

        func set(_ index: Int, _ value: Bool) { lock.sync { values[index] = value } }

        var all: Bool { lock.sync { values.allSatisfy { $0 } } }
    }
}
