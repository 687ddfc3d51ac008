import MZPlanCore

/// Loads the manifests and the catalog the options name and plans, printing warnings to stderr.
/// Diagnostics that stop planning are printed too, and end the command with exit 1.
struct PlanRequest {
    let manifest: ManifestOptions
    let catalog: CatalogOptions
    let console: Console

    func plan(allow: [HazardCode]) async throws -> Plan {
        do throws(DiagnosticsError) {
            let loaded = try ManifestLoader.load(manifest.files.map { path throws(DiagnosticsError) in try ManifestSource.read(path: path) })
            let snapshot = try await catalog.load(console: console)
            let result = try Planner.plan(manifest: loaded.manifest, catalog: snapshot, allow: allow, createdAtMs: Clock.planTimestamp())
            console.report(loaded.warnings + result.warnings)
            return result.plan
        } catch {
            console.report(error.diagnostics)
            throw PlanExitCode.failure
        }
    }
}
