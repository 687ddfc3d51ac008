import Testing
@testable import MZPlanCore

/// The statements a step sends: one, or a transaction's (SPEC §10.5, `rename-objects`).
@Suite struct StepStatementsTests {
    @Test("a transaction step's statements split at the semicolons outside quotes")
    func transactionStatements() {
        let statements = [#"ALTER SOURCE "a;b" RENAME TO "c""#, #"ALTER VIEW "v" RENAME TO "it's""#]
        let step = Step(id: 1, action: .renameObjects, phase: .cutover, sql: Step.transaction(statements))
        #expect(step.statements == statements)
    }

    @Test("any other step sends its SQL as it is")
    func singleStatement() {
        let step = Step(id: 1, action: .dropRetired, phase: .cleanup, sql: #"DROP SOURCE "a;b" CASCADE"#)
        #expect(step.statements == [#"DROP SOURCE "a;b" CASCADE"#])
    }
}
