import Foundation
import Testing
import TestSupport

/// What the guard forbids is explained (disabled) or not offered (hidden) on
/// the real screen, and pressing the key anyway changes nothing in the file.
@Suite(.serialized)
struct GuardTests {
    @Test func adminPressingRoleOrRemoveOnAWorkspaceAdminIsToldWhyAndNothingChanges() throws {
        let h = try TUIHarness()
        try h.seedTeam()
        let before = try h.snapshot()
        try h.openTUI(as: "admin@acme.test")
        try h.tmux.waitFor("(admin)")
        try h.select("workspace-admin@acme.test", name: "Workspace-Admin Person")

        // The status line gives the guard's reason (cut to the width: the full
        // sentence ends "; that needs a higher rank").
        try h.tmux.press("r")
        try h.tmux.waitFor("role: you are admin and cannot change the role of a member ranked workspace-admin")
        try h.tmux.press("x")
        try h.tmux.waitFor("remove: you are admin and cannot remove a member ranked workspace-admin")
        try h.tmux.press("d")
        try h.tmux.waitFor("deactivate: you are admin and cannot deactivate a member ranked workspace-admin")
        let screen = try h.tmux.capture()
        #expect(!screen.contains("Role of "), "no role picker opened")
        #expect(!screen.contains("Remove "), "no removal prompt opened")
        #expect(h.memberRow("Workspace-Ad", in: screen)?.contains("active") == true)
        try h.tmux.press("q")
        #expect(try h.tmux.waitForExit() == 0)
        #expect(try h.snapshot() == before)
    }

    @Test func memberOperatorSeesNoManagingHintsAndItsKeysChangeNothing() throws {
        let h = try TUIHarness()
        try h.seedTeam()
        let before = try h.snapshot()
        try h.openTUI(as: "member@acme.test")
        try h.tmux.waitFor("(member)")
        try h.tmux.press("j")
        try h.tmux.waitFor("Inboxes of Agent Person")
        let footer = try #require(h.line(containing: "q quit", in: try h.tmux.capture()))
        for hint in ["i invite", "r role", "x remove", "d deactivate"] {
            #expect(!footer.contains(hint), "footer offers '\(hint)': \(footer)")
        }
        #expect(footer.contains("? help"))

        for (key, label) in [("i", "invite"), ("r", "role"), ("x", "remove"), ("d", "deactivate")] {
            try h.tmux.press(key)
            try h.tmux.waitFor("\(label): not available to your role")
            let screen = try h.tmux.capture()
            #expect(!screen.contains("Invite a team member") && !screen.contains("Role of ") && !screen.contains("Remove "),
                    "'\(key)' opened a window:\n\(screen)")
        }
        // Assigning a higher-ranked member is refused with the reason.
        try h.tmux.press("Tab", "Space")
        try h.tmux.waitFor("assign: you are member and cannot change the inboxes of a member ranked agent")
        try h.tmux.press("q")
        #expect(try h.tmux.waitForExit() == 0)
        #expect(try h.snapshot() == before)
    }

    @Test func hostileNamesInTheFileAreShownAsVisibleEscapes() throws {
        let h = try TUIHarness()
        try h.seedTeam()
        // Someone with write access to the file plants terminal escapes directly.
        h.plantSQL("UPDATE members SET name = 'Eve\u{1b}]0;pwned\u{07}\u{1b}[2J\u{9b}31m\u{202e}gnp' WHERE email = 'agent@acme.test'")
        h.plantSQL("UPDATE inboxes SET name = 'V\u{1b}[5mI\u{85}P\u{2066}' WHERE phone = '+14155550190'")
        try h.openTUI()
        try h.tmux.press("j")
        var screen = try h.tmux.waitFor(#"Inboxes of Eve\x1b]0;pwned\x07"#)
        #expect(screen.contains(#"│Eve\x1b]0;"#), "the list row shows the escapes")
        #expect(screen.contains(#"V\x1b[5mI\"#), "the inbox pane shows the escapes")
        try h.tmux.press("Enter")
        screen = try h.tmux.waitFor(#"Eve\x1b]0;pwned\x07\x1b[2J\x9b31m\u{202e}gnp"#)

        // Nothing reached the terminal: title unchanged, screen not cleared, the rest intact.
        #expect(try h.tmux.display("#{pane_title}") == (try h.tmux.display("#{host}")))
        #expect(screen.hasPrefix(" clerk-team │ Acme │ Olive Owner (workspace-admin)"))
        #expect(screen.contains("Olive Owner"))
        #expect(screen.contains("Esc closes"))
        try h.tmux.press("Escape")
        screen = try h.tmux.waitUntil("the detail window to close") { !$0.contains("Esc closes") }
        #expect(h.memberRow("Admin Person", in: screen) != nil)
        #expect(h.memberRow("Workspace-Ad", in: screen) != nil)
        #expect(screen.contains("q quit"))
        try h.tmux.press("v")
        try h.tmux.waitFor(#"+14155550190    V\x1b[5mI\x85P\u{2066}"#)
        #expect(try h.tmux.display("#{pane_title}") == (try h.tmux.display("#{host}")))
    }
}
