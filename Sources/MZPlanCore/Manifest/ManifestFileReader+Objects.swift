/// Entries of a cluster's `objects:` list, and hazard-code lists.
extension ManifestFileReader {
    static let entryKeys = ["name", "match", "kind", "strategy", "allow"]

    mutating func readObjects(_ node: YAMLNode, cluster: String) -> [PlacementRule] {
        guard let items = list(node, key: "objects", example: "[orders, \"analytics.*\"]") else { return [] }
        var rules: [PlacementRule] = []
        for item in items {
            if let rule = readEntry(item, cluster: cluster) { rules.append(rule) }
        }
        return rules
    }

    /// A string (exact name, or a glob when it has an unquoted `*`/`?`) or a map with one of `name`/`match`.
    private mutating func readEntry(_ node: YAMLNode, cluster: String) -> PlacementRule? {
        let location = node.location(in: path)
        if let text = node.text {
            guard let pattern = parsePattern(text, at: node) else { return nil }
            return PlacementRule(cluster: cluster, pattern: pattern, location: location)
        }
        guard case .mapping(let entry) = node.content else {
            error("manifest.type", "expected an object name, a glob, or a mapping with 'name' or 'match', found \(node.foundDescription)", at: node)
            return nil
        }
        var pattern: NamePattern?
        var patternKey: YAMLNode?
        var kind: ObjectKind?
        var strategy: Strategy?
        var strategyNode: YAMLNode?
        var allow: [HazardCode] = []
        var valid = true
        for (key, value) in entry {
            switch key.text ?? "" {
            case "name", "match":
                if let other = patternKey {
                    error("manifest.entry", "an entry takes exactly one of 'name' and 'match', but has both ('\(other.text ?? "")' at \(other.location(in: path))); keep 'name' for an exact name or 'match' for a glob", at: key)
                    valid = false
                    continue
                }
                patternKey = key
                pattern = readPattern(value, isMatch: key.text == "match")
                if pattern == nil { valid = false }
            case "kind":
                kind = readKind(value)
                if kind == nil { valid = false }
            case "strategy":
                strategyNode = value
                strategy = readStrategy(value)
                if strategy == nil { valid = false }
            case "allow":
                if let codes = readHazards(value) { allow = codes } else { valid = false }
            default:
                unknownKey(key, among: Self.entryKeys, in: "an object entry")
                valid = false
            }
        }
        if patternKey == nil {
            error("manifest.entry", "this entry has neither 'name' nor 'match'; add 'name: <object>' for an exact name or 'match: <glob>' for a glob", at: node)
            return nil
        }
        if let kind, let strategy, let strategyNode, !Strategy.allowed(for: kind).contains(strategy) {
            let choices = Strategy.allowed(for: kind).map(\.rawValue).joined(separator: ", ")
            error("manifest.strategy", "strategy '\(strategy.rawValue)' does not apply to a \(kind.rawValue); use one of \(choices)", at: strategyNode)
            valid = false
        }
        guard valid, let pattern else { return nil }
        return PlacementRule(
            cluster: cluster, pattern: pattern, kind: kind, strategy: strategy == .auto ? nil : strategy,
            allow: allow, location: location)
    }

    private mutating func readPattern(_ node: YAMLNode, isMatch: Bool) -> NamePattern? {
        let key = isMatch ? "match" : "name"
        guard let text = node.text else {
            error("manifest.type", "expected '\(key)' to be \(isMatch ? "a glob such as 'analytics.*'" : "an object name"), found \(node.foundDescription)", at: node)
            return nil
        }
        guard let pattern = parsePattern(text, at: node) else { return nil }
        if isMatch, !pattern.isGlob {
            error("manifest.name", "'match' needs a glob, but '\(text)' has no unquoted '*' or '?'; use 'name: \(text)' for an exact name", at: node)
            return nil
        }
        if !isMatch, pattern.isGlob {
            error("manifest.name", "'name' takes an exact name, but '\(text)' contains a wildcard; use 'match: \(text)' for a glob, or double-quote the part to mean a literal '*' or '?'", at: node)
            return nil
        }
        return pattern
    }

    private mutating func readKind(_ node: YAMLNode) -> ObjectKind? {
        let placeable = ObjectKind.placeable.map(\.rawValue)
        let choices = placeable.joined(separator: ", ")
        guard let text = node.text else {
            error("manifest.type", "expected 'kind' to be one of \(choices), found \(node.foundDescription)", at: node)
            return nil
        }
        guard let kind = ObjectKind(rawValue: text) else {
            error("manifest.kind", "unknown kind '\(text)'\(Suggestion.didYouMean(text, among: placeable)); use one of \(choices)", at: node)
            return nil
        }
        guard kind.isPlaceable else {
            let reason = kind == .subsource
                ? "a subsource follows its source; place the source instead"
                : "a \(kind.rawValue) has no cluster of its own, so it cannot be placed; place the indexes or materialized views built on it"
            error("manifest.kind", "kind '\(text)' cannot be placed: \(reason) (kinds: \(choices))", at: node)
            return nil
        }
        return kind
    }

    private mutating func readStrategy(_ node: YAMLNode) -> Strategy? {
        let writable = Strategy.writable.map(\.rawValue)
        let choices = writable.joined(separator: ", ")
        guard let text = node.text else {
            error("manifest.type", "expected 'strategy' to be one of \(choices), found \(node.foundDescription)", at: node)
            return nil
        }
        guard let strategy = Strategy(rawValue: text), Strategy.writable.contains(strategy) else {
            if text == Strategy.rename.rawValue {
                error("manifest.strategy", "strategy 'rename' is chosen automatically when a whole cluster moves and cannot be written; remove it or use one of \(choices)", at: node)
            } else {
                error("manifest.strategy", "unknown strategy '\(text)'\(Suggestion.didYouMean(text, among: writable)); use one of \(choices)", at: node)
            }
            return nil
        }
        return strategy
    }

    /// A list of hazard codes, deduplicated and sorted; nil after any error.
    mutating func readHazards(_ node: YAMLNode) -> [HazardCode]? {
        guard let items = list(node, key: "allow", example: "[sink-recreate]") else { return nil }
        var codes = Set<HazardCode>()
        var valid = true
        let known = HazardCode.allCases.map(\.rawValue)
        for item in items {
            guard let text = item.text else {
                error("manifest.type", "expected a hazard code such as sink-recreate, found \(item.foundDescription)", at: item)
                valid = false
                continue
            }
            guard let code = HazardCode(rawValue: text) else {
                error("manifest.hazard", "unknown hazard code '\(text)'\(Suggestion.didYouMean(text, among: known)); codes are \(known.joined(separator: ", "))", at: item)
                valid = false
                continue
            }
            guard code.isAllowable else {
                error("manifest.hazard", "'\(text)' can never be allowed (\(code.refusalReason ?? "")); remove it", at: item)
                valid = false
                continue
            }
            if code.severity == .warning {
                warning("manifest.hazard-warning", "'\(text)' is only a warning and never blocks, so allowing it has no effect; you can remove it", at: item)
            }
            codes.insert(code)
        }
        return valid ? codes.sorted() : nil
    }
}
