import Testing
@testable import MZPlanCore

@Suite struct RetryPolicyTests {
    @Test("pauses double from the first and stop at the cap; bounds are sane")
    func delays() {
        let policy = RetryPolicy.default
        #expect((1...6).map(policy.delayMs(afterAttempt:)) == [200, 400, 800, 1600, 3200, 3200])
        #expect(policy.serializationAttempts == 6 && policy.reconnects == 3)
        let odd = RetryPolicy(serializationAttempts: 0, initialDelayMs: 50, maxDelayMs: 10, reconnects: -1)
        #expect(odd.serializationAttempts == 1 && odd.maxDelayMs == 50 && odd.reconnects == 0)
    }
}
