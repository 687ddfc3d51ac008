import Dispatch

/// Runs two pieces of work on two threads when a thread is free, else one after the other on the
/// caller's.
///
/// Unlike a second half on a ``BackgroundValue``, which the caller then waits for, the work never
/// waits for the thread pool: on two cores with a long background hash running, a queued half sat
/// still while the caller, done with its own half, waited for it.
enum ParallelPair {
    static func run<First, Second>(_ first: () -> First, _ second: () -> Second) -> (First, Second) {
        var firstResult: First?
        var secondResult: Second?
        // Each iteration writes only its own result, and `concurrentPerform` returns after both.
        withoutActuallyEscaping(first) { first in
            withoutActuallyEscaping(second) { second in
                let results = Results(first: first, second: second)
                DispatchQueue.concurrentPerform(iterations: 2) { index in
                    if index == 0 { results.runFirst() } else { results.runSecond() }
                }
                firstResult = results.firstValue
                secondResult = results.secondValue
            }
        }
        return (firstResult!, secondResult!)
    }

    /// `transform` of each index below `count`, in order: from `threshold` indices on, the two
    /// halves on two threads (``run(_:_:)``).
    static func map<Element>(_ count: Int, threshold: Int, _ transform: (Int) -> Element) -> [Element] {
        guard count >= threshold else { return (0..<count).map(transform) }
        let middle = count / 2
        let (head, tail) = run({ (0..<middle).map(transform) }, { (middle..<count).map(transform) })
        return head + tail
    }

    /// The two results. `@unchecked Sendable`: each iteration writes only its own slot, and the
    /// slots are read after `concurrentPerform` returns, which orders the writes before the reads.
    private final class Results<First, Second>: @unchecked Sendable {
        let first: () -> First
        let second: () -> Second
        var firstValue: First?
        var secondValue: Second?

        init(first: @escaping () -> First, second: @escaping () -> Second) {
            self.first = first
            self.second = second
        }

        func runFirst() { firstValue = first() }
        func runSecond() { secondValue = second() }
    }
}
