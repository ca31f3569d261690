import Testing
import TermUI

@Suite(.timeLimit(.minutes(10))) struct ListStateTests {
    @Test func movingScrollsAsLittleAsPossibleAndClamps() {
        var list = ListState()
        list.move(by: 4, count: 10, visibleRows: 3)
        #expect(list == ListState(selection: 4, offset: 2))
        list.move(by: -1, count: 10, visibleRows: 3)
        #expect(list == ListState(selection: 3, offset: 2), "still on screen: no scroll")
        list.move(by: 100, count: 10, visibleRows: 3)
        #expect(list == ListState(selection: 9, offset: 7))
        list.clamp(count: 5, visibleRows: 3)
        #expect(list == ListState(selection: 4, offset: 2), "a shorter list keeps the selection inside it")
        #expect(list.visibleRange(count: 5, visibleRows: 3) == 2..<5)
        list.select(7, count: 5, visibleRows: 3)
        #expect(list.selection == 4, "a row that does not exist is not selected")
    }
}

@Suite(.timeLimit(.minutes(10))) struct TableTests {
    @Test func headingsRowsPlaceholdersAndScrolling() {
        var grid = Grid(size: Size(cols: 20, rows: 4))
        let table = Table(columns: [Column("NAME", 8), Column("N", 3)])
        let placed = table.draw(&grid, Rect(x: 0, y: 0, width: 20, height: 4), glyphs: .ascii, count: 5,
                                list: ListState(selection: 4, offset: 2)) { index in
            index == 3 ? nil : TableRow(["row \(index) is long", "\(index)"])
        }
        #expect(grid.text() == """
            NAME     N
            row 2 i~ 2
            ~
            row 4 i~ 4
            """)
        #expect(placed == [2: 1, 4: 3], "the y of each drawn row, placeholders left out")
    }

    @Test func aTextInputScrollsToItsCursor() {
        var grid = Grid(size: Size(cols: 6, rows: 1))
        let field = TextField("abcdefghij")
        let cursor = TextInput(field).draw(&grid, Rect(x: 1, y: 0, width: 5, height: 1))
        #expect(grid.text() == " ghij")
        #expect(cursor == Frame.Cursor(x: 5, y: 0))
    }
}

@Suite(.timeLimit(.minutes(10))) struct TextFieldKeyTests {
    func field(_ text: String, cursor: Int) -> TextField {
        var field = TextField(text)
        field.apply(.home)
        for _ in 0..<cursor { field.apply(.right) }
        return field
    }

    @Test func theLineEditingKeysFingersKnow() {
        var f = field("ann.lee@example.com", cursor: 0)
        f.apply(.ctrl("f")); f.apply(.ctrl("f"))
        #expect(f.cursor == 2)
        f.apply(.ctrl("b"))
        #expect(f.cursor == 1)
        f.apply(.alt("f"))
        #expect(f.cursor == 3, "Alt-F ends the word 'ann'")
        f.apply(.alt("f"))
        #expect(f.cursor == 7, "then 'lee', before the @")
        f.apply(.alt("b"))
        #expect(f.cursor == 4)
        f.apply(.ctrl("k"))
        #expect(f.value == "ann." && f.cursor == 4)
        f.apply(.ctrl("a")); f.apply(.ctrl("d"))
        #expect(f.value == "nn.")
        f.apply(.ctrl("e")); f.apply(.ctrl("w"))
        #expect(f.value == "")
    }

    @Test func aPasteLosesLineBreaksAndControlsAndRespectsTheLimit() {
        var f = TextField("", maxLength: 10)
        f.apply(.paste("ab\r\ncd\u{1b}[2J\tef"))
        #expect(f.value == "abcd[2Jef")
        f.apply(.paste("0123456789"))
        #expect(f.value == "abcd[2Jef0" && f.cursor == 10)
        #expect(TextField.edits(.paste("x")))
    }
}

@Suite(.timeLimit(.minutes(10))) struct DialogTextTests {
    @Test func linesWrapToTheWidthAndKeepWhichLineTheyCameFrom() {
        let rows = Dialog.wrap(["one two three", "four"], toWidth: 8)
        #expect(rows == [Dialog.TextRow(line: 0, text: "one two"), Dialog.TextRow(line: 0, text: "three"),
                         Dialog.TextRow(line: 1, text: "four")])
    }

    @Test func fittingCutsOnlyWhatDoesNotFitAndMarksTheCut() {
        let rows = Dialog.wrap(["one two three four five"], toWidth: 8)
        #expect(Dialog.fit(rows, count: 9, width: 8, ellipsis: "…") == rows)
        let cut = Dialog.fit(rows, count: 2, width: 8, ellipsis: "…")
        #expect(cut.map(\.text) == ["one two", "three f…"])
        #expect(Dialog.fit(rows, count: 0, width: 8, ellipsis: "…").isEmpty)
    }

    @Test func theInsideIsTheWindowLessItsFrameShrunkToTheArea() {
        #expect(Dialog.innerWidth(66, in: Rect(x: 0, y: 0, width: 100, height: 10)) == 64)
        #expect(Dialog.innerWidth(66, in: Rect(x: 0, y: 0, width: 40, height: 10)) == 38)
    }
}
