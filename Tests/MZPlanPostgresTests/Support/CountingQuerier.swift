import Foundation
import MZPlanPostgres
import PostgresNIO

/// Counts the queries sent through it, to prove that reads are batched per relation.
final class CountingQuerier<Base: CatalogQuerying>: CatalogQuerying, @unchecked Sendable {
    let base: Base
    private let lock = NSLock()
    private var sent: [String] = []

    init(_ base: Base) {
        self.base = base
    }

    var announcedVersion: String? { base.announcedVersion }

    /// The SQL of every query sent so far.
    var queries: [String] { lock.withLock { sent } }

    func rows(_ query: PostgresQuery) async throws(ConnectionError) -> [PostgresRow] {
        lock.withLock { sent.append(query.sql) }
        return try await base.rows(query)
    }
}
