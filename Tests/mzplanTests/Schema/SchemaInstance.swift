import Yams

/// A YAML value as JSON Schema sees it: scalars typed by their resolved YAML tag, as the manifest
/// loader and editors' YAML language servers type them.
indirect enum SchemaInstance {
    case null
    case boolean(Bool)
    case number(Double)
    case string(String)
    case array([SchemaInstance])
    case object([(key: String, value: SchemaInstance)])

    init(_ node: Node) {
        switch node {
        case .scalar(let scalar):
            switch Tag.Name(rawValue: node.tag.rawValue) {
            case .null: self = .null
            case .bool: self = node.bool.map(SchemaInstance.boolean) ?? .string(scalar.string)
            case .int, .float: self = node.float.map(SchemaInstance.number) ?? .string(scalar.string)
            default: self = .string(scalar.string)
            }
        case .sequence(let sequence): self = .array(sequence.map(SchemaInstance.init))
        case .mapping(let mapping): self = .object(mapping.map { (key: $0.key.string ?? "", value: SchemaInstance($0.value)) })
        case .alias: self = .null
        }
    }

    /// The JSON Schema types this value has (an integral number is both `integer` and `number`).
    var types: Set<String> {
        switch self {
        case .null: ["null"]
        case .boolean: ["boolean"]
        case .number(let value): value.rounded() == value ? ["integer", "number"] : ["number"]
        case .string: ["string"]
        case .array: ["array"]
        case .object: ["object"]
        }
    }
}
