import TermText

/// One column of a table: its heading and its width in cells (0 hides it).
public struct Column: Equatable, Sendable {
    public var title: String
    public var width: Int

    public init(_ title: String, _ width: Int) { self.title = title; self.width = width }
}

/// One row as the table draws it: a text per column and the row's style.
public struct TableRow: Equatable, Sendable {
    public var cells: [String]
    public var style: Style

    public init(_ cells: [String], style: Style = .normal) { self.cells = cells; self.style = style }
}

/// A list drawn as columns: headings (when asked), then the visible rows of
/// `list`, each padded or cut to its column and sanitised. The caller says
/// what each row holds; the table owns alignment and scrolling.
public struct Table {
    public var columns: [Column]
    public var headings: Bool

    public init(columns: [Column], headings: Bool = true) { self.columns = columns; self.headings = headings }

    /// Rows that fit under the headings in `rect`.
    public func visibleRows(in rect: Rect) -> Int { max(0, rect.height - (headings ? 1 : 0)) }

    /// Draws the headings and the rows `list` shows; `row(i)` gives row `i`
    /// (nil draws a placeholder, for a row not loaded yet). Returns the y of each drawn row.
    @discardableResult
    public func draw(_ grid: inout Grid, _ rect: Rect, glyphs: Glyphs, count: Int, list: ListState,
                     row: (Int) -> TableRow?) -> [Int: Int] {
        guard rect.width > 0, rect.height > 0 else { return [:] }
        if headings {
            grid.putRow(columns.map { ($0.title, $0.width) }, x: rect.x, y: rect.y, width: rect.width,
                        style: Style(.muted, bold: true), glyphs: glyphs)
        }
        let top = rect.y + (headings ? 1 : 0)
        var placed: [Int: Int] = [:]
        for (line, index) in list.visibleRange(count: count, visibleRows: visibleRows(in: rect)).enumerated() {
            let y = top + line
            guard let content = row(index) else {
                grid.putRow([(glyphs.ellipsis, rect.width)], x: rect.x, y: y, width: rect.width, style: Style(.muted), glyphs: glyphs)
                continue
            }
            grid.putRow(Array(zip(content.cells, columns.map(\.width))), x: rect.x, y: y, width: rect.width,
                        style: content.style, glyphs: glyphs)
            placed[index] = y
        }
        return placed
    }
}

extension Grid {
    /// Puts sanitised `text` padded or cut to exactly `width` cells.
    public mutating func putCell(_ text: String, x: Int, y: Int, width: Int, style: Style, glyphs: Glyphs) {
        guard width > 0 else { return }
        put(TerminalText.pad(TerminalText.sanitize(text), toWidth: width, ellipsis: glyphs.ellipsis),
            x: x, y: y, style: style, maxWidth: width)
    }

    /// Columns laid out left to right with one space between them, on a line filled with `style`.
    public mutating func putRow(_ columns: [(String, Int)], x: Int, y: Int, width: Int, style: Style, glyphs: Glyphs) {
        fill(Rect(x: x, y: y, width: width, height: 1), style: style)
        var column = x
        for (text, cells) in columns where cells > 0 && column < x + width {
            let room = min(cells, x + width - column)
            putCell(text, x: column, y: y, width: room, style: style, glyphs: glyphs)
            column += room + 1
        }
    }
}
