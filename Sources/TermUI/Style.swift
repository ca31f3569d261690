/// What a cell means, not how it looks: the backend maps each role to
/// colours, or to bold/reverse/dim when colour is off (`NO_COLOR`, mono).
public enum StyleRole: UInt8, Sendable, Equatable, CaseIterable {
    case normal
    /// Top bar and column headings.
    case header
    /// The selected row of the focused pane.
    case selection
    /// The selected row of a pane without focus.
    case selectionInactive
    /// Disabled actions, secondary text.
    case muted
    /// Key names in hints, titles.
    case accent
    case danger
    case success
    case warning
    /// Borders of panes and modals.
    case border

    /// One character per role for text snapshots of styles.
    public var mark: Character {
        switch self {
        case .normal: " "
        case .header: "H"
        case .selection: "S"
        case .selectionInactive: "s"
        case .muted: "m"
        case .accent: "a"
        case .danger: "d"
        case .success: "g"
        case .warning: "w"
        case .border: "b"
        }
    }
}

/// A cell's style: its role and whether it is bold.
public struct Style: Sendable, Equatable {
    public var role: StyleRole
    public var bold: Bool

    public init(_ role: StyleRole = .normal, bold: Bool = false) {
        self.role = role; self.bold = bold
    }

    public static let normal = Style()
}
