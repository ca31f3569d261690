import Foundation
import Testing
import TestSupport

/// Overrides made in the member window reach the member's own screen.
@Suite(.serialized, .timeLimit(.minutes(10)))
struct PermissionScreenTests {
    @Test func anOverrideGivenInTheMemberWindowShowsInThatMembersOwnScreen() throws {
        let h = try TUIHarness()
        try h.seedTeam()
        // The agent's own screen, in a second terminal: no invite key (agents lack add-team-members).
        let agent = try TmuxSession()
        defer { agent.stop() }
        try agent.start([h.binary, "--db", h.db, "--as", "agent@acme.test"], environment: h.environment)
        var theirs = try agent.waitFor("q quit")
        #expect(!theirs.contains("i invite"))

        try h.openTUI()
        try h.select("agent@acme.test", name: "Agent Person")
        try h.tmux.press("Enter")
        try h.tmux.waitFor("Space overrides one")
        // add-team-members is the tenth permission.
        for _ in 0..<9 { try h.tmux.press("j") }
        try h.tmux.waitUntil("the cursor on add-team-members") { $0.contains("Space grant") }
        try h.tmux.press("Space")
        try h.tmux.waitUntil("the granted override and its new key") {
            $0.contains("override: granted") && $0.contains("Space drop override")
        }
        #expect(try h.ok("can", "agent@acme.test", "add-team-members").contains("yes"))

        theirs = try agent.waitFor("i invite")
        #expect(theirs.contains("i invite"), "their screen follows within a second")
        try agent.press("q")
        try h.tmux.press("Escape", "q")
        #expect(try h.tmux.waitForExit() == 0)
    }
}

/// The roles view: a changed default is marked, and a workspace-admin changes one with Space.
@Suite(.serialized, .timeLimit(.minutes(10)))
struct RolesViewTests {
    @Test func theRolesViewMarksAChangedDefaultAndSpaceChangesOne() throws {
        let h = try TUIHarness()
        try h.seedTeam()
        try h.ok("roles", "set", "member", "+add-inbox")
        try h.openTUI()
        try h.tmux.press("5")
        var screen = try h.tmux.waitUntil("the whole matrix") {
            $0.contains("default permissions in this workspace") && $0.contains("changed in this workspace") && $0.contains("delete-messages")
        }
        let addInbox = try #require(h.line(containing: "add-inbox", in: screen))
        #expect(addInbox.contains("✓*"), "member's add-inbox is marked changed: \(addInbox)")
        // The agent column (fourth), first row (add-inbox): not held; Space adds it.
        try h.tmux.press("l", "l", "l")
        try h.tmux.waitFor("Space add")
        try h.tmux.press("Space")
        screen = try h.tmux.waitFor("agent +add-inbox")
        #expect(try h.ok("roles", "--json").contains("\"+add-inbox\""))
        let row = try #require(h.line(containing: "add-inbox", in: screen))
        #expect(row.components(separatedBy: "✓*").count - 1 == 2, "agent and member changed: \(row)")
        try h.tmux.press("q")
        #expect(try h.tmux.waitForExit() == 0)
    }
}
