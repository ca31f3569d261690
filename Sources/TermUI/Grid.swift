import TermText

/// A terminal-independent screen: screens draw into a Grid, tests read it as
/// text, and the backend copies only the cells that changed to the terminal.
///
/// Every string is sanitised on the way in, so no caller can put an escape
/// sequence on the screen, and wide characters never straddle an edge.
public struct Grid: Sendable, Equatable {
    public let size: Size
    public private(set) var cells: [Cell]

    public init(size: Size) {
        self.size = size
        cells = Array(repeating: .blank, count: size.cols * size.rows)
    }

    public var bounds: Rect { Rect(x: 0, y: 0, width: size.cols, height: size.rows) }

    public subscript(x: Int, y: Int) -> Cell {
        guard x >= 0, y >= 0, x < size.cols, y < size.rows else { return .blank }
        return cells[y * size.cols + x]
    }

    /// Writes `text` from (x, y), at most `maxWidth` cells (default: to the
    /// edge). Returns the number of cells written.
    @discardableResult
    public mutating func put(_ text: String, x: Int, y: Int, style: Style = .normal, maxWidth: Int? = nil) -> Int {
        guard y >= 0, y < size.rows, x < size.cols else { return 0 }
        let limit = min(maxWidth ?? Int.max, size.cols - x)
        var column = x
        let safe = TerminalText.sanitize(text)
        // A display form can be several graphemes (a flag's two letters): lay those out one per cell.
        let drawn = safe.utf8.allSatisfy({ $0 < 0x80 }) ? safe : TerminalText.displayText(safe)
        for character in drawn {
            // A cluster with several spacing characters (a conjunct) takes a cell
            // for each; it is drawn whole or, when it does not fit, not at all.
            let units = TerminalText.cellUnits(of: character)
            let width = units.reduce(0) { $0 + $1.width }
            if width == 0 {
                continue  // zero-width leftovers are dropped, never drawn
            }
            if column - x + width > limit { break }
            for unit in units {
                if column >= 0 {
                    set(Cell(text: unit.text, width: UInt8(unit.width), style: style), x: column, y: y)
                }
                column += unit.width
            }
        }
        // A wide character that did not fit leaves its cell blank, not half-drawn.
        return column - x
    }

    /// Fills a rectangle with spaces of `style`.
    public mutating func fill(_ rect: Rect, style: Style = .normal) {
        for y in max(0, rect.y)..<min(size.rows, rect.maxY) {
            for x in max(0, rect.x)..<min(size.cols, rect.maxX) {
                set(Cell(text: " ", width: 1, style: style), x: x, y: y)
            }
        }
    }

    /// Changes the style of `width` cells from (x, y), keeping their text.
    public mutating func restyle(x: Int, y: Int, width: Int, style: Style) {
        guard y >= 0, y < size.rows else { return }
        for column in max(0, x)..<min(size.cols, x + max(0, width)) {
            cells[y * size.cols + column].style = style
        }
    }

    /// A horizontal line of `glyph` across `width` cells.
    public mutating func hline(x: Int, y: Int, width: Int, glyph: String, style: Style) {
        guard width > 0 else { return }
        put(String(repeating: glyph, count: width), x: x, y: y, style: style, maxWidth: width)
    }

    /// A frame around `rect` with an optional title in its top edge.
    public mutating func box(_ rect: Rect, glyphs: Glyphs, style: Style = Style(.border), title: String? = nil,
                             titleStyle: Style = Style(.accent, bold: true)) {
        guard rect.width >= 2, rect.height >= 2 else { return }
        put(glyphs.topLeft, x: rect.x, y: rect.y, style: style)
        hline(x: rect.x + 1, y: rect.y, width: rect.width - 2, glyph: glyphs.horizontal, style: style)
        put(glyphs.topRight, x: rect.maxX - 1, y: rect.y, style: style)
        for y in rect.y + 1..<rect.maxY - 1 {
            put(glyphs.vertical, x: rect.x, y: y, style: style)
            put(glyphs.vertical, x: rect.maxX - 1, y: y, style: style)
        }
        put(glyphs.bottomLeft, x: rect.x, y: rect.maxY - 1, style: style)
        hline(x: rect.x + 1, y: rect.maxY - 1, width: rect.width - 2, glyph: glyphs.horizontal, style: style)
        put(glyphs.bottomRight, x: rect.maxX - 1, y: rect.maxY - 1, style: style)
        if let title, rect.width > 4 {
            let text = " " + TerminalText.truncate(title, toWidth: rect.width - 4, ellipsis: glyphs.ellipsis) + " "
            put(text, x: rect.x + 1, y: rect.y, style: titleStyle, maxWidth: rect.width - 2)
        }
    }

    /// The screen as text: one line per row, trailing spaces trimmed.
    public func text() -> String {
        (0..<size.rows).map { y in
            var line = ""
            for x in 0..<size.cols where !self[x, y].isContinuation { line += self[x, y].text }
            while line.hasSuffix(" ") { line.removeLast() }
            return line
        }.joined(separator: "\n")
    }

    /// One line per row with a mark per cell for its style role (see
    /// ``StyleRole/mark``), bold cells upper-cased where the mark is a letter.
    public func styleMarks() -> String {
        (0..<size.rows).map { y in
            var line = ""
            for x in 0..<size.cols {
                let style = self[x, y].style
                let mark = style.role.mark
                line.append(style.bold && mark.isLowercase ? Character(mark.uppercased()) : mark)
            }
            while line.hasSuffix(" ") { line.removeLast() }
            return line
        }.joined(separator: "\n")
    }

    private mutating func set(_ cell: Cell, x: Int, y: Int) {
        guard x >= 0, y >= 0, x < size.cols, y < size.rows else { return }
        let index = y * size.cols + x
        // Overwriting half of a wide character blanks its other half.
        if cells[index].isContinuation, x > 0 {
            cells[index - 1] = Cell(text: " ", width: 1, style: cells[index - 1].style)
        }
        if cells[index].width == 2, x + 1 < size.cols {
            cells[index + 1] = Cell(text: " ", width: 1, style: cells[index + 1].style)
        }
        if cell.width == 2 {
            guard x + 1 < size.cols else {
                cells[index] = Cell(text: " ", width: 1, style: cell.style)
                return
            }
            if cells[index + 1].width == 2, x + 2 < size.cols {
                cells[index + 2] = Cell(text: " ", width: 1, style: cells[index + 2].style)
            }
            cells[index + 1] = .continuation(cell.style)
        }
        cells[index] = cell
    }
}
