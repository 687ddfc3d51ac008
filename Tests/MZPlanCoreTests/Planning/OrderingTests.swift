import Testing
@testable import MZPlanCore

/// The edges of SPEC §5 "Ordering" and the stable topological order.
@Suite struct OrderingTests {
    /// `mv` on c1 imports `idx1` on c1; both move to a new cluster c3, where `idx1` is rebuilt.
    /// `other` stays on c1, so c1 is not simply renamed.
    func moveBoth() throws -> Plan {
        var catalog = Fixture.epic(upper: Fixture.now - 500, idx2Since: Fixture.now - 1100)
        catalog.objects.append(Fixture.object("u20", "other", .materializedView, cluster: "c1"))
        let manifest = Fixture.manifest([("c3", "200cc", [
            Fixture.rule("c3", Fixture.exact("mv"), line: 2),
            Fixture.rule("c3", Fixture.exact("idx1"), line: 3),
        ])])
        return try Fixture.plan(manifest, catalog)
    }

    func step(_ plan: Plan, _ action: Step.Action) throws -> Step {
        try #require(plan.steps.first { $0.action == action })
    }

    @Test("cluster creation comes first and everything placed on the cluster follows it")
    func clusterFirst() throws {
        let plan = try moveBoth()
        let create = try step(plan, .createCluster)
        #expect(create.id == 1)
        #expect(create.sql == "CREATE CLUSTER \"c3\" (SIZE = '200cc')")
        for action in [Step.Action.createIndex, .createReplacement] {
            #expect(try step(plan, action).after.contains(create.id))
        }
    }

    @Test("an index created on the target comes before the replacement that imports it")
    func indexBeforeReplacement() throws {
        let plan = try moveBoth()
        let createIndex = try step(plan, .createIndex)
        let replacement = try step(plan, .createReplacement)
        #expect(replacement.after.contains(createIndex.id))
        #expect(createIndex.wait?.until == .ready)
        let move = try #require(plan.moves.first { $0.kind == .materializedView })
        #expect(move.frontier?.imports.map(\.via) == [.plannedIndex])
    }

    @Test("the old index is dropped only after the cutover of every moving dataflow that imports it")
    func cutoverBeforeDrop() throws {
        let plan = try moveBoth()
        let apply = try step(plan, .applyReplacement)
        let drop = try step(plan, .dropIndex)
        let rename = try step(plan, .renameIndex)
        #expect(drop.after.contains(apply.id))
        #expect(rename.after == [drop.id])
        #expect(apply.id < drop.id)
    }

    @Test("steps are listed in a topological order, ids 1…n, phases never going back")
    func topological() throws {
        let plan = try moveBoth()
        #expect(plan.steps.map(\.id) == Array(1...plan.steps.count))
        for step in plan.steps {
            #expect(step.after.allSatisfy { $0 < step.id })
        }
        #expect(plan.steps.map(\.phase) == plan.steps.map(\.phase).sorted())
    }

    @Test("a source's recreation comes before the recreation of its dependents, in dependency order")
    func sourceClosure() throws {
        var catalog = Fixture.epic(upper: Fixture.now - 500, idx2Since: Fixture.now - 1100)
        catalog.clusters.append(Fixture.cluster("u4", "ingest2"))
        let manifest = Fixture.manifest([("ingest2", nil, [Fixture.rule("ingest2", Fixture.exact("s"), allow: [.sourceRecreate, .cascadeDrop])])])
        let plan = try Fixture.plan(manifest, catalog)
        #expect(plan.steps.map(\.action) == [.dropSource, .recreateObject, .recreateObject, .recreateObject, .recreateObject])
        #expect(plan.steps[0].sql == "DROP SOURCE \"materialize\".\"public\".\"s\" CASCADE")
        #expect(plan.steps.map { $0.object?.name } == ["s", "s", "idx1", "idx2", "mv"])
        #expect(plan.steps.map(\.cluster) == ["ingest", "ingest2", "c1", "c2", "c1"])
        for step in plan.steps.dropFirst(2) {
            #expect(step.after.contains(2))
        }
        let move = try #require(plan.moves.first)
        #expect(move.recreates.map(\.name) == ["idx1", "idx2", "mv"])
        #expect(!move.isBlocked)
    }

    @Test("the same inputs give the same plan, and rule order does not matter to the fingerprint")
    func deterministic() throws {
        let first = try moveBoth()
        let second = try moveBoth()
        #expect(first == second)
        let reordered = Fixture.manifest([("c3", "200cc", [
            Fixture.rule("c3", Fixture.exact("idx1"), line: 7),
            Fixture.rule("c3", Fixture.exact("mv"), line: 9),
        ])])
        var catalog = Fixture.epic(upper: Fixture.now - 500, idx2Since: Fixture.now - 1100)
        catalog.objects.append(Fixture.object("u20", "other", .materializedView, cluster: "c1"))
        var third = try Fixture.plan(reordered, catalog)
        #expect(third.fingerprint == first.fingerprint)
        // Only where the rules are written differs: each move names the line of its own rule.
        #expect(third.moves.map { $0.rule?.line } == [7, 9] && first.moves.map { $0.rule?.line } == [3, 2])
        for index in third.moves.indices { third.moves[index].rule = first.moves[index].rule }
        #expect(third == first)
    }

    @Test("the fingerprint ignores frontiers but not the catalog's definitions")
    func fingerprintInputs() throws {
        let manifest = Fixture.manifest([("c2", nil, [Fixture.rule("c2", Fixture.exact("mv"))])])
        let base = try Fixture.plan(manifest, Fixture.epic(upper: Fixture.now - 500, idx2Since: Fixture.now - 1100))
        let laterFrontiers = try Fixture.plan(manifest, Fixture.epic(upper: Fixture.now - 300, idx2Since: Fixture.now - 900))
        #expect(base.fingerprint == laterFrontiers.fingerprint)
        var changed = Fixture.epic(upper: Fixture.now - 500, idx2Since: Fixture.now - 1100)
        changed.objects[3].definition = "SELECT 2;"
        let otherDefinition = try Fixture.plan(manifest, changed)
        #expect(base.fingerprint != otherDefinition.fingerprint)
        #expect(base.fingerprint.hasPrefix("sha256:") && base.fingerprint.count == 71)
    }

    @Test("a cycle in the step graph (a planner bug) is a diagnostic naming the steps, not a trap")
    func cycleIsADiagnostic() {
        var graph = StepGraph()
        let first = graph.add(.createIndex, phase: .hydrate, statement: .drop(DropStatement(.index, ObjectName("a"))), object: QualifiedName(database: "d", schema: "s", name: "a"))
        let second = graph.add(.dropIndex, phase: .cleanup, statement: .drop(DropStatement(.index, ObjectName("b"))), after: [first], object: QualifiedName(database: "d", schema: "s", name: "b"))
        graph.addEdge(from: second, to: first)
        #expect {
            try graph.ordered()
        } throws: { error in
            let diagnostic = (error as? DiagnosticsError)?.diagnostics.first
            return diagnostic?.code == "plan.step-cycle" && diagnostic?.message.contains("create-index d.s.a") == true
        }
    }
}

/// Sources moved together whose dependents overlap are dropped first and their dependents rebuilt once.
@Suite struct SharedClosureTests {
    @Test("a view reading two moving sources is rebuilt once, after both sources are back")
    func sharedDependent() throws {
        let catalog = CatalogSnapshot(
            takenAtMs: Fixture.now,
            clusters: [Fixture.cluster("u1", "ingest"), Fixture.cluster("u2", "ingest2"), Fixture.cluster("u3", "c1")],
            objects: [
                Fixture.object("u10", "s1", .source, cluster: "ingest"),
                Fixture.object("u11", "s2", .source, cluster: "ingest"),
                Fixture.object("u12", "other", .source, cluster: "ingest"),
                Fixture.object("u13", "m", .materializedView, cluster: "c1", dependsOn: ["u10", "u11"]),
            ]
        )
        let manifest = Fixture.manifest([("ingest2", nil, [
            Fixture.rule("ingest2", Fixture.exact("s1"), allow: [.sourceRecreate, .cascadeDrop]),
            Fixture.rule("ingest2", Fixture.exact("s2"), allow: [.sourceRecreate, .cascadeDrop]),
        ])])
        let plan = try Fixture.plan(manifest, catalog)
        #expect(plan.steps.map(\.action) == [.dropSource, .dropSource, .recreateObject, .recreateObject, .recreateObject])
        let rebuild = try #require(plan.steps.last)
        #expect(rebuild.object?.name == "m")
        #expect(rebuild.after.contains(3) && rebuild.after.contains(4))
        #expect(plan.steps.filter { $0.object?.name == "m" }.count == 1)
        #expect(plan.moves.map(\.object.name) == ["s1", "s2"])
        // The shared dependent is listed once, under the first root, with its step; the second
        // root's CASCADE drop says whose list it is on.
        #expect(plan.moves.map { $0.recreates.map(\.name) } == [["m"], []])
        #expect(plan.moves.map(\.steps) == [[1, 3, 5], [2, 4]])
        let cascades = plan.moves.map { $0.hazards.first { $0.code == .cascadeDrop }?.message ?? "" }
        #expect(cascades[0].contains("also drops 1 dependent object ('materialize.public.m');"), "\(cascades[0])")
        #expect(cascades[1].contains("also drops dependents it shares with 'materialize.public.s1' (listed under it);"), "\(cascades[1])")
    }

    @Test("claims: one walk over the union; a root reaching another's claim joins its group and stops there")
    func claims() throws {
        // a → x → y, b → y → z, c → w, d (a materialized view root) under x.
        let objects = [
            Fixture.object("u1", "a", .source, cluster: "c"),
            Fixture.object("u2", "b", .source, cluster: "c"),
            Fixture.object("u3", "c", .source, cluster: "c"),
            Fixture.object("u4", "x", .view, dependsOn: ["u1"]),
            Fixture.object("u5", "y", .view, dependsOn: ["u4", "u2"]),
            Fixture.object("u6", "z", .materializedView, cluster: "c", dependsOn: ["u5"]),
            Fixture.object("u7", "w", .materializedView, cluster: "c", dependsOn: ["u3"]),
            Fixture.object("u8", "d", .materializedView, cluster: "c", dependsOn: ["u4"]),
        ]
        let graph = try CatalogGraph(CatalogSnapshot(clusters: [Fixture.cluster("u9", "c")], objects: objects))
        let claims = graph.claimDependents(of: ["u1", "u2", "u3", "u8"])
        #expect(claims.groups == [[0, 1, 3], [2]])
        let names = claims.claimed.map { $0.map { graph.objects[$0].name }.sorted() }
        #expect(names == [["d", "x", "y", "z"], [], ["w"], []])
        #expect(claims.reached == [[], [0], [], []])
        var hydration = Dictionary(uniqueKeysWithValues: objects.map { ($0.id, UInt64(0)) })
        hydration["u6"] = 7
        hydration["u7"] = 3
        hydration["u8"] = 9
        let largest = graph.largestInClosures(of: ["u1", "u2", "u3", "u8"]) { hydration[$0.id] ?? 0 }
        #expect(largest == [9, 7, 3, 0])
    }
}
