/// Reads one composed manifest document into a ``ManifestFile``, reporting every problem it finds
/// (unknown keys with a did-you-mean, wrong types, bad values) at the offending key or value.
struct ManifestFileReader {
    static let topLevelKeys = ["version", "database", "schema", "clusters", "unmanaged", "options"]
    static let clusterKeys = ["size", "replication_factor", "resize", "objects"]
    static let optionKeys = [
        "lag_threshold", "stable_polls", "poll_interval", "hydration_timeout",
        "max_parallel_hydrations", "drop_empty_clusters", "allow", "resize_timeout", "memory_limit", "source_moves",
    ]

    let path: String
    var diagnostics: DiagnosticCollector
    var file: ManifestFile
    /// Defaults that qualify this file's names.
    var defaultDatabase = "materialize"
    var defaultSchema = "public"

    init(path: String, diagnostics: DiagnosticCollector) {
        self.path = path
        self.diagnostics = diagnostics
        self.file = ManifestFile(path: path)
    }

    /// Reads the root node, which must be a mapping.
    mutating func read(_ root: YAMLNode) {
        guard case .mapping(let mapping) = root.content else {
            error(
                "manifest.type",
                "expected the manifest to be a mapping with keys such as 'version' and 'clusters', found \(root.foundDescription)",
                at: root)
            return
        }
        var entries: [String: (key: YAMLNode, value: YAMLNode)] = [:]
        for (key, value) in mapping {
            let name = key.text ?? ""
            guard Self.topLevelKeys.contains(name) else {
                unknownKey(key, among: Self.topLevelKeys, in: "the top level")
                continue
            }
            entries[name] = (key, value)
        }
        readVersion(entries["version"], root: root)
        if let (_, value) = entries["database"], let name = exactName(value, what: "database") { defaultDatabase = name }
        if let (_, value) = entries["schema"], let name = exactName(value, what: "schema") { defaultSchema = name }
        file.defaultDatabase = defaultDatabase
        file.defaultSchema = defaultSchema
        if let (_, value) = entries["clusters"] { readClusters(value) }
        if let (_, value) = entries["unmanaged"] { readUnmanaged(value) }
        if let (_, value) = entries["options"] { readOptions(value) }
    }

    private mutating func readVersion(_ entry: (key: YAMLNode, value: YAMLNode)?, root: YAMLNode) {
        guard let (_, value) = entry else {
            error("manifest.version", "the manifest has no 'version' key; add 'version: 1' at the top", at: root)
            return
        }
        guard value.tag == .int, let version = value.int else {
            error("manifest.version", "'version' must be the integer 1, found \(value.foundDescription); write 'version: 1'", at: value)
            return
        }
        if version != 1 {
            error("manifest.version", "manifest version \(version) is not supported; this mzplan reads version 1, so write 'version: 1'", at: value)
        }
    }

    /// A literal, non-empty name: a cluster key or a `database`/`schema` default.
    private mutating func exactName(_ node: YAMLNode, what: String) -> String? {
        guard let text = node.text else {
            error("manifest.type", "expected a \(what) name, found \(node.foundDescription)", at: node)
            return nil
        }
        guard !text.isEmpty else {
            error("manifest.name", "the \(what) name is empty; write the exact name", at: node)
            return nil
        }
        return text
    }

    private mutating func readClusters(_ node: YAMLNode) {
        guard !node.isNull else { return }
        guard case .mapping(let clusters) = node.content else {
            error("manifest.type", "expected 'clusters' to be a mapping from cluster names to their settings, found \(node.foundDescription)", at: node)
            return
        }
        for (key, value) in clusters {
            guard let name = exactName(key, what: "cluster") else { continue }
            var cluster = ClusterSpec(name: name, location: key.location(in: path))
            readCluster(value, into: &cluster)
            file.clusters.append(cluster)
        }
    }

    private mutating func readCluster(_ node: YAMLNode, into cluster: inout ClusterSpec) {
        guard !node.isNull else { return }
        guard case .mapping(let settings) = node.content else {
            error("manifest.type", "expected cluster '\(cluster.name)' to be a mapping with 'objects' (and optionally 'size', 'replication_factor'), found \(node.foundDescription)", at: node)
            return
        }
        for (key, value) in settings {
            switch key.text ?? "" {
            case "size":
                if let size = readSize(value) {
                    cluster.size = size
                    cluster.sizeLocation = value.location(in: path)
                }
            case "replication_factor":
                if let factor = readInteger(value, key: "replication_factor", minimum: 0) {
                    cluster.replicationFactor = factor
                    cluster.replicationFactorLocation = value.location(in: path)
                }
            case "resize":
                if let resize = readResize(value) {
                    cluster.resize = resize
                    cluster.resizeLocation = value.location(in: path)
                }
            case "objects":
                cluster.rules = readObjects(value, cluster: cluster.name)
            default:
                unknownKey(key, among: Self.clusterKeys, in: "cluster '\(cluster.name)'")
            }
        }
    }

    /// `auto`, `blue-green`, `graceful` or `restart`.
    private mutating func readResize(_ node: YAMLNode) -> ResizeStrategy? {
        let writable = ResizeStrategy.writable.map(\.rawValue)
        let choices = writable.joined(separator: ", ")
        guard let text = node.text else {
            error("manifest.type", "expected 'resize' to be one of \(choices), found \(node.foundDescription)", at: node)
            return nil
        }
        guard let resize = ResizeStrategy(rawValue: text), ResizeStrategy.writable.contains(resize) else {
            error("manifest.resize", "unknown resize strategy '\(text)'\(Suggestion.didYouMean(text, among: writable)); use one of \(choices)", at: node)
            return nil
        }
        return resize
    }

    /// A replica size: `[A-Za-z0-9][A-Za-z0-9._-]*` (only the syntax is checked offline).
    private mutating func readSize(_ node: YAMLNode) -> String? {
        guard let text = node.text else {
            error("manifest.type", "expected a size such as 100cc, found \(node.foundDescription)", at: node)
            return nil
        }
        let scalars = Array(text.unicodeScalars)
        func isAlphanumeric(_ scalar: Unicode.Scalar) -> Bool { scalar.isASCII && scalar.properties.isAlphabetic || ("0"..."9").contains(scalar) }
        guard let first = scalars.first, isAlphanumeric(first),
              scalars.allSatisfy({ isAlphanumeric($0) || $0 == "." || $0 == "_" || $0 == "-" }) else {
            let reason = text.isEmpty ? "an empty size" : "'\(text)' is not a valid size"
            error("manifest.size", "\(reason); write a replica size such as 25cc, 200cc or xsmall (letters, digits, '.', '_', '-')", at: node)
            return nil
        }
        return text
    }

    private mutating func readInteger(_ node: YAMLNode, key: String, minimum: Int) -> Int? {
        guard node.tag == .int else {
            error("manifest.type", "expected '\(key)' to be an integer, found \(node.foundDescription)", at: node)
            return nil
        }
        guard let value = node.int else {
            error("manifest.range", "'\(key)' is \(node.text ?? ""), which is too large; use a small positive integer", at: node)
            return nil
        }
        guard value >= minimum else {
            error("manifest.range", "'\(key)' must be at least \(minimum), found \(value)", at: node)
            return nil
        }
        return value
    }

    /// A percentage from 1 to 100, written `85%` or `85`.
    private mutating func readPercent(_ node: YAMLNode, key: String) -> Int? {
        let text = node.text ?? ""
        let digits = text.hasSuffix("%") ? String(text.dropLast()) : text
        guard node.tag == .int || (node.tag == .str && text.hasSuffix("%")),
              let value = Int(digits) else {
            error("manifest.type", "expected '\(key)' to be a percentage such as 90%, found \(node.foundDescription)", at: node)
            return nil
        }
        guard (1...100).contains(value) else {
            error("manifest.range", "'\(key)' must be between 1% and 100% of a replica's memory, found \(value)%", at: node)
            return nil
        }
        return value
    }

    private mutating func readUnmanaged(_ node: YAMLNode) {
        guard let items = list(node, key: "unmanaged", example: "[\"scratch.*\"]") else { return }
        for item in items {
            guard let text = item.text else {
                error("manifest.type", "expected an unmanaged name or glob such as 'scratch.*', found \(item.foundDescription)", at: item)
                continue
            }
            if let pattern = parsePattern(text, at: item) {
                file.unmanaged.append(UnmanagedPattern(pattern: pattern, location: item.location(in: path)))
            }
        }
    }

    private mutating func readOptions(_ node: YAMLNode) {
        guard !node.isNull else { return }
        guard case .mapping(let options) = node.content else {
            error("manifest.type", "expected 'options' to be a mapping, found \(node.foundDescription)", at: node)
            return
        }
        for (key, value) in options {
            let name = key.text ?? ""
            let setting: OptionSetting.Value?
            switch name {
            case "lag_threshold", "poll_interval", "hydration_timeout", "resize_timeout":
                setting = readDuration(value, key: name).map { .milliseconds($0) }
            case "stable_polls", "max_parallel_hydrations":
                setting = readInteger(value, key: name, minimum: 1).map { .count($0) }
            case "drop_empty_clusters":
                if let flag = value.boolean {
                    setting = .flag(flag)
                } else {
                    error("manifest.type", "expected 'drop_empty_clusters' to be true or false, found \(value.foundDescription)", at: value)
                    setting = nil
                }
            case "allow":
                setting = readHazards(value).map { .hazards($0) }
            case "memory_limit":
                setting = readPercent(value, key: name).map { .percent($0) }
            case "source_moves":
                if let text = value.text, let strategy = Strategy(rawValue: text), PlanOptions.sourceMoveStrategies.contains(strategy) {
                    setting = .strategy(strategy)
                } else {
                    let choices = PlanOptions.sourceMoveStrategies.map(\.rawValue).joined(separator: " or ")
                    error("manifest.type", "expected 'source_moves' to be \(choices), found \(value.foundDescription)", at: value)
                    setting = nil
                }
            default:
                unknownKey(key, among: Self.optionKeys, in: "'options'")
                setting = nil
            }
            if let setting {
                file.options.append(OptionSetting(key: name, value: setting, location: value.location(in: path)))
            }
        }
    }

    private mutating func readDuration(_ node: YAMLNode, key: String) -> UInt64? {
        guard let text = node.text else {
            error("manifest.type", "expected '\(key)' to be a duration such as 2s or 30m, found \(node.foundDescription)", at: node)
            return nil
        }
        do {
            return try DurationSyntax.milliseconds(text)
        } catch {
            self.error("manifest.duration", "invalid duration for '\(key)': \(error.message)", at: node)
            return nil
        }
    }

    // MARK: Shared helpers

    /// The items of a list; nothing (null) is an empty list.
    mutating func list(_ node: YAMLNode, key: String, example: String) -> [YAMLNode]? {
        if node.isNull { return [] }
        guard case .sequence(let sequence) = node.content else {
            error("manifest.type", "expected '\(key)' to be a list such as \(example), found \(node.foundDescription)", at: node)
            return nil
        }
        return sequence
    }

    mutating func parsePattern(_ text: String, at node: YAMLNode) -> NamePattern? {
        do {
            return try NamePattern.parse(text, defaultDatabase: defaultDatabase, defaultSchema: defaultSchema)
        } catch {
            self.error("manifest.name", error.message, at: node)
            return nil
        }
    }

    mutating func unknownKey(_ key: YAMLNode, among candidates: [String], in place: String) {
        let name = key.text ?? key.foundDescription
        let hint = Suggestion.didYouMean(name, among: candidates)
        let valid = candidates.map { "'\($0)'" }.joined(separator: ", ")
        error("manifest.unknown-key", "unknown key '\(name)' in \(place)\(hint); valid keys are \(valid)", at: key)
    }

    mutating func error(_ code: String, _ message: String, at node: YAMLNode) {
        diagnostics.error(code, message, at: node.location(in: path))
    }

    mutating func warning(_ code: String, _ message: String, at node: YAMLNode) {
        diagnostics.warning(code, message, at: node.location(in: path))
    }
}
