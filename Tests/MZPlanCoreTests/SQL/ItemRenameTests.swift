import Testing
@testable import MZPlanCore

/// Materialize's rename rule for the queries that read a renamed item
/// (`create_stmt_rename_refs`, `src/sql/src/ast/transform.rs`).
@Suite struct ItemRenameTests {
    static let orders = QualifiedName(database: "materialize", schema: "public", name: "orders")

    struct Case: Sendable, CustomTestStringConvertible {
        var query: String
        var to: String
        /// The rewritten query, or nil when refused.
        var expected: String?
        var conflict: String?
        var testDescription: String { query }
    }

    static let cases: [Case] = [
        // The annotation and the column qualifiers follow the item.
        Case(query: #"SELECT "orders"."id" FROM [u7 AS "materialize"."public"."orders"]"#, to: "orders_v2",
             expected: #"SELECT "orders_v2"."id" FROM [u7 AS "materialize"."public"."orders_v2"]"#),
        Case(query: #"SELECT "o"."id", "orders".* FROM [u7 AS "materialize"."public"."orders"] AS "o""#, to: "orders_v2",
             expected: #"SELECT "o"."id", "orders_v2".* FROM [u7 AS "materialize"."public"."orders_v2"] AS "o""#),
        // Keywords are bare words and never identifiers.
        Case(query: #"SELECT count(*) FROM [u7 AS "materialize"."public"."orders"] ORDER BY 1"#, to: "order",
             expected: #"SELECT count(*) FROM [u7 AS "materialize"."public"."order"] ORDER BY 1"#),
        // The new name used anywhere in the query.
        Case(query: #"SELECT "x" AS "orders_v2" FROM [u7 AS "materialize"."public"."orders"]"#, to: "orders_v2",
             conflict: #"found reference to "orders_v2"; cannot rename "orders" to any identity used in any existing view definitions"#),
        // The old name as an alias or a column.
        Case(query: #"SELECT "pg_catalog"."count"(*) AS "orders" FROM [u7 AS "materialize"."public"."orders"]"#, to: "orders_v2",
             conflict: #""orders" potentially used ambiguously as item and alias or column"#),
        Case(query: #"SELECT "c"."orders" FROM [u7 AS "materialize"."public"."orders"] JOIN [u9 AS "materialize"."public"."c"] AS "c" ON true"#, to: "orders_v2",
             conflict: #""orders" potentially used ambiguously as item and column"#),
        // The old name as a schema or function.
        Case(query: #"SELECT "orders"."f"(1) FROM [u7 AS "materialize"."public"."orders"]"#, to: "orders_v2",
             conflict: #""orders" potentially used ambiguously as item and database, schema, or function"#),
        // Two items of that name in two schemas: a bare qualifier is not enough.
        Case(query: #"SELECT "orders"."id" FROM [u7 AS "materialize"."public"."orders"] JOIN [u8 AS "materialize"."archive"."orders"] AS "a" ON true"#, to: "orders_v2",
             conflict: #""orders" is not sufficiently qualified to support renaming"#),
        Case(query: #"SELECT "public"."orders"."id" FROM [u7 AS "materialize"."public"."orders"] JOIN [u8 AS "materialize"."archive"."orders"] AS "a" ON true"#, to: "orders_v2",
             expected: #"SELECT "public"."orders_v2"."id" FROM [u7 AS "materialize"."public"."orders_v2"] JOIN [u8 AS "materialize"."archive"."orders"] AS "a" ON true"#),
    ]

    @Test(arguments: cases)
    func rename(_ example: Case) throws {
        let rename = ItemRename(from: Self.orders, to: example.to)
        let query = try SQLFragment(example.query)
        if let expected = example.expected {
            #expect(try rename.apply(to: query).sql == expected)
        } else {
            let error = #expect(throws: ItemRename.Conflict.self) { try rename.apply(to: query) }
            #expect(error?.message == example.conflict)
        }
    }

    @Test("a three-part name of a known item becomes an annotation; functions, qualified columns and unknown names stay")
    func annotating() throws {
        let query = try SQLFragment(#"SELECT "materialize"."public"."t"."a", "pg_catalog"."sum"("b") FROM "materialize"."public"."t" JOIN "materialize"."public"."unknown" ON true"#)
        let annotated = query.annotating { $0.parts == ["materialize", "public", "t"] ? "u5" : nil }
        #expect(annotated.sql == #"SELECT "materialize"."public"."t"."a", "pg_catalog"."sum"("b") FROM [u5 AS "materialize"."public"."t"] JOIN "materialize"."public"."unknown" ON true"#)
    }

    @Test("a transaction step's statements split at the semicolons outside quotes")
    func transactionStatements() {
        let statements = [#"ALTER SOURCE "a;b" RENAME TO "c""#, #"ALTER VIEW "v" RENAME TO "it's""#]
        let step = Step(id: 1, action: .renameObjects, phase: .cutover, sql: Step.transaction(statements))
        #expect(step.statements == statements)
    }
}
