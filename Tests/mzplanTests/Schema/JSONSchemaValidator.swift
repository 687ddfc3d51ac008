import Foundation

/// A validator for the subset of JSON Schema 2020-12 that `schema/mzplan.schema.json` uses:
/// `type`, `enum`, `properties`, `required`, `additionalProperties`, `items`, `oneOf`, `anyOf`,
/// `minimum`, `maximum`, `minLength`, `pattern` and local `$ref`s into `$defs`. Any other keyword is reported
/// as an error, so the schema cannot grow a rule this validator silently ignores.
struct JSONSchemaValidator {
    /// Keywords that only annotate.
    static let annotations: Set<String> = ["$schema", "$id", "$defs", "title", "description"]
    static let assertions: Set<String> = [
        "$ref", "type", "enum", "properties", "required", "additionalProperties", "items",
        "oneOf", "anyOf", "minimum", "maximum", "minLength", "pattern",
    ]

    let root: [String: Any]

    /// The schema document is not a JSON object.
    struct NotASchema: Error {}

    init(schema data: Data) throws {
        guard let root = try JSONSerialization.jsonObject(with: data) as? [String: Any] else { throw NotASchema() }
        self.root = root
    }

    /// Every violation, as `path: problem`; empty when `instance` is valid.
    func errors(_ instance: SchemaInstance) -> [String] {
        var errors: [String] = []
        validate(instance, against: root, at: "$", into: &errors)
        return errors
    }

    private func validate(_ instance: SchemaInstance, against schema: [String: Any], at path: String, into errors: inout [String]) {
        for keyword in schema.keys where !Self.annotations.contains(keyword) && !Self.assertions.contains(keyword) {
            errors.append("\(path): unsupported keyword \(keyword)")
        }
        if let reference = schema["$ref"] as? String {
            let prefix = "#/$defs/"
            guard reference.hasPrefix(prefix), let defs = root["$defs"] as? [String: Any],
                  let target = defs[String(reference.dropFirst(prefix.count))] as? [String: Any] else {
                errors.append("\(path): unresolvable $ref \(reference)")
                return
            }
            validate(instance, against: target, at: path, into: &errors)
        }
        if let type = schema["type"] {
            let allowed = Set((type as? [String]) ?? [(type as? String) ?? "?"])
            if allowed.isDisjoint(with: instance.types) {
                errors.append("\(path): expected \(allowed.sorted().joined(separator: "|")), found \(instance.types.sorted().joined(separator: "|"))")
                return
            }
        }
        if let values = schema["enum"] as? [Any], !values.contains(where: { Self.equal(instance, $0) }) {
            errors.append("\(path): not one of the enumerated values")
        }
        if let anyOf = schema["anyOf"] as? [[String: Any]] {
            if !anyOf.contains(where: { isValid(instance, $0, path) }) { errors.append("\(path): matches no anyOf branch") }
        }
        if let oneOf = schema["oneOf"] as? [[String: Any]] {
            let matching = oneOf.filter { isValid(instance, $0, path) }.count
            if matching != 1 { errors.append("\(path): matches \(matching) oneOf branches, not exactly one") }
        }
        switch instance {
        case .object(let members):
            validateObject(members, schema, path, &errors)
        case .array(let items):
            if let itemSchema = schema["items"] as? [String: Any] {
                for (index, item) in items.enumerated() { validate(item, against: itemSchema, at: "\(path)[\(index)]", into: &errors) }
            }
        case .number(let value):
            if let minimum = (schema["minimum"] as? NSNumber)?.doubleValue, value < minimum {
                errors.append("\(path): \(value) is below the minimum \(minimum)")
            }
            if let maximum = (schema["maximum"] as? NSNumber)?.doubleValue, value > maximum {
                errors.append("\(path): \(value) is above the maximum \(maximum)")
            }
        case .string(let text):
            if let minimum = schema["minLength"] as? Int, text.unicodeScalars.count < minimum {
                errors.append("\(path): shorter than \(minimum)")
            }
            if let pattern = schema["pattern"] as? String, !Self.matches(pattern, text) {
                errors.append("\(path): '\(text)' does not match \(pattern)")
            }
        case .null, .boolean:
            break
        }
    }

    private func validateObject(_ members: [(key: String, value: SchemaInstance)], _ schema: [String: Any], _ path: String, _ errors: inout [String]) {
        let properties = schema["properties"] as? [String: Any] ?? [:]
        for required in schema["required"] as? [String] ?? [] where !members.contains(where: { $0.key == required }) {
            errors.append("\(path): missing required \(required)")
        }
        for (key, value) in members {
            if let property = properties[key] as? [String: Any] {
                validate(value, against: property, at: "\(path).\(key)", into: &errors)
            } else if let additional = schema["additionalProperties"] as? [String: Any] {
                validate(value, against: additional, at: "\(path).\(key)", into: &errors)
            } else if schema["additionalProperties"] as? Bool == false {
                errors.append("\(path): unknown property \(key)")
            }
        }
    }

    private func isValid(_ instance: SchemaInstance, _ schema: [String: Any], _ path: String) -> Bool {
        var errors: [String] = []
        validate(instance, against: schema, at: path, into: &errors)
        return errors.isEmpty
    }

    private static func equal(_ instance: SchemaInstance, _ value: Any) -> Bool {
        switch instance {
        case .string(let text): (value as? String) == text
        case .number(let number): !(value is String) && (value as? NSNumber)?.doubleValue == number
        default: false
        }
    }

    /// ECMA-262-style search (not anchored unless the pattern says so).
    private static func matches(_ pattern: String, _ text: String) -> Bool {
        guard let regex = try? NSRegularExpression(pattern: pattern) else { return false }
        return regex.firstMatch(in: text, range: NSRange(text.startIndex..., in: text)) != nil
    }
}
