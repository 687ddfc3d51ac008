// The check report as JSON (`mzplan check --format json`), format `mzplan.check.v1`:
//
//     {"format": "mzplan.check.v1", "ok": true|false,
//      "diagnostics": [{"severity", "code", "message", "file", "line", "column"}],
//      "plan": null | {"fingerprint": "sha256:…", "summary": {…as in plan JSON v1…}}}
//
// Keys are always present and in this order; `file`, `line` and `column` are null for a finding
// without a place. New keys may be added; existing ones keep their meaning.

extension CheckReport {
    /// The report as a JSON document, keys in a fixed order.
    package func jsonValue() -> JSONValue {
        .object([
            ("format", .string(Self.format)),
            ("ok", .bool(ok)),
            ("diagnostics", .array(diagnostics.map { $0.jsonValue() })),
            ("plan", plan.map { plan in
                .object([
                    ("fingerprint", .string(plan.fingerprint)),
                    ("summary", plan.summary.jsonValue()),
                ])
            } ?? .null),
        ])
    }

    /// The JSON report, pretty-printed with a trailing newline.
    package func json() -> String {
        jsonValue().serialized(pretty: true) + "\n"
    }
}

extension Diagnostic {
    func jsonValue() -> JSONValue {
        .object([
            ("severity", .string(severity.rawValue)),
            ("code", .string(code)),
            ("message", .string(message)),
            ("file", .string(location?.file)),
            ("line", .int(location?.line)),
            ("column", .int(location?.column)),
        ])
    }
}
