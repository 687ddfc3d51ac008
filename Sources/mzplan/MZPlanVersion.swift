/// The version `mzplan --version` prints.
enum MZPlanVersion {
    static let current = "0.1.0"
}
