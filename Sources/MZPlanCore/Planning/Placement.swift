/// Where the manifest wants one catalog object, and under which rule.
///
/// A class: a large catalog has tens of thousands of placements, passed around without copying.
final class Placement: Sendable {
    let object: CatalogObject
    /// The rule that won by precedence.
    let rule: PlacementRule
    /// Hazards accepted for this object: the rule's, the manifest's `options.allow` and `--allow`.
    let allowed: Set<HazardCode>

    init(object: CatalogObject, rule: PlacementRule, allowed: Set<HazardCode>) {
        self.object = object
        self.rule = rule
        self.allowed = allowed
    }

    /// The desired cluster.
    var target: String { rule.cluster }

    /// The strategy the manifest asked for (`auto` when none).
    var strategy: Strategy { rule.strategy ?? .auto }

    /// Whether the object is somewhere else today.
    var moves: Bool { object.cluster != nil && object.cluster != target }
}

/// The outcome of matching manifest rules to catalog objects.
struct Resolution: Sendable {
    /// Managed placeable objects, in snapshot order.
    private(set) var placements: [Placement] = []
    /// Positions in ``placements`` by object id.
    private var positionByID: [String: Int] = [:]
    /// Placeable objects no rule matches; they stay where they are.
    var unlisted = 0
    /// Objects matched by `unmanaged`.
    var unmanaged: Set<String> = []
    /// Warnings found while resolving.
    var warnings: [Diagnostic] = []

    /// The placement of an object the manifest manages.
    func placement(of id: String) -> Placement? {
        positionByID[id].map { placements[$0] }
    }

    /// The cluster an object will be on after the plan (its current one when it is not managed).
    func desiredCluster(of object: CatalogObject) -> String? {
        positionByID[object.id].map { placements[$0].target } ?? object.cluster
    }

    /// Sets an object's placement, replacing the one it had.
    mutating func place(_ placement: Placement) {
        if let position = positionByID[placement.object.id] {
            placements[position] = placement
        } else {
            append(placement)
        }
    }

    /// Room for `count` placements, so that resolving a large catalog does not regrow the index.
    mutating func reserveCapacity(_ count: Int) {
        placements.reserveCapacity(count)
        positionByID.reserveCapacity(count)
    }

    mutating func append(_ placement: Placement) {
        positionByID[placement.object.id] = placements.count
        placements.append(placement)
    }
}
