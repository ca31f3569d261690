import Foundation
import Testing
import TestSupport

/// What the guard forbids is explained (disabled) or not offered (hidden) on
/// the real screen, and pressing the key anyway changes nothing in the file.
@Suite(.serialized, .timeLimit(.minutes(10)))
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
        // The footer shows the disabled keys dimmed, the available ones bold.
        let styled = try h.tmux.captureStyled()
        for hint in ["r role", "d deactivate"] {
            let style = try #require(styled.style(of: hint))
            #expect(style.dim && !style.bold, "'\(hint)' is not shown disabled: \(style)")
        }
        #expect(styled.style(of: "/ filter")?.bold == true)
        let screen = styled.text
        #expect(!screen.contains("Role of "), "no role picker opened")
        #expect(!screen.contains("Remove "), "no removal prompt opened")
        #expect(h.memberRow("Workspace-Ad", in: screen)?.contains(" on ") == true, "still active")
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
}
