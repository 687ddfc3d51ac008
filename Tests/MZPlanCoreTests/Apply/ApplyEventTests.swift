import Testing
@testable import MZPlanCore

/// The NDJSON lines of `--progress ndjson` (SPEC §6.5), byte for byte: member order, `null` for
/// absent values, escapes, one line feed.
@Suite struct ApplyEventTests {
    private static let weird = QualifiedName(database: "d", schema: "s", name: "We\"ird")

    @Test("each kind of event is one JSON line with its members in order", arguments: [
        (ApplyEvent(.plan(fingerprint: "sha256:ab", moves: 2, steps: 5, blocked: 0), tsMs: 1000),
         #"{"event":"plan","ts_ms":1000,"fingerprint":"sha256:ab","moves":2,"steps":5,"blocked":0}"#),
        (ApplyEvent(.stepStarted(action: "create-index", cluster: "c", sql: #"CREATE INDEX "i" IN CLUSTER "c" ON "t" ("a")"#), tsMs: 7, step: 3, object: weird.description),
         #"{"event":"step-started","ts_ms":7,"step":3,"object":"d.s.\"We\"\"ird\"","action":"create-index","cluster":"c","sql":"CREATE INDEX \"i\" IN CLUSTER \"c\" ON \"t\" (\"a\")"}"#),
        (ApplyEvent(.stepStarted(action: "abort", cluster: nil, sql: "DROP INDEX x"), tsMs: 8),
         #"{"event":"step-started","ts_ms":8,"action":"abort","cluster":null,"sql":"DROP INDEX x"}"#),
        (ApplyEvent(.stepFinished(action: "create-index"), tsMs: 9, step: 3),
         #"{"event":"step-finished","ts_ms":9,"step":3,"action":"create-index"}"#),
        (ApplyEvent(.objectStatus(.init(hydrated: false, upperMs: nil, lagMs: 5, status: nil, ready: false, waitingFor: "hydrating")), tsMs: 10, step: 4,
                    object: QualifiedName(database: "d", schema: "s", name: "i").description),
         #"{"event":"object-status","ts_ms":10,"step":4,"object":"d.s.i","hydrated":false,"upper_ms":null,"lag_ms":5,"status":null,"ready":false,"waiting_for":"hydrating"}"#),
        (ApplyEvent(.ready(standsInFor: QualifiedName(database: "d", schema: "S", name: "v")), tsMs: 11, step: 5),
         #"{"event":"ready","ts_ms":11,"step":5,"stands_in_for":"d.\"S\".v"}"#),
        (ApplyEvent(.cutover(cluster: nil), tsMs: 12),
         #"{"event":"cutover","ts_ms":12,"cluster":null}"#),
        (ApplyEvent(.warning(code: "connection-lost", message: "line\none\ttab é"), tsMs: 13),
         #"{"event":"warning","ts_ms":13,"code":"connection-lost","message":"line\none\ttab é"}"#),
        (ApplyEvent(.violation(message: "\u{1}"), tsMs: 14),
         #"{"event":"violation","ts_ms":14,"message":"\u0001"}"#),
    ])
    func lines(event: ApplyEvent, expected: String) {
        #expect(String(decoding: event.ndjsonLine(), as: UTF8.self) == expected + "\n")
    }

    @Test("lines appended one after another are each event's line")
    func appended() {
        let events = [
            ApplyEvent(.stepFinished(action: "a"), tsMs: 1, step: 1),
            ApplyEvent(.cutover(cluster: "c"), tsMs: 2, step: 1, object: Self.weird.description),
        ]
        var output: [UInt8] = []
        for event in events { event.appendNDJSONLine(to: &output) }
        #expect(output == events.flatMap { $0.ndjsonLine() })
        #expect(output.filter { $0 == UInt8(ascii: "\n") }.count == 2)
    }
}
