import ArgumentParser
import MZPlanCore

/// Loads the manifests and the catalog the options name and plans, printing warnings to stderr.
/// Diagnostics that stop planning are printed too, and end the command with exit 1.
struct PlanRequest {
    let manifest: ManifestOptions
    let catalog: CatalogOptions
    let console: Console

    func plan(allow: [HazardCode]) async throws -> Plan {
        // The manifests load while the catalog is read: on a large catalog both take a while.
        let files = manifest.files
        async let manifestResult = Result { () throws(DiagnosticsError) in
            try ManifestLoader.load(files.map { path throws(DiagnosticsError) in try ManifestSource.read(path: path) })
        }
        let catalogResult: Result<CatalogSnapshot, DiagnosticsError>
        do throws(DiagnosticsError) {
            catalogResult = .success(try await catalog.load(console: console))
        } catch {
            catalogResult = .failure(error)
        }
        do throws(DiagnosticsError) {
            let loaded = try await manifestResult.get()
            let snapshot = try catalogResult.get()
            let result = try Planner.plan(manifest: loaded.manifest, catalog: snapshot, allow: allow, createdAtMs: Clock.planTimestamp())
            ProcessLifetime.keep(snapshot)
            console.report(loaded.warnings + result.warnings)
            return result.plan
        } catch {
            console.report(error.diagnostics)
            throw ExitCode(ExitStatus.failure)
        }
    }
}
