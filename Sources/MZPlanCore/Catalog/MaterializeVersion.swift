/// A Materialize version as `mz_version` reports it (`v26.10.1 (abc123)`), for behaviours that
/// depend on it.
package struct MaterializeVersion: Hashable, Sendable, Comparable {
    package var major: Int
    package var minor: Int
    package var patch: Int

    package init(major: Int, minor: Int, patch: Int) {
        self.major = major
        self.minor = minor
        self.patch = patch
    }

    /// `v26.10.1`, `26.10.1`, `v26.10.1 (abc)`, `v0.79.0-dev (…)`; nil for anything else.
    package init?(_ text: String) {
        var numbers = text.drop { $0 == "v" }.prefix { $0 != " " && $0 != "-" }.split(separator: ".").map { Int($0) }
        while numbers.count < 3 { numbers.append(0) }
        guard numbers.count == 3, let major = numbers[0], let minor = numbers[1], let patch = numbers[2] else { return nil }
        self.init(major: major, minor: minor, patch: patch)
    }

    package static func < (lhs: MaterializeVersion, rhs: MaterializeVersion) -> Bool {
        (lhs.major, lhs.minor, lhs.patch) < (rhs.major, rhs.minor, rhs.patch)
    }

    /// Dropping a replacement could seal its target view for all times after a restart before
    /// v26.13 (fixed in v26.13's release notes); replacements exist since v26.10.
    package var droppingReplacementMaySealTarget: Bool {
        MaterializeVersion(major: 26, minor: 10, patch: 0) <= self && self < MaterializeVersion(major: 26, minor: 13, patch: 0)
    }

    /// `ALTER CLUSTER … WITH (WAIT UNTIL READY …)` is accepted without a feature flag from v26.41
    /// (MaterializeInc/materialize#38627); before, only with `enable_zero_downtime_cluster_reconfiguration`.
    package var acceptsGracefulResize: Bool {
        self >= MaterializeVersion(major: 26, minor: 41, patch: 0)
    }

    /// The warning for a drop of a replacement on an affected version.
    package static let replacementDropRisk = "on Materialize v26.10–v26.12 dropping a replacement can seal its target view for all times after a restart (fixed in v26.13)"
}
