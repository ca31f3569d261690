import Testing
@testable import TermUI
import TermText

@Suite(.timeLimit(.minutes(10))) struct GridTests {
    @Test func putClipsAndSanitises() {
        var grid = Grid(size: Size(cols: 20, rows: 2))
        grid.put("Eve\u{1b}[2J!", x: 0, y: 0)
        #expect(grid.text().split(separator: "\n").first == "Eve\\x1b[2J!")
        grid.put("abcdefghijklmnopqrstuvwxyz", x: 15, y: 1)
        #expect(grid.text().split(separator: "\n").last.map(String.init) == String(repeating: " ", count: 15) + "abcde")
    }

    @Test func wideCharactersNeverStraddleTheEdge() {
        var grid = Grid(size: Size(cols: 5, rows: 1))
        let used = grid.put("ab美咲", x: 0, y: 0)
        #expect(used == 4)
        #expect(grid.text() == "ab美")
        #expect(grid[2, 0].width == 2)
        #expect(grid[3, 0].isContinuation)
        #expect(grid[4, 0] == .blank)
    }

    @Test func overwritingHalfAWideCharacterBlanksTheOtherHalf() {
        var grid = Grid(size: Size(cols: 4, rows: 1))
        grid.put("美咲", x: 0, y: 0)
        grid.put("x", x: 1, y: 0)
        #expect(grid.text() == " x咲")
        grid.put("y", x: 2, y: 0)
        #expect(grid.text() == " xy")
    }

    @Test func maxWidthLimitsAPut() {
        var grid = Grid(size: Size(cols: 10, rows: 1))
        #expect(grid.put("美咲田中", x: 0, y: 0, maxWidth: 5) == 4)
        #expect(grid.text() == "美咲")
    }

    @Test func boxesInUnicodeAndASCII() {
        var grid = Grid(size: Size(cols: 8, rows: 3))
        grid.box(grid.bounds, glyphs: .unicode, title: "Hi")
        #expect(grid.text() == "┌ Hi ──┐\n│      │\n└──────┘")
        var ascii = Grid(size: Size(cols: 8, rows: 3))
        ascii.box(ascii.bounds, glyphs: .ascii, title: "Hi")
        #expect(ascii.text() == "+ Hi --+\n|      |\n+------+")
        #expect(grid.styleMarks().hasPrefix("bAAAAbbb"))
    }

    @Test func diffOfOneChangedRowIsOneRun() {
        var old = Grid(size: Size(cols: 10, rows: 3))
        old.put("row one", x: 0, y: 0)
        var new = old
        new.put("ROW", x: 0, y: 1, style: Style(.selection))
        let runs = GridDiff.runs(from: old, to: new)
        #expect(runs.count == 1)
        #expect(runs.first?.y == 1)
        #expect(runs.first?.cells.count == 3)
        #expect(GridDiff.runs(from: new, to: new).isEmpty)
        #expect(GridDiff.runs(from: nil, to: new).count == 3)
    }

    @Test func aRunNeverStartsInTheMiddleOfAWideCharacter() {
        var old = Grid(size: Size(cols: 6, rows: 1))
        old.put("a美b", x: 0, y: 0)
        var new = old
        new.put("a美", x: 0, y: 0, style: Style(.selection))
        let runs = GridDiff.runs(from: old, to: new)
        #expect(runs.allSatisfy { !($0.cells.first?.isContinuation ?? false) })
    }
}

@Suite(.timeLimit(.minutes(10))) struct WidgetTests {
    @Test func textFieldEditsByGraphemes() {
        var field = TextField("美咲")
        field.apply(.char("x"))
        #expect(field.value == "美咲x")
        field.apply(.left); field.apply(.left); field.apply(.backspace)
        #expect(field.value == "咲x")
        #expect(field.cursor == 0)
        field.apply(.end); field.apply(.char("é"))
        #expect(field.value == "咲xé")
        field.apply(.ctrl("u"))
        #expect(field.value == "")
    }

    @Test func textFieldRefusesControlCharacters() {
        var field = TextField()
        field.apply(.char("\u{1b}"))
        #expect(field.value.isEmpty)
    }

    @Test func textFieldScrollsToKeepTheCursorVisible() {
        var field = TextField("abcdefghij")
        field.apply(.end)
        let shown = field.visible(width: 5)
        #expect(shown.text == "ghij")
        #expect(shown.cursorColumn == 4)
    }

    @Test func scrollOffsetKeepsTheSelectionInView() {
        #expect(ListScroll.offset(selection: 0, previousOffset: 0, visibleRows: 10, count: 100) == 0)
        // Leaving the window scrolls a third of a page (3 of 10 rows) beyond it.
        #expect(ListScroll.offset(selection: 15, previousOffset: 0, visibleRows: 10, count: 100) == 9)
        #expect(ListScroll.offset(selection: 7, previousOffset: 6, visibleRows: 10, count: 100) == 6)
        #expect(ListScroll.offset(selection: 3, previousOffset: 6, visibleRows: 10, count: 100) == 0)
        #expect(ListScroll.offset(selection: 99, previousOffset: 80, visibleRows: 10, count: 100) == 90, "never past the end")
        #expect(ListScroll.offset(selection: 5, previousOffset: 0, visibleRows: 5, count: 100) == 1, "small windows scroll a row")
        #expect(ListScroll.offset(selection: 4, previousOffset: 90, visibleRows: 10, count: 5) == 0)
        #expect(ListScroll.move(5, by: 100, count: 10) == 9)
        #expect(ListScroll.move(5, by: -100, count: 10) == 0)
    }
}

@Suite(.timeLimit(.minutes(10))) struct FlagTests {
    @Test func aFlagTakesTwoCellsOfPlainLetters() {
        var grid = Grid(size: Size(cols: 10, rows: 1))
        #expect(grid.put("a🇯🇵b", x: 0, y: 0) == 4)
        #expect(grid.text() == "aJPb")
        #expect(grid[1, 0].width == 1 && grid[2, 0].width == 1, "two one-cell letters, no wide cell")
    }

    /// Half a flag is drawn as one letter, so a column padded to 6 cells must
    /// draw 6 cells; it drew 5 while the width measured the half flag at 2.
    @Test func aPaddedCellWithHalfAFlagFillsItsColumn() {
        for name in ["Ann \u{1F1EC}", "Ann \u{1F1FA}\u{1F1F8}\u{1F1EC}", "\u{1F1FA}\u{301}x"] {
            var grid = Grid(size: Size(cols: 20, rows: 1))
            #expect(grid.put(TerminalText.pad(name, toWidth: 8) + "|", x: 0, y: 0) == 9, "\(name.unicodeScalars.map(\.value))")
            #expect(grid[8, 0].text == "|", "the next column starts at cell 8")
        }
    }
}
