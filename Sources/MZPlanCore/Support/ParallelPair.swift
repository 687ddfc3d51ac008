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

    /// `transform` of each index below `count`, in order: from `threshold` indices on, the even
    /// and the odd indices on two threads (``run(_:_:)``). Alternate indices share the work more
    /// evenly than two halves: what costs more (a large closure, a long definition) tends to come
    /// in runs, which a split in the middle gives to one thread.
    static func map<Element>(_ count: Int, threshold: Int, _ transform: (Int) -> Element) -> [Element] {
        guard count >= threshold else { return (0..<count).map(transform) }
        let (evens, odds) = run({ stride(from: 0, to: count, by: 2).map(transform) }, { stride(from: 1, to: count, by: 2).map(transform) })
        var result: [Element] = []
        result.reserveCapacity(count)
        for index in odds.indices {
            result.append(evens[index])
            result.append(odds[index])
        }
        if evens.count > odds.count { result.append(evens[evens.count - 1]) }
        return result
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
