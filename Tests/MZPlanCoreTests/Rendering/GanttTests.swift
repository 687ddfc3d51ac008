import Foundation
import MZPlanTestSupport
import Testing
@testable import MZPlanCore

/// `diff --format gantt` and the schedule behind it: valid Mermaid gantt syntax, and the same
/// scheduling rules as apply.
@Suite struct GanttTests {
    /// Checks `chart` against the rules of Mermaid's gantt grammar that a plan could break: the
    /// header, `dateFormat x` dates as integers with end ≥ start, one `section` before any task,
    /// unique task ids, task texts without `:`, `;`, `#` or `%`, a task per step. Returns the problems.
    static func problems(_ chart: String, steps: Int) -> [String] {
        var problems: [String] = []
        let lines = chart.split(separator: "\n", omittingEmptySubsequences: false).map(String.init)
        if Array(lines.prefix(4)).count < 4 || lines[0] != "gantt" || !lines[1].hasPrefix("    title ") || lines[2] != "    dateFormat x" || lines[3] != "    axisFormat %H:%M:%S" {
            problems.append("header: \(lines.prefix(4))")
        }
        if lines.last != "" { problems.append("no final newline") }
        var ids: Set<String> = []
        var inSection = false
        let forbidden = CharacterSet(charactersIn: ":;#%\r\n\t")
        for line in lines.dropFirst(4) where !line.isEmpty {
            if line.hasPrefix("    section ") {
                inSection = true
                if line.dropFirst(12).rangeOfCharacter(from: forbidden) != nil || line.dropFirst(12).isEmpty { problems.append("section text: \(line)") }
                continue
            }
            guard inSection else { problems.append("task before any section: \(line)"); continue }
            let parts = line.split(separator: ":", maxSplits: 1, omittingEmptySubsequences: false)
            guard parts.count == 2, parts[0].hasPrefix("    "), !parts[0].trimmingCharacters(in: .whitespaces).isEmpty else {
                problems.append("task shape: \(line)")
                continue
            }
            let text = parts[0].dropFirst(4)
            if text.rangeOfCharacter(from: forbidden) != nil { problems.append("task text: \(line)") }
            for keyword in ["section", "title", "dateFormat", "axisFormat", "excludes", "includes", "todayMarker", "click", "%%"] where text.hasPrefix(keyword) {
                problems.append("task text starts with a keyword: \(line)")
            }
            var fields = parts[1].split(separator: ",").map { $0.trimmingCharacters(in: .whitespaces) }
            if fields.first == "milestone" { fields.removeFirst() }
            guard fields.count == 3, fields[0].hasPrefix("s"), Int(fields[0].dropFirst()) != nil,
                  let start = UInt64(fields[1]), let end = UInt64(fields[2]) else {
                problems.append("task fields: \(line)")
                continue
            }
            if end < start { problems.append("ends before it starts: \(line)") }
            if !ids.insert(fields[0]).inserted { problems.append("duplicate id: \(line)") }
        }
        if ids.count != steps { problems.append("\(ids.count) tasks for \(steps) steps") }
        return problems
    }

    @Test("every fixture's chart is valid gantt syntax, hostile names included", arguments: PlanFixture.allCases)
    func syntax(_ fixture: PlanFixture) {
        let chart = PlanRenderer().render(fixture.plan, format: .gantt)
        #expect(Self.problems(chart, steps: fixture.plan.steps.count).isEmpty, "\(Self.problems(chart, steps: fixture.plan.steps.count))\n\(chart)")
    }

    @Test("the shop: a bar per hydration, milestones for instant statements, a section per cluster; golden")
    func shop() throws {
        let catalog = try CatalogSnapshot.decode([UInt8](Data(contentsOf: repositoryRoot().appendingPathComponent("examples/shop/catalog.json"))), file: "catalog.json")
        let text = try String(contentsOf: repositoryRoot().appendingPathComponent("examples/shop/mzplan.yaml"), encoding: .utf8)
        let manifest = try ManifestLoader.load([ManifestSource(path: "mzplan.yaml", text: text)]).manifest
        let plan = try Planner.plan(manifest: manifest, catalog: catalog, allow: [.sourceRecreate, .cascadeDrop]).plan
        let chart = PlanRenderer().render(plan, format: .gantt)
        assertSnapshot(chart, named: "shop", pathExtension: "gantt.mmd")
        #expect(Self.problems(chart, steps: plan.steps.count).isEmpty)
        #expect(PlanRenderer().render(plan, format: .markdown).contains("```mermaid\n" + chart + "```"))
    }

    @Test("the schedule follows apply's rules: dependencies first, cleanup last, hydrations per cluster capped and sharing it")
    func rules() {
        func step(_ id: Int, _ phase: Step.Phase, after: [Int] = [], ms: UInt64 = 0, cluster: String = "c", waits: Bool = false) -> Step {
            Step(id: id, action: waits ? .createIndex : .dropIndex, phase: phase, sql: "SELECT \(id)", after: after,
                 wait: waits ? StepWait(until: .ready, object: QualifiedName(database: "d", schema: "s", name: "i\(id)")) : nil,
                 cluster: cluster, estimatedMs: ms)
        }
        var plan = Plan(fingerprint: "f", summary: PlanSummary())
        plan.steps = [
            step(1, .hydrate, ms: 10_000, waits: true),
            step(2, .hydrate, ms: 10_000, waits: true),
            step(3, .hydrate, ms: 10_000, waits: true),
            step(4, .cutover, after: [1], ms: 5_000),
            step(5, .cleanup, after: [4]),
        ]
        plan.execution = PlanExecution(catalogFingerprint: "", options: ApplyOptions(stablePolls: 2, pollIntervalMs: 2_000, maxParallelHydrations: 2))
        let entries = Dictionary(uniqueKeysWithValues: ApplySchedule(plan: plan).entries.map { ($0.step, $0) })
        // Steps 1 and 2 share the cluster: 20 s of work each done at 20 s, confirmed 2 s later.
        #expect(entries[1]?.startMs == 0 && entries[1]?.endMs == 22_000)
        #expect(entries[2]?.endMs == 22_000)
        // Step 3 waits for a free slot, then hydrates alone.
        #expect(entries[3]?.startMs == 22_000 && entries[3]?.endMs == 34_000)
        // The cutover blocks for its frontier wait after step 1; cleanup after everything else.
        #expect(entries[4]?.startMs == 22_000 && entries[4]?.endMs == 27_000)
        #expect(entries[5]?.startMs == 34_000 && entries[5]?.endMs == 34_000)
    }
}
