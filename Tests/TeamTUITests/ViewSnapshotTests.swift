import Testing
@testable import TeamCore
@testable import TeamTUI
import TermText
import TermUI
import TestSupport
@testable import TeamStore

/// Whole screens rendered into the cell grid, compared with golden text.
@Suite(.timeLimit(.minutes(10))) struct ViewSnapshotTests {
    @Test func mainScreen() throws {
        let fixture = try TUIFixture()
        var (state, runtime) = try fixture.app()
        select("aga@acme.test", &state, runtime)
        Snapshot.assert(AppView.render(state).grid, named: "main-100x30")
    }

    @Test func inboxPaneFocusedWithChecks() throws {
        let fixture = try TUIFixture()
        var (state, runtime) = try fixture.app()
        select("mia@acme.test", &state, runtime)
        runtime.press(.tab, .char("j"), into: &state)
        Snapshot.assert(AppView.render(state).grid, named: "inbox-pane-100x30")
    }

    @Test func tinyTerminal() throws {
        let fixture = try TUIFixture()
        var (state, runtime) = try fixture.app(size: Size(cols: 20, rows: 6))
        let grid = AppView.render(state).grid
        Snapshot.assert(grid, named: "tiny-20x6")
        // Every list shows its selected row in the one row there is room for, not a heading.
        runtime.press(.char("2"), into: &state)
        #expect(AppView.render(state).grid.text().contains("+1 415-555-0100"), "\(AppView.render(state).grid.text())")
        let (tooSmall, _) = try fixture.app(size: Size(cols: 10, rows: 3))
        #expect(AppView.render(tooSmall).grid.text().hasPrefix("clerk-tea"))
    }

    @Test func helpOverlay() throws {
        let fixture = try TUIFixture()
        var (state, runtime) = try fixture.app()
        runtime.press(.char("?"), into: &state)
        Snapshot.assert(AppView.render(state).grid, named: "help-100x30")
    }

    @Test func inviteModal() throws {
        let fixture = try TUIFixture()
        var (state, runtime) = try fixture.app()
        runtime.press(.char("i"), into: &state)
        runtime.type("zoë@exa", into: &state)
        let frame = AppView.render(state)
        Snapshot.assert(frame.grid, named: "invite-100x30")
        #expect(frame.cursor != nil, "typing shows the cursor")
    }

    @Test func memberOperatorSeesFewerActions() throws {
        let fixture = try TUIFixture()
        let (state, _) = try fixture.app(as: "mo@acme.test")
        Snapshot.assert(AppView.render(state).grid, named: "member-operator-100x30")
    }

    @Test func asciiGlyphsWithoutUTF8() throws {
        let fixture = try TUIFixture()
        var (state, runtime) = try fixture.app(size: Size(cols: 80, rows: 12), glyphs: .ascii)
        select("aga@acme.test", &state, runtime)
        let text = AppView.render(state).grid.text()
        #expect(text.contains("+ Members"))
        #expect(text.contains("[x] +1 415-555-0100"))
        #expect(!text.contains("┌"))
        Snapshot.assert(AppView.render(state).grid, named: "ascii-80x12")
    }

    @Test func hostileNamesAreInertAndWideNamesKeepAlignment() throws {
        let fixture = try TUIFixture()
        _ = try fixture.cli().perform(.renameMember(member: EmailAddress("mo@acme.test"), name: DisplayName("Mo 👨‍👩‍👧 美咲美咲美咲美咲美咲美咲美咲")))
        let (state, _) = try fixture.app()
        let grid = AppView.render(state).grid
        // Every row is exactly as wide as the screen: nothing overflows.
        for y in 0..<grid.size.rows {
            var cells = 0
            for x in 0..<grid.size.cols { cells += grid[x, y].isContinuation ? 0 : Int(grid[x, y].width) }
            #expect(cells == grid.size.cols, "row \(y)")
        }
        #expect(!grid.cells.contains { $0.text.unicodeScalars.contains(where: TerminalText.isUnsafe) })
    }

    /// Every screen at every size: each row is exactly as wide as the
    /// screen (nothing overflows or leaves a half wide character), nothing
    /// unsafe is drawn, the screen is never blank, and where there is room
    /// the screen asked for is the one shown.
    @Test func everyScreenFitsEverySize() throws {
        let fixture = try TUIFixture()
        let steps: [([Key], String?)] = [([.char("?")], "Keys"), ([.escape, .char("i")], "Invite a team member"),
                                         ([.escape, .char("v")], "Inboxes (3)"), ([.char("v"), .tab], "Invitations ("),
                                         ([.char("x")], "revoke: no invitation selected"), ([.escape, .enter], nil)]
        for (cols, rows) in [(20, 6), (40, 10), (69, 24), (70, 24), (100, 30), (200, 60), (16, 4), (1, 1)] {
            var (state, runtime) = try fixture.app(size: Size(cols: cols, rows: rows))
            for (keys, shown) in steps {
                runtime.press(contentsOf: keys, into: &state)
                let grid = AppView.render(state).grid
                for y in 0..<grid.size.rows {
                    var cells = 0
                    for x in 0..<grid.size.cols { cells += grid[x, y].isContinuation ? 0 : Int(grid[x, y].width) }
                    #expect(cells == cols, "\(cols)x\(rows) after \(keys), row \(y)")
                }
                #expect(!grid.cells.contains { $0.text.unicodeScalars.contains(where: TerminalText.isUnsafe) })
                #expect(grid.text().contains { !$0.isWhitespace }, "\(cols)x\(rows) after \(keys): blank")
                if let shown, cols >= 69, rows >= 24 {
                    #expect(grid.text().contains(shown), "\(cols)x\(rows) after \(keys): \(grid.text())")
                }
            }
        }
    }
}

extension Runtime {
    func press(contentsOf keys: [Key], into state: inout AppState) {
        for key in keys { settle(dispatch(.key(key), &state), &state) }
    }
}

/// The demo at 100x30, as a new user first sees it.
@Suite(.timeLimit(.minutes(10))) struct DemoScreenTests {
    @Test func everyEmailOnTheDemoScreenTellsItsRowApart() throws {
        let dir = TempDirectory()
        let path = dir.file("demo.db")
        let identity = OperatorIdentity(osLogin: "demo-user", interface: .tui)
        _ = try SQLiteWorkspace.createDemo(path: path, members: 60, identity: identity, options: StoreOptions())
        let workspace = try SQLiteWorkspace.open(path: path, identity: identity, options: StoreOptions())
        let runtime = Runtime(workspace: workspace)
        var state = AppState(size: Size(cols: 100, rows: 30), glyphs: .unicode)
        runtime.settle(runtime.start(&state), &state)
        let grid = AppView.render(state).grid
        Snapshot.assert(grid, named: "demo-100x30")
        let rows = grid.text().split(separator: "\n").dropFirst(3).prefix(state.layout.memberRows)
        let emails = rows.map { row in
            String(row.split(separator: " ", omittingEmptySubsequences: true).first { $0.contains("@") } ?? "")
        }
        #expect(emails.count == state.layout.memberRows)
        #expect(emails.allSatisfy { $0.hasSuffix("@demo.example") }, "the domain is kept whole: \(emails)")
        #expect(Set(emails).count == emails.count, "no two rows look the same: \(emails)")
    }
}

/// The smallest terminals still work: the focused field shows, a member row shows, the note fits.
@Suite(.timeLimit(.minutes(10))) struct SmallTerminalTests {
    @Test func theInviteWindowScrollsToTheFocusedField() {
        for size in [Size(cols: 20, rows: 6), Size(cols: 30, rows: 8)] {
            var state = Sample.started(size: size)
            _ = App.update(&state, .key(.char("i")))
            #expect(AppView.render(state).grid.text().contains("Email"), "\(size)")
            _ = App.update(&state, .key(.tab))
            #expect(AppView.render(state).grid.text().contains("Role"), "\(size)")
            _ = App.update(&state, .key(.tab))
            for _ in 0..<2 { _ = App.update(&state, .key(.char("j"))) }
            let grid = AppView.render(state).grid
            #expect(grid.text().contains("[ ] +141"), "inboxes show at \(size): \(grid.text())")
            #expect(grid.styleMarks().contains("S"), "the inbox under the cursor is on screen at \(size)")
            if size.cols >= 30 { #expect(grid.text().contains("+14155550190")) }
        }
    }

    @Test func theSmallestSupportedSizeShowsAMemberRow() {
        let state = Sample.started(size: Layout.minimumSize)
        let text = AppView.render(state).grid.text()
        #expect(text.contains("Adam Admin"), "\(text)")
    }

    @Test func theTooSmallNoteFitsWhateverTheWidth() {
        for size in [Size(cols: 15, rows: 10), Size(cols: 8, rows: 12), Size(cols: 40, rows: 3)] {
            let text = AppView.render(Sample.started(size: size)).grid.text()
            let words = text.split(whereSeparator: { $0 == " " || $0 == "\n" }).joined(separator: " ")
            if size.rows >= 5 {
                #expect(words.contains("enlarge the terminal to at least 16x4"), "\(size): \(text)")
            } else {
                #expect(text.hasPrefix("clerk-team: enlarge"), "\(size): \(text)")
            }
        }
    }
}

@Suite(.timeLimit(.minutes(10))) struct FooterTests {
    func footer(_ state: AppState) -> String {
        String(AppView.render(state).grid.text().split(separator: "\n", omittingEmptySubsequences: false).last ?? "")
    }

    @Test func theMostUsefulHintsAlwaysFitAndHelpIsAlwaysThere() {
        let wide = footer(Sample.started(size: Size(cols: 100, rows: 30)))
        for hint in ["Tab inboxes", "i invite", "/ filter", "r role", "v by inbox", "? help", "q quit"] {
            #expect(wide.contains(hint), "\(hint) in: \(wide)")
        }
        #expect(wide.hasPrefix("Tab inboxes  i invite"), "most useful first: \(wide)")
        for cols in [16, 20, 30, 50] {
            let narrow = footer(Sample.started(size: Size(cols: cols, rows: 10)))
            #expect(narrow.contains("? help"), "\(cols) cols: \(narrow)")
        }
        let tiny = footer(Sample.started(size: Size(cols: 16, rows: 10)))
        #expect(!tiny.contains("q quit") || tiny.contains("? help"))
    }
}
