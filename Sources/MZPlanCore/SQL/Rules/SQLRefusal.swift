/// A statement Materialize refuses from a user session although it may store it, or a
/// replacement it refuses in the state at hand. This is the one list of such rules: the planner
/// checks every statement it would send against it before a plan drops anything, and the
/// simulator refuses with the same messages. Each case cites where Materialize decides it
/// (paths in MaterializeInc/materialize; see `../shared/reference/materialize.md`, Corrections).
package enum SQLRefusal: Hashable, Sendable, CustomStringConvertible {
    /// `src/adapter/src/coord/command_handler.rs` (`AdapterError::Unsupported("CREATE SUBSOURCE statements")`).
    case createSubsource
    /// `src/adapter/src/coord/command_handler.rs`: the `AS OF` that `create_sql` stores is for the catalog only.
    case materializedViewAsOf
    /// `src/sql/src/pure/error.rs`, raised in `purify_create_source`: `DETAILS` is written by purification.
    case sourceDetails(connector: String)
    /// `src/sql/src/pure.rs`, `purify_create_table_from_source`: `assert_none!(details, …)`.
    case tableDetails
    /// `src/sql/src/pure.rs`, `purify_create_table_from_source`: columns are generated from upstream.
    case tableColumns
    /// `src/sql/src/pure.rs`, `purify_create_sink` (`USER_ALLOWED_WITH_OPTIONS`: `SNAPSHOT`, `COMMIT INTERVAL`).
    case sinkOption(String)
    /// `src/sql/src/pure/error.rs` (`RequiresExternalReferences`), unless `enable_create_table_from_source` is on.
    case missingTables
    /// `test/sqllogictest/replacement-materialized-views.slt`: a sealed view computed its output until the end of time.
    case sealedView(ObjectName)
    /// `test/sqllogictest/replacement-materialized-views.slt`: one replacement per view.
    case replacementExists(target: ObjectName, replacement: ObjectName)
    /// `test/sqllogictest/replacement-materialized-views.slt`: names, types, order, nullability and keys must match.
    case replacementSchema(detail: String)

    /// Materialize's message.
    package var message: String {
        switch self {
        case .createSubsource:
            "CREATE SUBSOURCE statements are not supported"
        case .materializedViewAsOf:
            "CREATE MATERIALIZED VIEW ... AS OF statements are not supported"
        case .sourceDetails(let connector):
            "\(connector) source validation: CREATE SOURCE specifies DETAILS option"
        case .tableDetails:
            "details cannot be explicitly set"
        case .tableColumns:
            "CREATE TABLE .. FROM SOURCE column definitions cannot be specified directly"
        case .sinkOption(let name):
            "CREATE SINK...WITH (\(name)..) is not allowed"
        case .missingTables:
            "missing TABLES specification"
        case .sealedView(let name):
            "materialized view \(name.last) is sealed and thus cannot be replaced"
        case .replacementExists(let target, let replacement):
            "cannot replace \(target.last) because it already has a replacement: \(replacement.last)"
        case .replacementSchema(let detail):
            "replacement schema differs from target schema: \(detail)"
        }
    }

    /// The SQLSTATE the simulator answers with: `0A000` for unsupported statements, `XX000` for
    /// planning errors (Materialize's default for them).
    package var sqlState: String {
        switch self {
        case .createSubsource, .materializedViewAsOf: "0A000"
        default: "XX000"
        }
    }

    package var description: String { message }

    /// Options a user may give `CREATE SINK … WITH (…)`.
    package static let userSinkOptions: Set<String> = ["SNAPSHOT", "COMMIT INTERVAL"]

    /// Options only purification writes; mzplan drops them when it rebuilds a statement.
    package static let storedOnlyOptions: Set<String> = ["DETAILS"]

    /// Sink options only Materialize writes (`VERSION` after `ALTER SINK … SET FROM`, and
    /// `PARTITION STRATEGY`, which a catalog migration removes).
    package static let storedOnlySinkOptions: Set<String> = ["VERSION", "PARTITION STRATEGY"]

    /// The refusal a user session meets for `statement` on its own, nil when it is accepted.
    /// `tablesFromSources`: whether `enable_create_table_from_source` is on, so that a
    /// replication source may come without a table list; asked only for such a source (finding
    /// out may scan the catalog).
    package static func check(_ statement: Statement, tablesFromSources: @autoclosure () -> Bool) -> SQLRefusal? {
        switch statement {
        case .createSubsource:
            return .createSubsource
        case .createMaterializedView(let view):
            return view.asOf == nil ? nil : .materializedViewAsOf
        case .createSource(let source):
            if source.connector.options.first(named: "DETAILS") != nil || source.options.first(named: "DETAILS") != nil {
                return .sourceDetails(connector: source.connector.kind.name)
            }
            if source.connector.kind.isReplication, source.references == nil, !tablesFromSources() {
                return .missingTables
            }
            return nil
        case .createTable(let table):
            guard table.fromSource != nil else { return nil }
            if table.options.first(named: "DETAILS") != nil { return .tableDetails }
            if table.columns != nil { return .tableColumns }
            return nil
        case .createSink(let sink):
            return sink.options.first { !userSinkOptions.contains($0.name) }.map { .sinkOption($0.name) }
        case .createCluster, .alter, .drop, .createView, .createIndex:
            return nil
        }
    }
}

extension SourceConnector.Kind {
    /// The connector's name as Materialize's messages spell it: `POSTGRES`, `SQL SERVER`.
    package var name: String { sql }
}
