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
        // A CTE or a table alias with a column list is an alias, not a function.
        Case(query: #"WITH "orders" ("id") AS (SELECT 1) SELECT * FROM [u7 AS "materialize"."public"."orders"]"#, to: "orders_v2",
             conflict: #""orders" potentially used ambiguously as item and alias or column"#),
        Case(query: #"SELECT "t"."a" FROM [u7 AS "materialize"."public"."orders"] AS "t" ("a")"#, to: "orders_v2",
             expected: #"SELECT "t"."a" FROM [u7 AS "materialize"."public"."orders_v2"] AS "t" ("a")"#),
        // A cast's type is an object name; a column named like the item is not a qualifier.
        Case(query: #"SELECT CAST("x" AS "pg_catalog"."int8") FROM [u7 AS "materialize"."public"."orders"]"#, to: "orders_v2",
             expected: #"SELECT CAST("x" AS "pg_catalog"."int8") FROM [u7 AS "materialize"."public"."orders_v2"]"#),
        Case(query: #"SELECT "orders" FROM [u7 AS "materialize"."public"."orders"]"#, to: "orders_v2",
             conflict: #""orders" potentially used ambiguously as item and column"#),
        // A qualified wildcard with the schema.
        Case(query: #"SELECT "public"."orders".* FROM [u7 AS "materialize"."public"."orders"]"#, to: "orders_v2",
             expected: #"SELECT "public"."orders_v2".* FROM [u7 AS "materialize"."public"."orders_v2"]"#),
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
}
