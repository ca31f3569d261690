import TermText

/// A framed pane with a title; the accent colour marks the pane with focus.
public struct Panel {
    public var title: String
    public var focused: Bool

    public init(title: String, focused: Bool) { self.title = title; self.focused = focused }

    /// Draws the frame and returns the inside. A pane too low for a frame
    /// and a row (under three lines) gets no frame: its rows matter more.
    @discardableResult
    public func draw(_ grid: inout Grid, _ rect: Rect, glyphs: Glyphs) -> Rect {
        guard Self.framed(rect) else { return rect }
        grid.box(rect, glyphs: glyphs, style: Style(focused ? .accent : .border), title: title)
        return rect.inset(1)
    }

    /// Whether a pane of this size is drawn with a frame.
    public static func framed(_ rect: Rect) -> Bool { rect.height >= 3 && rect.width >= 3 }
}

/// A window over the screen: a cleared, framed box centred in `area`, with
/// its key hints set into the bottom edge.
public struct Dialog {
    public var title: String
    public var width: Int
    public var height: Int
    public var hint: String

    public init(title: String, width: Int, height: Int, hint: String = "") {
        self.title = title; self.width = width; self.height = height; self.hint = hint
    }

    /// Draws the window and returns its inside (shrunk to what fits).
    public func draw(_ grid: inout Grid, in area: Rect, glyphs: Glyphs) -> Rect {
        let rect = area.centred(width: width, height: height)
        grid.fill(rect)
        grid.box(rect, glyphs: glyphs, style: Style(.accent), title: title)
        if rect.width > 6 && !hint.isEmpty {
            let text = " " + TerminalText.truncate(hint, toWidth: rect.width - 6, ellipsis: glyphs.ellipsis) + " "
            grid.put(text, x: rect.maxX - 1 - TerminalText.width(of: text) - 1, y: rect.maxY - 1, style: Style(.muted))
        }
        return rect.inset(1)
    }
}

extension Dialog {
    /// A wrapped row of a dialog's text and the line it came from (whose style it takes).
    public struct TextRow: Equatable, Sendable {
        public var line: Int
        public var text: String
        public init(line: Int, text: String) { self.line = line; self.text = text }
    }

    /// The cells inside a dialog of `width` drawn in `area`.
    public static func innerWidth(_ width: Int, in area: Rect) -> Int {
        max(0, min(width, area.width) - 2)
    }

    /// `lines` wrapped to `width` cells, so a sentence is read whole rather
    /// than cut at the dialog's edge; size the dialog by the count.
    public static func wrap(_ lines: [String], toWidth width: Int) -> [TextRow] {
        lines.enumerated().flatMap { index, line in
            TerminalText.wrap(TerminalText.sanitize(line), toWidth: max(1, width)).map { TextRow(line: index, text: $0) }
        }
    }

    /// The first `count` rows; when that is not all of them, the last one
    /// shown ends with `ellipsis`, so a cut is visible (only when even a
    /// dialog as tall as the screen cannot hold the text).
    public static func fit(_ rows: [TextRow], count: Int, width: Int, ellipsis: String) -> [TextRow] {
        guard count > 0 else { return [] }
        guard rows.count > count else { return rows }
        var shown = Array(rows.prefix(count))
        let rest = rows[(count - 1)...].map(\.text).joined(separator: " ")
        shown[count - 1].text = TerminalText.truncate(rest, toWidth: width, ellipsis: ellipsis)
        return shown
    }
}
