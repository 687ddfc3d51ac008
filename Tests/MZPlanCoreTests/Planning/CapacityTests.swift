import Foundation
import Testing
@testable import MZPlanCore

/// Cost and capacity (SPEC §10.2): credits before and after a plan, what the transition adds,
/// and the `capacity` hazard when the dataflows moving into a cluster do not fit a replica.
@Suite struct CapacityTests {
    static let gib: UInt64 = 1 << 30

    static let sizes: [ReplicaSize] = [
        ReplicaSize("25cc", processes: 1, workers: 1, memoryBytes: 2 * gib, creditsPerHour: 0.25),
        ReplicaSize("50cc", processes: 1, workers: 2, memoryBytes: 4 * gib, creditsPerHour: 0.5),
        ReplicaSize("100cc", processes: 1, workers: 4, memoryBytes: 8 * gib, creditsPerHour: 1),
        ReplicaSize("200cc", processes: 1, workers: 8, memoryBytes: 16 * gib, creditsPerHour: 2),
        ReplicaSize("400cc", processes: 1, workers: 16, memoryBytes: 32 * gib, creditsPerHour: 4),
        ReplicaSize("3200cc", processes: 4, workers: 16, memoryBytes: 64 * gib, creditsPerHour: 32),
    ]

    /// `compute` (400cc) runs `big` (a 10 GiB view) with `big_idx` (1 GiB) on it and `small`
    /// (512 MiB); `serving` (100cc) runs `serving_idx` (3 GiB).
    static func catalog(bigMemory: UInt64? = 10 * gib, indexMemory: UInt64? = gib, sizes: [ReplicaSize]? = sizes) -> CatalogSnapshot {
        var big = Fixture.object("u10", "big", .materializedView, cluster: "compute", dependsOn: ["u1"], since: Fixture.now - 2000, upper: Fixture.now - 1000)
        big.memoryBytes = bigMemory
        var index = Fixture.object("u11", "big_idx", .index, cluster: "compute", on: "u10", dependsOn: ["u10"], imports: ["u10"], since: Fixture.now - 2000, upper: Fixture.now - 1000)
        index.memoryBytes = indexMemory
        var small = Fixture.object("u12", "small", .materializedView, cluster: "compute", dependsOn: ["u1"], since: Fixture.now - 2000, upper: Fixture.now - 1000)
        small.memoryBytes = gib / 2
        var serving = Fixture.object("u13", "serving_idx", .index, cluster: "serving", on: "u1", dependsOn: ["u1"], since: Fixture.now - 2000, upper: Fixture.now - 1000)
        serving.memoryBytes = 3 * gib
        return CatalogSnapshot(
            takenAtMs: Fixture.now,
            clusters: [Fixture.cluster("u2", "compute", size: "400cc"), Fixture.cluster("u3", "serving", size: "100cc")],
            objects: [
                Fixture.object("u1", "t", .table, since: Fixture.now - 5000, upper: Fixture.now - 1000),
                big, index, small, serving,
            ],
            sizes: sizes
        )
    }

    static func plan(_ yaml: String, catalog: CatalogSnapshot = catalog(), allow: [HazardCode] = []) throws -> Planner.Result {
        let manifest = try ManifestLoader.load([ManifestSource(path: "m.yaml", text: yaml)]).manifest
        return try Planner.plan(manifest: manifest, catalog: catalog, allow: allow)
    }

    static func moveBig(to size: String) -> String {
        """
        version: 1
        clusters:
          analytics:
            size: \(size)
            objects: [big, big_idx]
        """
    }

    static func capacityHazards(_ plan: Plan) -> [Hazard] {
        plan.moves.flatMap(\.hazards).filter { $0.code == .capacity } + plan.clusters.flatMap(\.hazards).filter { $0.code == .capacity }
    }

    @Test("a 10 GiB view and its 1 GiB index do not fit a new 100cc cluster: blocked with the numbers, 200cc named; both plans priced")
    func doesNotFit() throws {
        let plan = try Self.plan(Self.moveBig(to: "100cc")).plan
        #expect(plan.isBlocked)
        let hazards = Self.capacityHazards(plan)
        #expect(hazards.count == 2, "one on each move into analytics")
        let hazard = try #require(hazards.first)
        #expect(hazard.severity == .error && hazard.blocks)
        #expect(hazard.message.contains("cluster 'analytics' would hold about 11.0 GiB"), "\(hazard.message)")
        #expect(hazard.message.contains("11.0 GiB moving in ('materialize.public.big' 10.0 GiB, 'materialize.public.big_idx' 1.0 GiB)"), "\(hazard.message)")
        #expect(hazard.message.contains("above 90% (7.2 GiB) of the 8.0 GiB a 100cc replica has"), "\(hazard.message)")
        #expect(hazard.remedies.first?.contains("`size: 200cc`") == true, "\(hazard.remedies)")
        // 400cc today: compute 4 + serving 1; after, analytics adds 1.
        #expect(plan.summary.creditsPerHour == CreditsPerHour(before: 5, after: 6))
        #expect(PlanRenderer().render(plan, format: .text).contains("Cost: this plan changes your bill from 5 to 6 credits/h"))

        let fits = try Self.plan(Self.moveBig(to: "200cc")).plan
        #expect(!fits.isBlocked && Self.capacityHazards(fits).isEmpty)
        #expect(fits.summary.creditsPerHour == CreditsPerHour(before: 5, after: 7))
        let json = fits.json()
        #expect(json.contains(#""credits_per_hour": {"#) && json.contains(#""before": 5.0"#) && json.contains(#""after": 7.0"#))
    }

    @Test("allowed, an over-capacity move plans with the hazard shown as allowed")
    func allowed() throws {
        let plan = try Self.plan(Self.moveBig(to: "100cc"), allow: [.capacity]).plan
        #expect(!plan.isBlocked && Self.capacityHazards(plan).allSatisfy { $0.allowed })
    }

    @Test("the limit is options.memory_limit: at 60% even 200cc (9.6 GiB) is too small and 400cc is named")
    func limit() throws {
        let yaml = Self.moveBig(to: "200cc") + "\noptions:\n  memory_limit: 60%\n"
        let plan = try Self.plan(yaml).plan
        let hazard = try #require(Self.capacityHazards(plan).first)
        #expect(hazard.message.contains("above 60% (9.6 GiB) of the 16.0 GiB a 200cc replica has"), "\(hazard.message)")
        #expect(hazard.remedies.first?.contains("`size: 400cc`") == true)
    }

    @Test("what stays and what leaves counts: serving (3 GiB) takes big_idx and small while nothing leaves")
    func staying() throws {
        // 3 GiB + 1 GiB + 0.5 GiB = 4.5 GiB of 8 GiB: fits at 90 % (7.2 GiB), not at 50 % (4 GiB).
        let yaml = """
        version: 1
        clusters:
          serving:
            objects: [serving_idx, big_idx, small]
        """
        #expect(Self.capacityHazards(try Self.plan(yaml).plan).isEmpty)
        let tight = try Self.plan(yaml + "\noptions:\n  memory_limit: 50\n").plan
        let hazard = try #require(Self.capacityHazards(tight).first)
        #expect(hazard.message.contains("about 4.5 GiB") && hazard.message.contains("3.0 GiB staying"), "\(hazard.message)")
        #expect(tight.moves.filter { $0.to == "serving" }.allSatisfy { $0.hazards.contains { $0.code == .capacity } })
    }

    @Test("a resize makes it fit: moving in with serving grown to 200cc plans cleanly")
    func resizeFits() throws {
        let yaml = """
        version: 1
        clusters:
          serving:
            size: %@
            objects: [serving_idx, big, big_idx]
        """
        let small = try Self.plan(yaml.replacingOccurrences(of: "%@", with: "100cc")).plan
        #expect(Self.capacityHazards(small).count == 2)
        let grown = try Self.plan(yaml.replacingOccurrences(of: "%@", with: "200cc")).plan
        #expect(Self.capacityHazards(grown).isEmpty, "\(Self.capacityHazards(grown).map(\.message))")
    }

    @Test("a shrink that leaves what stays too little room is a hazard on the resize itself")
    func shrink() throws {
        let yaml = """
        version: 1
        clusters:
          compute:
            size: 50cc
            resize: restart
            objects: [big, big_idx, small]
        """
        let plan = try Self.plan(yaml, allow: [.clusterRestart]).plan
        let change = try #require(plan.clusters.first { $0.name == "compute" })
        let hazard = try #require(change.hazards.first { $0.code == .capacity })
        #expect(hazard.message.contains("would hold about 11.5 GiB after its resize (11.5 GiB staying)"), "\(hazard.message)")
        #expect(hazard.remedies.first?.contains("`size: 200cc`") == true, "\(hazard.remedies)")
    }

    @Test("processes multiply: a 3200cc replica of 4 processes has 256 GiB")
    func processes() {
        #expect(Self.sizes.last?.replicaMemoryBytes == 256 * Self.gib)
        var projection = MemoryProjection(cluster: "c", size: Self.sizes[2])
        projection.addIncoming(Fixture.object("u1", "a", .index, cluster: "c"))
        #expect(projection.exceeds(percent: 90) == nil, "no memory figure: unknown, not zero")
        var known = Fixture.object("u2", "b", .index, cluster: "c")
        known.memoryBytes = 100 * Self.gib
        projection.addIncoming(known)
        #expect(projection.exceeds(percent: 90) == true && projection.unknown == 1)
        #expect(projection.smallestFitting(among: Self.sizes, percent: 90)?.name == "3200cc")
    }

    @Test("unknown memory: no capacity hazard; a note names the clusters when the snapshot has figures elsewhere")
    func unknown() throws {
        let noFigures = try Self.plan(Self.moveBig(to: "25cc"), catalog: Self.catalog(bigMemory: nil, indexMemory: nil))
        #expect(Self.capacityHazards(noFigures.plan).isEmpty)
        let note = try #require(noFigures.warnings.first { $0.code == "plan.memory-unknown" })
        #expect(note.severity == .note && note.message.contains("'analytics' (none of its 2 objects has a memory figure)"), "\(note.message)")

        let nameOnly = try Self.plan(Self.moveBig(to: "25cc"), catalog: Self.catalog(sizes: Self.sizes.map { ReplicaSize($0.name) }))
        #expect(Self.capacityHazards(nameOnly.plan).isEmpty)
        #expect(nameOnly.warnings.contains { $0.message.contains("'analytics' (size 25cc has no memory figure)") })
        #expect(nameOnly.plan.summary.creditsPerHour == nil && nameOnly.plan.summary.transitionCredits == nil)
        #expect(!PlanRenderer().render(nameOnly.plan, format: .text).contains("Cost:"))
    }

    @Test("a moved view that loses its index import counts the index it must arrange itself")
    func storageRead() throws {
        // A view on `serving` reading big through big_idx: moved to a 25cc cluster (2 GiB), it
        // reads big from storage and arranges it (1 GiB of big_idx) besides its own 0.5 GiB.
        var catalog = Self.catalog()
        var reader = Fixture.object("u14", "reader", .materializedView, cluster: "compute", dependsOn: ["u10"], imports: ["u11"], since: Fixture.now - 2000, upper: Fixture.now - 1000)
        reader.memoryBytes = Self.gib / 2
        catalog.objects.append(reader)
        let yaml = """
        version: 1
        clusters:
          tiny:
            size: 25cc
            objects: [reader]
        options:
          memory_limit: 60%
        """
        let plan = try Self.plan(yaml, catalog: catalog).plan
        let move = try #require(plan.moves.first { $0.object.name == "reader" })
        #expect(move.hazards.contains { $0.code == .storageRead })
        let hazard = try #require(move.hazards.first { $0.code == .capacity })
        #expect(hazard.message.contains("1.5 GiB moving in ('materialize.public.big' arranged by 'materialize.public.reader' 1.0 GiB, 'materialize.public.reader' 512.0 MiB)"), "\(hazard.message)")
        #expect(hazard.remedies.contains { $0 == "keep 'materialize.public.reader' on 'compute' beside 'materialize.public.big_idx': on 'tiny' it would arrange 'materialize.public.big' itself" }, "\(hazard.remedies)")
    }

    @Test("transition credits: a created cluster bills from its creation to the end of the apply")
    func transition() throws {
        let plan = try Self.plan(Self.moveBig(to: "200cc")).plan
        let transition = try #require(plan.summary.transitionCredits)
        let hours = Double(StepTiming(plan.steps).totalMs) / 3_600_000
        #expect(transition > 0 && abs(transition - 2 * hours) < 0.000_01)
        #expect(plan.json().contains(#""transition_credits": "#))
    }

    @Test("credits text: two decimals at most, no trailing zeros")
    func creditText() {
        #expect([2.75, 0.4, 3, 0.005, 12.5, 0.123].map(CreditText.describe) == ["2.75", "0.4", "3", "0.01", "12.5", "0.12"])
        #expect([0, 1023, 1024, 1536, 10 * Self.gib, 8_589_934_592 * 1024].map { ByteText.describe(bytes: $0) } == ["0 B", "1023 B", "1.0 KiB", "1.5 KiB", "10.0 GiB", "8.0 TiB"])
    }
}
