import Foundation
import Testing
import TestSupport

/// Changes made with keys in the real interface land in the workspace file
/// (checked through the CLI), and changes by another process reach the screen.
@Suite(.serialized, .timeLimit(.minutes(10)))
struct EditingTests {
    @Test func spaceInTheInboxPaneAssignsAndUnassignsWithACheckMark() throws {
        let h = try TUIHarness()
        try h.seedTeam()
        try h.openTUI()
        try h.tmux.waitFor("Inboxes of Admin Person")
        try h.tmux.press("j")
        try h.tmux.waitFor("Inboxes of Agent Person")
        try h.tmux.press("Tab")
        try h.tmux.waitFor("Space assign")

        try h.tmux.press("Space")
        try h.tmux.waitUntil("✓ beside +14155550100") { h.line(containing: "+1 415-555-0100", in: $0)?.contains("✓") == true }
        try h.tmux.waitFor("Space unassign")
        #expect(try h.inboxMembers("+14155550100") == ["agent@acme.test"])
        #expect(try h.member("agent@acme.test")?["inboxes"] as? [String] == ["+14155550100"])

        try h.tmux.press("Space")
        try h.tmux.waitUntil("no ✓ beside +14155550100") { h.line(containing: "+1 415-555-0100", in: $0)?.contains("✓") == false }
        try h.tmux.waitFor("Space assign")
        #expect(try h.inboxMembers("+14155550100") == [])
        #expect(try h.member("agent@acme.test")?["inboxes"] as? [String] == [])

        let events = try h.auditEvents().suffix(2)
        #expect(events.map { $0["action"] as? String } == ["inbox.assign", "inbox.unassign"])
        #expect(events.allSatisfy { $0["interface"] as? String == "tui" && $0["target"] as? String == "agent@acme.test" })
    }

    @Test func rolePickerSetsTheChosenRole() throws {
        let h = try TUIHarness()
        try h.seedTeam()
        try h.openTUI()
        try h.tmux.press("j")
        try h.tmux.waitFor("Inboxes of Agent Person")
        try h.tmux.press("r")
        try h.tmux.waitFor("Role of Agent Person")
        try h.tmux.waitFor("now agent")
        // The picker lists roles by rank (workspace-admin first): to the top, then two down.
        try h.tmux.press("k", "k", "k", "k", "k", "j", "j", "Enter")
        try h.tmux.waitUntil("Agent Person shown as manager") { screen in
            !screen.contains("Role of Agent Person") && h.memberRow("Agent Person", in: screen)?.contains("manager") == true
        }
        #expect(try h.member("agent@acme.test")?["role"] as? String == "manager")
        let last = try h.auditEvents().last
        #expect(last?["target"] as? String == "agent@acme.test")
        #expect(last?["interface"] as? String == "tui")
    }

    @Test func anotherProcessesChangesAppearWithinASecond() throws {
        let h = try TUIHarness()
        try h.seedTeam()
        try h.openTUI()
        try h.tmux.press("j")
        try h.tmux.waitFor("Inboxes of Agent Person")
        try h.tmux.waitUntil("Agent Person without inboxes") { h.line(containing: "+1 415-555-0100", in: $0)?.contains("✓") == false }

        try h.ok("assign", "agent@acme.test", "+14155550100")
        try h.tmux.waitUntil("✓ from the other process", timeout: 1) {
            h.line(containing: "+1 415-555-0100", in: $0)?.contains("✓") == true
        }

        try h.ok("members", "set-role", "agent@acme.test", "manager")
        try h.tmux.waitUntil("the role from the other process", timeout: 1) {
            h.memberRow("Agent Person", in: $0)?.contains("manager") == true
        }
    }

    @Test
    func inviteModalQueuesAPendingInvitation() throws {
        let h = try TUIHarness()
        try h.seedTeam()
        try h.openTUI()
        try h.tmux.press("i")
        try h.tmux.waitFor("Invite a team member")
        try h.tmux.type("new.person@acme.test")
        try h.tmux.waitFor("looks right")
        try h.tmux.press("Tab")
        // Offered roles run highest first and `member` is preselected: one up is agent.
        try h.tmux.press("k")
        try h.tmux.waitFor("(agent)")
        try h.tmux.press("Tab", "Space")
        try h.tmux.waitFor("[✓] +1 415-555-0100")
        try h.tmux.press("Enter")
        try h.tmux.waitUntil("the modal to close") { !$0.contains("Invite a team member") }

        let invitation = try h.jsonArray("invites", "list", "--json").first { $0["email"] as? String == "new.person@acme.test" }
        #expect(invitation?["role"] as? String == "agent")
        #expect(invitation?["inboxes"] as? [String] == ["+14155550100"])
        #expect(invitation?["status"] as? String == "pending")
    }
}
