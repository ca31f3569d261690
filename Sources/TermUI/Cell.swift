/// One terminal cell: a grapheme in its display form, its width (1 or 2; a
/// wide character's second cell is a continuation with width 0) and style.
public struct Cell: Sendable, Equatable {
    public var text: String
    public var width: UInt8
    public var style: Style

    public init(text: String, width: UInt8, style: Style) {
        self.text = text; self.width = width; self.style = style
    }

    public static let blank = Cell(text: " ", width: 1, style: .normal)

    public static func continuation(_ style: Style) -> Cell { Cell(text: "", width: 0, style: style) }

    public var isContinuation: Bool { width == 0 }
}
