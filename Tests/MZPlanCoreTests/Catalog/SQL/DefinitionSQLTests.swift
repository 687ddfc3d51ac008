import Testing
@testable import MZPlanCore

@Suite struct DefinitionSQLTests {
    @Test("definitions: annotations resolved, trailing ; and whitespace stripped", arguments: [
        ("SELECT \"a\" FROM [u7 AS \"materialize\".\"public\".\"t\"];", "SELECT \"a\" FROM \"materialize\".\"public\".\"new\""),
        ("SELECT 1;\n", "SELECT 1"),
        ("  SELECT ';' ;; ", "SELECT ';'"),
        ("SELECT * FROM [u9 AS \"d\".\"s\".\"we\"\"ird\"]", "SELECT * FROM \"d\".\"s\".\"we\"\"ird\""),
    ])
    func definitions(_ definition: String, _ expected: String) {
        let names: (String) -> QualifiedName? = { $0 == "u7" ? QualifiedName(database: "materialize", schema: "public", name: "new") : nil }
        #expect(DefinitionSQL.query(definition, names: names) == expected)
    }

    @Test("an unterminated definition is returned trimmed, not rejected")
    func unterminated() {
        #expect(DefinitionSQL.query("SELECT 'x;  ", names: { _ in nil }) == "SELECT 'x")
    }
}
