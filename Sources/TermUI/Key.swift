/// A key press, independent of the terminal library.
public enum Key: Sendable, Equatable, Hashable {
    case char(Character)
    case ctrl(Character)
    case enter, escape, tab, backTab, backspace, delete
    case up, down, left, right, pageUp, pageDown, home, end
    case function(Int)
    case resize
    case mouseClick(x: Int, y: Int)
    case mouseScroll(down: Bool)
    /// Text the terminal marked as pasted (bracketed paste), as it arrived.
    case paste(String)
    /// A character typed with Alt (the terminal sends ESC first).
    case alt(Character)

    /// The label drawn on a terminal: the arrows from `glyphs` ("Up" without UTF-8).
    public func label(_ glyphs: Glyphs) -> String {
        switch self {
        case .up: glyphs.up
        case .down: glyphs.down
        case .left: glyphs.left
        case .right: glyphs.right
        default: label
        }
    }

    /// How the key is written in hints and help: `q`, `Enter`, `PgDn`, `^R`.
    public var label: String {
        switch self {
        case .char(" "): "Space"
        case .char(let c): String(c)
        case .ctrl(let c): "^" + String(c).uppercased()
        case .enter: "Enter"
        case .escape: "Esc"
        case .tab: "Tab"
        case .backTab: "S-Tab"
        case .backspace: "Bksp"
        case .delete: "Del"
        case .up: "↑"
        case .down: "↓"
        case .left: "←"
        case .right: "→"
        case .pageUp: "PgUp"
        case .pageDown: "PgDn"
        case .home: "Home"
        case .end: "End"
        case .function(let n): "F\(n)"
        case .resize: "resize"
        case .mouseClick: "click"
        case .mouseScroll: "wheel"
        case .paste: "paste"
        case .alt(let c): "M-" + String(c)
        }
    }
}
