import Foundation
import MZPlanTestSupport
import Testing

/// `mzplan check` end to end: offline validation, planning with a catalog, exit codes and formats.
@Suite struct CheckCommandTests {
    let shopManifest = "examples/shop/mzplan.yaml"
    let shopCatalog = "examples/shop/catalog.json"
    let root = repositoryRoot()

    func check(_ arguments: [String], environment: [String: String] = ["SOURCE_DATE_EPOCH": "0"]) throws -> CommandResult {
        try runMzplan(["check"] + arguments, environment: environment, currentDirectory: root)
    }

    @Test("offline, the shop manifest is valid: exit 0, also with --detailed-exitcode")
    func offline() throws {
        let result = try check(["-f", shopManifest])
        #expect(result.exitCode == 0, "stdout: \(result.stdout)")
        #expect(result.stdout == "OK: 1 manifest is valid (offline: names were not resolved; pass --catalog to plan).\n")
        #expect(result.stderr.isEmpty)
        #expect(try check(["-f", shopManifest, "--detailed-exitcode"]).exitCode == 0)
    }

    @Test("with a catalog: the blocked source move is an error on its rule's line, exit 3", arguments: ["text", "json", "github"])
    func blocked(format: String) throws {
        let result = try check(["-f", shopManifest, "--catalog", shopCatalog, "--format", format])
        #expect(result.exitCode == 3, "stdout: \(result.stdout)")
        #expect(result.stderr.isEmpty)
        assertSnapshot(result.stdout, named: "shop-blocked", pathExtension: format)
    }

    @Test("allowing the hazards: exit 0; with --detailed-exitcode 2; 3 wins over 2")
    func exitCodes() throws {
        let allow = ["--allow", "source-recreate", "--allow", "cascade-drop"]
        let allowed = try check(["-f", shopManifest, "--catalog", shopCatalog] + allow)
        #expect(allowed.exitCode == 0, "stdout: \(allowed.stdout)")
        #expect(allowed.stdout.hasSuffix("OK: 1 manifest is valid with 3 warnings; plan: 10 moves, none blocked, 2 cluster changes.\n"))
        #expect(allowed.stdout.contains(": note: source materialize.public.kafka_clicks (ingest → ingest_kafka, recreate): source-recreate (allowed): "))
        #expect(try check(["-f", shopManifest, "--catalog", shopCatalog, "--detailed-exitcode"] + allow).exitCode == 2)
        #expect(try check(["-f", shopManifest, "--catalog", shopCatalog, "--detailed-exitcode"]).exitCode == 3)
        let unchanged = try check(["-f", "Tests/mzplanTests/Fixtures/unchanged.yaml", "--catalog", shopCatalog, "--detailed-exitcode"])
        #expect(unchanged.exitCode == 0, "stdout: \(unchanged.stdout)")
        #expect(unchanged.stdout.hasSuffix("plan: no changes.\n"))
    }

    @Test("json with a plan: the summary and fingerprint; ok is false when blocked")
    func jsonPlan() throws {
        let result = try check(["-f", shopManifest, "--catalog", shopCatalog, "--format", "json"])
        let object = try #require(try JSONSerialization.jsonObject(with: Data(result.stdout.utf8)) as? [String: Any])
        #expect(object["ok"] as? Bool == false)
        let plan = try #require(object["plan"] as? [String: Any])
        #expect((plan["fingerprint"] as? String)?.hasPrefix("sha256:") == true)
        let summary = try #require(plan["summary"] as? [String: Any])
        #expect(summary["moves"] as? Int == 10)
        #expect(summary["blocked"] as? Int == 1)
    }

    @Test("names are resolved only against a catalog: an unknown name passes offline, fails with the catalog")
    func resolution() throws {
        let manifest = "Tests/mzplanTests/Fixtures/unknown-name.yaml"
        #expect(try check(["-f", manifest]).exitCode == 0)
        let result = try check(["-f", manifest, "--catalog", shopCatalog])
        #expect(result.exitCode == 1)
        #expect(result.stdout.contains("unknown-name.yaml:6:9: error: no object named 'materialize.public.orders_enrichd'"))
        #expect(result.stdout.contains("        - orders_enrichd\n          ^") || result.stdout.contains("orders_enrichd\n"))
    }

    @Test("several files: problems from all of them at once")
    func severalFiles() throws {
        let bad = "Tests/mzplanTests/Fixtures/bad"
        let result = try check(["-f", "\(bad)/version-2.yaml", "-f", "\(bad)/unknown-option-key.yaml", "-f", "nope.yaml"])
        #expect(result.exitCode == 1)
        #expect(result.stdout.contains("manifest 'nope.yaml' does not exist"))
        #expect(result.stdout.contains("version-2.yaml:2:10: error: manifest version 2 is not supported"))
        #expect(result.stdout.contains("unknown-option-key.yaml:4:3: error: unknown key 'lag_treshold'"))
        #expect(result.stdout.hasSuffix("FAILED: 3 errors in 3 manifests.\n"))
    }

    @Test("two teams' files placing one object on different clusters: an error naming both positions")
    func conflict() throws {
        let teams = "Tests/mzplanTests/Fixtures/teams"
        let result = try check(["-f", "\(teams)/analytics.yaml", "-f", "\(teams)/serving.yaml", "--format", "github"])
        #expect(result.exitCode == 1)
        #expect(result.stdout.hasPrefix("::error file=\(teams)/serving.yaml,line=6,col=9,title=mzplan manifest.conflict::"))
        #expect(result.stdout.contains("at \(teams)/analytics.yaml:4:15"))
    }

    @Test("a missing manifest or catalog is exit 1 with a message; usage errors are 64")
    func inputErrors() throws {
        let missing = try check(["-f", "nope.yaml", "--format", "github"])
        #expect(missing.exitCode == 1)
        #expect(missing.stdout.hasPrefix("::error title=mzplan manifest.read::manifest 'nope.yaml' does not exist"))
        let catalog = try check(["-f", shopManifest, "--catalog", "nope.json"])
        #expect(catalog.exitCode == 1)
        #expect(catalog.stdout.contains("cannot read catalog snapshot 'nope.json'"))
        #expect(try check([]).exitCode == 64)
        #expect(try check(["-f", shopManifest, "--format", "sarif"]).exitCode == 64)
        #expect(try check(["-f", shopManifest, "--allow", "sink-recreat"]).exitCode == 64)
        #expect(try check(["-f", shopManifest, "--allow", "frontier-gap"]).exitCode == 1)
    }

    @Test("diff still requires a catalog (usage error 64)")
    func diffNeedsCatalog() throws {
        let result = try runMzplan(["diff", "-f", shopManifest], currentDirectory: root)
        #expect(result.exitCode == 64)
        #expect(result.stderr.contains("Missing a catalog"))
    }

    @Test("--help shows examples; check is listed in the top-level help")
    func help() throws {
        let help = try runMzplan(["check", "--help"])
        #expect(help.exitCode == 0)
        #expect(help.stdout.contains("mzplan check -f mzplan.yaml --catalog snapshot.json --format json"))
        #expect(try runMzplan(["--help"]).stdout.contains("check"))
    }
}
