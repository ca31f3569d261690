/// Draws a ``TextField`` on one line, scrolled so its cursor is in view.
public struct TextInput {
    public var field: TextField
    public var style: Style

    public init(_ field: TextField, style: Style = .normal) { self.field = field; self.style = style }

    /// Draws the field in `rect` (its first line); returns where the text cursor goes.
    @discardableResult
    public func draw(_ grid: inout Grid, _ rect: Rect) -> Frame.Cursor? {
        guard rect.width > 0, rect.height > 0 else { return nil }
        grid.fill(Rect(x: rect.x, y: rect.y, width: rect.width, height: 1), style: style)
        let shown = field.visible(width: rect.width)
        grid.put(shown.text, x: rect.x, y: rect.y, style: style, maxWidth: rect.width)
        return Frame.Cursor(x: rect.x + shown.cursorColumn, y: rect.y)
    }
}
