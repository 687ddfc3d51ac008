/// Makes a snapshot's frontiers ones Materialize could hold at a single moment.
///
/// A snapshot reads `mz_frontiers` as the controllers last reported them, not at one instant: an
/// index may show an upper past the one of the view it reads, and an index or materialized view
/// over collections that are all sealed may show an upper although it has computed every time
/// there is (Materialize then reports the empty frontier, and refuses to replace such a view).
/// Taken literally, the first keeps an original ahead of anything that could stand in for it
/// (its inputs stalled, a readiness gate would wait forever), and the second plans a replacement
/// Materialize refuses. So the planner and the simulator read the same rules:
/// - a hydrated index or materialized view (not a replacement) whose inputs are all complete —
///   sealed, or views over complete inputs — is sealed too (``sealingInferred(_:)``);
/// - an upper never passes the least upper among its inputs, views looked through
///   (``normalized(_:)``, for the simulator, which starts from frontiers it can advance).
///
/// Inputs are what an upper follows: none for a source, the parent of a subsource or of a
/// table fed by a source, every dependency (and the indexed relation) otherwise.
package enum SnapshotFrontiers {
    /// `objects` with the sealing their inputs imply; the same array when nothing is sealed.
    /// Repeated passes until nothing changes: objects usually come after what they read, so
    /// one pass seals and a second finds nothing more. The passes allocate nothing per object,
    /// and the array is copied once, at the end, only when something was sealed.
    package static func sealingInferred(_ objects: [CatalogObject]) -> [CatalogObject] {
        var complete = Set<String>()
        for object in objects where object.sealed { complete.insert(object.id) }
        guard !complete.isEmpty else { return objects }
        var sealing: [Int] = []
        var changed = true
        while changed {
            changed = false
            for position in objects.indices {
                let object = objects[position]
                guard object.kind == .view || (sealsWithInputs(object) && object.hydrated != false) else { continue }
                guard readsOnlyComplete(object, isComplete: complete.contains), complete.insert(object.id).inserted else { continue }
                changed = true
                if object.kind != .view { sealing.append(position) }
            }
        }
        guard !sealing.isEmpty else { return objects }
        var objects = objects
        for position in sealing {
            objects[position].sealed = true
            objects[position].upperMs = nil
        }
        return objects
    }

    /// `objects` sealed as ``sealingInferred(_:)`` says, each upper no later than its inputs'.
    package static func normalized(_ objects: [CatalogObject]) -> [CatalogObject] {
        var clamp = UpperClamp(sealingInferred(objects))
        for position in clamp.objects.indices { clamp.visit(position, depth: 0) }
        return clamp.objects
    }

    /// Can `object` seal once hydrated, when all its inputs are complete?
    package static func sealsWithInputs(_ object: CatalogObject) -> Bool {
        (object.kind == .index || object.kind == .materializedView) && object.replacementFor == nil
    }

    /// Every input of `object` is complete, as `isComplete` says of its id; false without inputs.
    package static func readsOnlyComplete(_ object: CatalogObject, isComplete: (String) -> Bool) -> Bool {
        var hasInputs = false
        let allComplete = forEachInput(of: object) { id in
            hasInputs = true
            return isComplete(id)
        }
        return hasInputs && allComplete
    }

    /// The ids `object`'s upper follows (see the type's comment).
    package static func inputs(of object: CatalogObject) -> [String] {
        var inputs: [String] = []
        forEachInput(of: object) { id in
            inputs.append(id)
            return true
        }
        return inputs
    }

    /// Calls `body` with each id `object`'s upper follows, in order, until it returns false;
    /// returns whether it went through them all. Builds nothing, for the per-object passes.
    @discardableResult
    package static func forEachInput(of object: CatalogObject, while body: (String) -> Bool) -> Bool {
        switch object.kind {
        case .source:
            return true
        case .subsource, .table:
            guard let first = object.dependsOn.first ?? object.on else { return true }
            return body(first)
        default:
            for id in object.dependsOn where !body(id) { return false }
            guard let on = object.on, !object.dependsOn.contains(on) else { return true }
            return body(on)
        }
    }

    /// Lowers uppers to their inputs', inputs first.
    private struct UpperClamp {
        var objects: [CatalogObject]
        private let positionByID: [String: Int]
        /// The least upper a reader reaches through each visited object; `.some(nil)` when it
        /// bounds nothing (sealed, unknown).
        private var reach: [UInt64??]
        private var visiting: [Bool]

        init(_ objects: [CatalogObject]) {
            self.objects = objects
            var positions: [String: Int] = [:]
            positions.reserveCapacity(objects.count)
            for (position, object) in objects.enumerated() where positions[object.id] == nil { positions[object.id] = position }
            positionByID = positions
            reach = Array(repeating: nil, count: objects.count)
            visiting = Array(repeating: false, count: objects.count)
        }

        /// The reach of the object at `position`, its upper clamped first. A cycle or a chain
        /// deeper than 256 bounds nothing.
        @discardableResult
        mutating func visit(_ position: Int, depth: Int) -> UInt64? {
            if let known = reach[position] { return known }
            guard !visiting[position], depth < 256 else { return nil }
            visiting[position] = true
            defer { visiting[position] = false }
            let object = objects[position]
            var bound: UInt64?
            for id in SnapshotFrontiers.inputs(of: object) {
                guard let input = positionByID[id], let upper = visit(input, depth: depth + 1) else { continue }
                bound = min(bound ?? upper, upper)
            }
            let result: UInt64?
            if object.kind == .view {
                result = bound
            } else if object.sealed {
                result = nil
            } else {
                if object.replacementFor == nil, let upper = object.upperMs, let bound, bound < upper {
                    objects[position].upperMs = bound
                }
                result = objects[position].upperMs
            }
            reach[position] = .some(result)
            return result
        }
    }
}
