import Testing
@testable import MZPlanCore

/// The journal session's cluster: explicit when asked for, else one the plan keeps, with a healthy
/// replica, preferring one it touches.
@Suite struct JournalClusterTests {
    static let catalog = CatalogSnapshot(clusters: [
        Fixture.cluster("u1", "a_sick", status: "offline"),
        Fixture.cluster("u2", "b_dropped"),
        Fixture.cluster("u3", "c_target"),
        Fixture.cluster("u4", "d_other"),
    ])
    static let plan = Plan(
        fingerprint: "sha256:x",
        summary: PlanSummary(),
        clusters: [ClusterChange(name: "b_dropped", action: .drop)],
        moves: [Move(object: QualifiedName(database: "d", schema: "s", name: "v"), id: "u9", kind: .materializedView, from: "b_dropped", to: "c_target", strategy: .replace)]
    )

    @Test("without a request: a healthy cluster the plan keeps, one it touches first")
    func automatic() throws {
        #expect(try JournalCluster.choose(catalog: Self.catalog, plan: Self.plan, requested: nil).get() == "c_target")
        #expect(try JournalCluster.choose(catalog: Self.catalog, plan: nil, requested: nil).get() == "b_dropped")
    }

    @Test("a requested cluster must exist, be healthy and outlive the plan", arguments: [
        ("c_targt", "does not exist (did you mean 'c_target'?)"),
        ("a_sick", "no online replica"),
        ("b_dropped", "the plan drops or renames it"),
    ])
    func requested(_ name: String, _ reason: String) {
        guard case .failure(let diagnostic) = JournalCluster.choose(catalog: Self.catalog, plan: Self.plan, requested: name) else {
            Issue.record("expected a failure")
            return
        }
        #expect(diagnostic.message.contains(reason), "\(diagnostic.message)")
        #expect(diagnostic.message.contains("--journal-cluster"))
    }

    @Test("no healthy cluster at all is an error")
    func none() {
        let catalog = CatalogSnapshot(clusters: [Fixture.cluster("u1", "a", status: "offline")])
        #expect(throws: Diagnostic.self) { try JournalCluster.choose(catalog: catalog, plan: nil, requested: nil).get() }
    }
}
