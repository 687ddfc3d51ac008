import Dispatch
import Synchronization

/// A value computed on another thread while the caller goes on; reading ``value`` waits for it.
///
/// `@unchecked Sendable` is sound here: `result` is written once, before `group.leave()`, and
/// read only after `group.wait()`, which orders the write before the read.
final class BackgroundValue<Value: Sendable>: @unchecked Sendable {
    private var result: Value?
    private let group = DispatchGroup()
    /// Raised by ``cancel()``; work that takes it stops early.
    private let cancellation = CancellationFlag()

    init(_ work: @escaping @Sendable () -> Value) {
        group.enter()
        DispatchQueue.global(qos: .userInitiated).async {
            self.result = work()
            self.group.leave()
        }
    }

    /// Work that checks the flag it is given and returns early once it is raised.
    init(cancellable work: @escaping @Sendable (CancellationFlag) -> Value) {
        group.enter()
        let flag = cancellation
        DispatchQueue.global(qos: .userInitiated).async {
            self.result = work(flag)
            self.group.leave()
        }
    }

    /// The computed value, once it is ready.
    var value: Value {
        group.wait()
        return result!
    }

    /// Tells cancellable work that its value will never be read.
    func cancel() {
        cancellation.raise()
    }
}

/// A flag one thread raises and another reads, to stop work whose result is no longer wanted.
final class CancellationFlag: Sendable {
    private let raised = Atomic<Bool>(false)

    func raise() { raised.store(true, ordering: .relaxed) }

    var isRaised: Bool { raised.load(ordering: .relaxed) }
}
