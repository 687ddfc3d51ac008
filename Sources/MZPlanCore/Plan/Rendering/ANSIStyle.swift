/// ANSI SGR colors for the text renderer; a disabled style returns text unchanged.
struct ANSIStyle {
    enum Color: String {
        case red = "31"
        case green = "32"
        case yellow = "33"
        case bold = "1"
    }

    var enabled: Bool

    /// `text` wrapped in the color's escape codes when enabled.
    func apply(_ color: Color, _ text: String) -> String {
        enabled ? "\u{1B}[\(color.rawValue)m" + text + "\u{1B}[0m" : text
    }

    /// The marker in its color: green `+`, yellow `~`, red `-` and `!`.
    func marker(_ marker: ChangeMarker) -> String {
        switch marker {
        case .create: apply(.green, marker.rawValue)
        case .change: apply(.yellow, marker.rawValue)
        case .drop, .blocked: apply(.red, marker.rawValue)
        }
    }

    /// A hazard's marker and code: red when it blocks, yellow otherwise.
    func hazard(_ hazard: Hazard) -> String {
        apply(hazard.blocks ? .red : .yellow, hazard.marker + " " + hazard.code.rawValue)
    }
}
