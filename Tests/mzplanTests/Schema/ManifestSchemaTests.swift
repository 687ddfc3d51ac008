import Foundation
import MZPlanCore
import MZPlanTestSupport
import Testing
import Yams

/// `schema/mzplan.schema.json` agrees with the manifest loader: every valid manifest in the
/// repository passes it, and every bad manifest of the schema class (`# expect: schema`) fails it.
@Suite struct ManifestSchemaTests {
    static let root = repositoryRoot()
    static let badFolder = "Tests/mzplanTests/Fixtures/bad"

    /// Every manifest the loader must accept: the examples and the valid test fixtures.
    static let validManifests: [String] = {
        var paths = files(under: "examples", suffix: ".yaml")
        paths += ["allowed.yaml", "unchanged.yaml", "unknown-name.yaml", "teams/analytics.yaml", "teams/serving.yaml"]
            .map { "Tests/mzplanTests/Fixtures/\($0)" }
        paths += files(under: "Tests/MZPlanCoreTests/Fixtures/manifests", suffix: ".yaml")
        paths += files(under: "Tests/MZPlanCoreTests/Fixtures/resize", suffix: ".yaml")
        return paths.sorted()
    }()

    /// The bad manifests whose first line is `# expect: schema`.
    static let schemaClassBad: [String] = files(under: badFolder, suffix: ".yaml").filter { expectation(of: $0) == "schema" }

    static func files(under folder: String, suffix: String) -> [String] {
        let base = root.appendingPathComponent(folder)
        let found = FileManager.default.enumerator(atPath: base.path)?.compactMap { $0 as? String } ?? []
        return found.filter { $0.hasSuffix(suffix) }.map { "\(folder)/\($0)" }.sorted()
    }

    static func expectation(of path: String) -> String? {
        let text = (try? String(contentsOf: root.appendingPathComponent(path), encoding: .utf8)) ?? ""
        guard let first = text.split(separator: "\n").first, first.hasPrefix("# expect: ") else { return nil }
        return first.dropFirst("# expect: ".count).split(separator: " ").first.map(String.init)
    }

    func validator() throws -> JSONSchemaValidator {
        try JSONSchemaValidator(schema: Data(contentsOf: Self.root.appendingPathComponent("schema/mzplan.schema.json")))
    }

    func instance(_ path: String) throws -> SchemaInstance {
        let text = try String(contentsOf: Self.root.appendingPathComponent(path), encoding: .utf8)
        return SchemaInstance(try #require(try Yams.compose(yaml: text), "\(path) is empty"))
    }

    @Test("the schema is draft 2020-12 and uses only keywords the validator checks")
    func schemaDocument() throws {
        let validator = try validator()
        #expect(validator.root["$schema"] as? String == "https://json-schema.org/draft/2020-12/schema")
        #expect(validator.errors(.object([("version", .number(1))])) == [])
    }

    @Test("there are valid manifests and schema-class bad ones to compare")
    func corpus() {
        #expect(Self.validManifests.count >= 6)
        #expect(Self.validManifests.contains("examples/shop/mzplan.yaml"))
        #expect(Self.schemaClassBad.count >= 30)
        for path in Self.files(under: Self.badFolder, suffix: ".yaml") {
            #expect(["schema", "parser"].contains(Self.expectation(of: path)), "\(path) needs a '# expect: schema|parser' first line")
        }
    }

    @Test("every valid manifest loads and passes the schema", arguments: validManifests)
    func valid(path: String) throws {
        _ = try ManifestLoader.load([ManifestSource.read(path: Self.root.appendingPathComponent(path).path)])
        #expect(try validator().errors(instance(path)) == [])
    }

    @Test("every schema-class bad manifest fails both the loader and the schema", arguments: schemaClassBad)
    func invalid(path: String) throws {
        #expect(throws: DiagnosticsError.self) {
            try ManifestLoader.load([ManifestSource.read(path: Self.root.appendingPathComponent(path).path)])
        }
        #expect(try !validator().errors(instance(path)).isEmpty)
    }

    @Test("fuzzed manifests the loader accepts pass the schema too")
    func fuzzAgreement() throws {
        let validator = try validator()
        let mutator = ManifestMutator(Array(try Data(contentsOf: Self.root.appendingPathComponent("examples/shop/mzplan.yaml"))))
        var accepted = 0
        for seed in 0..<UInt64(600) {
            var generator = SeededGenerator(seed: seed)
            let (mutation, bytes) = mutator.mutate(using: &generator)
            guard (try? ManifestLoader.load([ManifestSource(path: "m.yaml", bytes: bytes)])) != nil,
                  let node = try Yams.compose(yaml: String(decoding: bytes, as: UTF8.self)) else { continue }
            accepted += 1
            #expect(validator.errors(SchemaInstance(node)) == [], "seed \(seed) (\(mutation))")
        }
        #expect(accepted > 50)
    }

    @Test("the validator rejects what it should", arguments: [
        ("version: 2", "$.version: not one of the enumerated values"),
        ("version: 1\nextra: 1", "$: unknown property extra"),
        ("clusters: {}", "$: missing required version"),
        ("version: 1\noptions: {stable_polls: 0}", "$.options.stable_polls: 0.0 is below the minimum 1.0"),
        ("version: 1\noptions: {poll_interval: 2x}", "$.options.poll_interval: '2x' does not match ^(?=[0-9])(?=.*[1-9])([0-9]+h)?([0-9]+m)?([0-9]+s)?([0-9]+ms)?$"),
        ("version: 1\noptions: {resize_timeout: 0m}", "$.options.resize_timeout: '0m' does not match ^(?=[0-9])(?=.*[1-9])([0-9]+h)?([0-9]+m)?([0-9]+s)?([0-9]+ms)?$"),
        ("version: 1\nclusters: {a: {resize: fast}}", "$.clusters.a.resize: not one of the enumerated values"),
        ("version: 1\nclusters: {a: {objects: [{name: x, match: y}]}}", "$.clusters.a.objects[0]: matches no anyOf branch"),
        ("version: 1\ndatabase: ''", "$.database: shorter than 1"),
        ("version: '1'", "$.version: expected integer, found string"),
    ])
    func validatorRejects(yaml: String, error: String) throws {
        let node = try #require(try Yams.compose(yaml: yaml))
        #expect(try validator().errors(SchemaInstance(node)) == [error])
    }
}
