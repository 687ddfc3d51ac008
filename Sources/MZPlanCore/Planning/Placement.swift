/// Where the manifest wants one catalog object, and under which rule.
struct Placement {
    let object: CatalogObject
    /// The rule that won by precedence.
    let rule: PlacementRule
    /// Hazards accepted for this object: the rule's, the manifest's `options.allow` and `--allow`.
    let allowed: Set<HazardCode>

    /// The desired cluster.
    var target: String { rule.cluster }

    /// The strategy the manifest asked for (`auto` when none).
    var strategy: Strategy { rule.strategy ?? .auto }

    /// Whether the object is somewhere else today.
    var moves: Bool { object.cluster != nil && object.cluster != target }
}

/// The outcome of matching manifest rules to catalog objects.
struct Resolution {
    /// Managed placeable objects, in snapshot order.
    var placements: [Placement] = []
    var placementByID: [String: Placement] = [:]
    /// Placeable objects no rule matches; they stay where they are.
    var unlisted = 0
    /// Objects matched by `unmanaged`.
    var unmanaged: Set<String> = []
    /// Warnings found while resolving.
    var warnings: [Diagnostic] = []

    /// The cluster an object will be on after the plan (its current one when it is not managed).
    func desiredCluster(of object: CatalogObject) -> String? {
        placementByID[object.id]?.target ?? object.cluster
    }
}
