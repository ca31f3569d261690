import Foundation
import Testing
import TestSupport

/// The interface as a terminal sees it: sizes, quitting, hang-ups, locales,
/// terminal types, and text from the file that must not reach the terminal raw.
@Suite(.serialized, .timeLimit(.minutes(10)))
struct TerminalTests {
    @Test func resizingRedrawsAndDegradesWithoutExiting() throws {
        let h = try TUIHarness()
        try h.seedTeam()
        try h.openTUI(cols: 100, rows: 30)
        try h.tmux.waitFor(" clerk-team │ Acme │ Olive Owner (workspace-admin) │ 6 members")
        try h.tmux.waitFor("Inboxes of Admin Person")

        // Narrow: one pane (the focused list), header cut to the width.
        try h.tmux.resize(cols: 60, rows: 20)
        // (Waiting for the footer too: a capture can land between two writes of one redraw.)
        var screen = try h.tmux.waitUntil("the one-pane layout") {
            !$0.contains("Inboxes of") && $0.contains("Members (6)") && $0.contains("q quit")
        }
        #expect(Self.widest(screen) <= 60)
        #expect(screen.contains("q quit"))
        #expect(TmuxSession.exitStatus(in: screen) == nil)

        // Tiny: the header keeps what matters (the program's name gives way first), the list keeps
        // one member row (no column heads), help and quit stay.
        try h.tmux.resize(cols: 20, rows: 6)
        screen = try h.tmux.waitUntil("the 20x6 layout") { screen in
            screen.hasPrefix(" Acme │ Olive Owner") && screen.contains("? help  q quit")
                && screen.contains("│Admin Person") && !screen.contains("NAME") && Self.widest(screen) <= 20
        }
        #expect(TmuxSession.exitStatus(in: screen) == nil)

        // Below the minimum: a note instead of the interface.
        try h.tmux.resize(cols: 12, rows: 3)
        screen = try h.tmux.waitFor("clerk-team:")
        #expect(!screen.contains("q quit"))

        try h.tmux.resize(cols: 100, rows: 30)
        screen = try h.tmux.waitFor("Inboxes of Admin Person")
        try h.tmux.waitFor(" clerk-team │ Acme │ Olive Owner (workspace-admin) │ 6 members")
        #expect(TmuxSession.exitStatus(in: screen) == nil)
        try h.tmux.press("q")
        #expect(try h.tmux.waitForExit() == 0)
    }

    @Test func quitExitsZeroAndRestoresTheTerminal() throws {
        let h = try TUIHarness()
        try h.seedTeam()
        try h.openTUI()
        #expect(try h.tmux.display("#{alternate_on}") == "1")
        try h.tmux.press("q")
        #expect(try h.tmux.waitForExit() == 0)
        try Self.expectRestored(h)
    }

    @Test func hangupEndsTheProgramPromptlyAndRestoresTheTerminal() throws {
        let h = try TUIHarness()
        try h.seedTeam()
        try h.openTUI()
        let pid = try h.tmux.programPID()
        #expect(TmuxSession.processName(of: pid) == "clerk-team")
        #expect(kill(pid, SIGHUP) == 0)
        // Promptly, and with 128 + SIGHUP (not the 0 of `q`), so a wrapper can
        // tell a dropped connection from a quit.
        #expect(try h.tmux.waitForExit(timeout: 2) == 129)
        try Self.expectRestored(h)
    }

    @Test(arguments: [SIGSEGV, SIGABRT])
    func aCrashStillRestoresTheTerminal(signal: Int32) throws {
        let h = try TUIHarness()
        try h.seedTeam()
        // The runtime's crash report must not wait at a prompt in the test.
        try h.openTUI(environment: ["SWIFT_BACKTRACE": "enable=no"])
        let pid = try h.tmux.programPID()
        #expect(try h.tmux.display("#{alternate_on}") == "1")
        #expect(kill(pid, signal) == 0)
        #expect(try h.tmux.waitForExit(timeout: 5) == 128 + signal, "killed by the signal, as the shell reports it")
        try Self.expectRestored(h)
    }

    /// The ASCII set (`+--` borders, `[x]` marks) when the locale is not UTF-8,
    /// and a working start on a plain vt100 or without colours.
    @Test(arguments: [
        (["LC_ALL": "C"], true),
        (["LC_ALL": "C", "TERM": "vt100"], true),
        (["TERM": "vt100"], true),
        (["NO_COLOR": "1"], false),
    ])
    func startsInOtherLocalesAndTerminals(environment: [String: String], ascii: Bool) throws {
        let h = try TUIHarness()
        try h.seedTeam()
        try h.ok("assign", "admin@acme.test", "+14155550100")
        try h.openTUI(environment: environment)
        let screen = try h.tmux.waitFor("+1 415-555-0100")
        #expect(h.memberRow("Admin Person", in: screen) != nil, "\(screen)")
        if ascii {
            #expect(screen.contains("+ Members (6) ---"))
            #expect(screen.contains("[x] +1 415-555-0100"))
            #expect(screen.contains("[ ] +1 415-555-0190"))
            #expect(!screen.contains("✓") && !screen.contains("─") && !screen.contains("│"))
        } else {
            #expect(screen.contains("┌ Members (6) ───"))
            #expect(h.line(containing: "+1 415-555-0100", in: screen)?.contains("✓") == true)
        }
        // Colours unless NO_COLOR (or a terminal without them); the selection shows either way.
        let styled = try h.tmux.captureStyled()
        let colours = environment["NO_COLOR"] == nil && environment["TERM"] != "vt100"
        #expect(styled.styles.contains(where: \.hasColour) == colours)
        let selected = try #require(styled.style(of: "Admin Person  "))
        #expect(colours ? selected.background != nil : selected.reverse, "selected row: \(selected)")
        try h.tmux.press("q")
        #expect(try h.tmux.waitForExit() == 0)
    }

    @Test(arguments: [["LC_ALL": "C"], ["LANG": "C.UTF-8"]])
    func flagsShowAsLettersAndZalgoKeepsItsLetters(environment: [String: String]) throws {
        let h = try TUIHarness()
        try h.seedTeam()
        try h.ok("members", "rename", "agent@acme.test", "Z\u{337}a\u{338}l\u{336}g\u{335}o\u{334} \u{1F1EF}\u{1F1F5}")
        try h.ok("members", "rename", "member@acme.test", "Ó Súil Łu Ør 山")
        try h.openTUI(environment: environment)
        let screen = try h.tmux.waitFor("Inboxes of Admin Person")
        let row = try #require(screen.split(separator: "\n").first { $0.contains("agent@") }.map(String.init), "\(screen)")
        #expect(row.contains("JP"), "the flag is its two letters: \(row)")
        #expect(!row.contains("??"), "\(row)")
        if environment["LC_ALL"] == "C" {
            #expect(row.contains("Zalgo JP"), "base letters kept without UTF-8: \(row)")
            let accented = try #require(screen.split(separator: "\n").first { $0.contains("member@") }.map(String.init), "\(screen)")
            #expect(accented.contains("O Suil Lu Or ??"), "accented letters read as their base letters: \(accented)")
        } else {
            #expect(row.contains("o\u{334} JP"), "marks kept with UTF-8: \(row)")
        }
        try h.tmux.press("q")
        #expect(try h.tmux.waitForExit() == 0)
    }

    @Test func hostileNamesInTheFileAreShownAsVisibleEscapes() throws {
        let h = try TUIHarness()
        try h.seedTeam()
        // Someone with write access to the file plants terminal escapes directly.
        try h.plantSQL("UPDATE members SET name = 'Eve\u{1b}]0;pwned\u{07}\u{1b}[2J\u{9b}31m\u{202e}gnp' WHERE email = 'agent@acme.test'")
        try h.plantSQL("UPDATE inboxes SET name = 'V\u{1b}[5mI\u{85}P\u{2066}' WHERE phone = '+14155550190'")
        try h.openTUI()
        try h.tmux.press("j")
        var screen = try h.tmux.waitFor(#"Inboxes of Eve\x1b]0;"#)
        #expect(screen.contains(#"│Eve\x1b]0;"#), "the list row shows the escapes")
        #expect(screen.contains(#"V\x1b[5mI"#), "the inbox pane shows the escapes")
        try h.tmux.press("Enter")
        // Wait for the whole detail window: a capture can land between two writes of one redraw.
        screen = try h.tmux.waitUntil("the detail window") {
            $0.contains(#"Eve\x1b]0;pwned\x07\x1b[2J\x9b31m\u{202e}gnp"#) && $0.contains("Esc close")
        }

        // Nothing reached the terminal: title unchanged, screen not cleared, the rest intact.
        #expect(try h.tmux.display("#{pane_title}") == (try h.tmux.display("#{host}")))
        #expect(screen.hasPrefix(" clerk-team │ Acme │ Olive Owner (workspace-admin)"))
        #expect(screen.contains("Olive Owner"))
        #expect(screen.contains("Esc close"))
        try h.tmux.press("Escape")
        screen = try h.tmux.waitUntil("the detail window to close") { !$0.contains("Esc close") }
        #expect(h.memberRow("Admin Person", in: screen) != nil)
        #expect(h.memberRow("Workspace-Ad", in: screen) != nil)
        #expect(screen.contains("q quit"))
        try h.tmux.press("v")
        try h.tmux.waitFor(#"+1 415-555-0190  US  V\x1b[5mI\x85P\u{2066}"#)
        #expect(try h.tmux.display("#{pane_title}") == (try h.tmux.display("#{host}")))
    }

    /// After the program: main screen back, cursor shown, no application keypad, no mouse reporting.
    static func expectRestored(_ h: TUIHarness) throws {
        #expect(try h.tmux.display("#{alternate_on} #{cursor_flag} #{keypad_cursor_flag} #{mouse_any_flag}") == "0 1 0 0")
        let screen = try h.tmux.capture()
        #expect(!screen.contains("q quit"), "the interface is still on the screen:\n\(screen)")
    }

    static func widest(_ screen: String) -> Int {
        screen.split(separator: "\n").map(\.count).max() ?? 0
    }
}
