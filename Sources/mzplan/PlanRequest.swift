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
        async let manifestResult = Result { () throws(DiagnosticsError) in try ManifestLoader.load(paths: files) }
        let catalogResult = await catalog.source.loadResult(console: console)
        let manifestLoaded = await manifestResult
        let loaded = try Self.reported(console) { () throws(DiagnosticsError) in try manifestLoaded.get() }
        let snapshot = try Self.reported(console) { () throws(DiagnosticsError) in try catalogResult.get() }
        ProcessLifetime.keep(snapshot)
        ProcessLifetime.keep(loaded)
        return try await Self.plan(loaded, catalog: snapshot, allow: allow, console: console)
    }

    /// Plans the loaded manifests against `snapshot`, printing the warnings of both; what stops
    /// the planning is printed and ends the command with exit 1.
    /// Planning runs on a Dispatch thread (``BlockingWork``): it waits for its background half.
    static func plan(_ loaded: LoadedManifest, catalog snapshot: CatalogSnapshot, allow: [HazardCode], console: Console) async throws -> Plan {
        let createdAtMs = Clock.planTimestamp()
        let planned = await BlockingWork.run { () -> Result<Planner.Result, DiagnosticsError> in
            Result { () throws(DiagnosticsError) in try Planner.plan(manifest: loaded.manifest, catalog: snapshot, allow: allow, createdAtMs: createdAtMs) }
        }
        // The graph and the resolution hold an object each for every catalog object.
        ProcessLifetime.keep(planned)
        return try reported(console) { () throws(DiagnosticsError) in
            let result = try planned.get()
            console.report(loaded.warnings + result.warnings)
            return result.plan
        }
    }

    /// The value of `work`, or its diagnostics printed and exit 1.
    static func reported<T>(_ console: Console, _ work: () throws(DiagnosticsError) -> T) throws -> T {
        do throws(DiagnosticsError) {
            return try work()
        } catch {
            console.report(error.diagnostics)
            throw ExitCode(ExitStatus.failure)
        }
    }
}
