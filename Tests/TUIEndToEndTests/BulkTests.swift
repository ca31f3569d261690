import Foundation
import Testing
import TestSupport

/// Marks and one bulk change, the audit view, and the palette, in a real terminal.
@Suite(.serialized, .timeLimit(.minutes(10)))
struct BulkEndToEndTests {
    @Test func aBulkAssignChangesTheAllowedAndNamesTheRefusedAsOneBatch() throws {
        let h = try TUIHarness()
        try h.seedTeam()
        try h.openTUI(as: "admin@acme.test")
        try h.tmux.waitFor("Inboxes of Admin Person")
        // Admin, Agent, Manager, Member marked; Olive skipped; Workspace-Admin Person (outranks an admin) marked.
        try h.tmux.press("Space", "Space", "Space", "Space", "j", "Space")
        try h.tmux.waitFor("5 marked")
        try h.tmux.press("Tab")
        try h.tmux.waitFor("Space assign 5 marked")
        try h.tmux.press("Space")
        let question = try h.tmux.waitUntil("the question, whole") {
            $0.contains("Assign to +14155550100: 4 member(s)?") && $0.contains("1 refused: rank (1)")
        }
        #expect(question.contains("4 of 5 marked will change"))
        try h.tmux.press("y")
        try h.tmux.waitFor("4 changed; 1 refused: rank (1)")
        #expect(Set(try h.inboxMembers("+14155550100"))
                == ["admin@acme.test", "agent@acme.test", "manager@acme.test", "member@acme.test"])
        let assigns = try h.auditEvents().filter { $0["action"] as? String == "inbox.assign" }
        #expect(assigns.count == 4)
        let batches = Set(assigns.compactMap { event -> String? in
            guard let after = event["after"] as? String,
                  let range = after.range(of: #""batch":"b-[0-9a-f]+""#, options: .regularExpression) else { return nil }
            return String(after[range])
        })
        #expect(batches.count == 1, "one batch: \(batches)")

        // The audit view shows them, newest first, with the batch in the details.
        try h.tmux.press("6")
        let audit = try h.tmux.waitUntil("the audit view with the batch") {
            $0.contains("Audit log, newest first") && $0.contains("batch: b-")
        }
        #expect(audit.components(separatedBy: "inbox.assign").count - 1 >= 4)
        try h.tmux.press("q")
        #expect(try h.tmux.waitForExit() == 0)
    }

    @Test func thePaletteFindsInviteForAnAdminButNotForAMember() throws {
        let h = try TUIHarness()
        try h.seedTeam()
        try h.openTUI(as: "admin@acme.test")
        try h.tmux.press(":")
        try h.tmux.waitFor("Commands")
        try h.tmux.type("invite")
        try h.tmux.waitFor("invite — Invite a member")
        try h.tmux.press("Escape", "q")
        #expect(try h.tmux.waitForExit() == 0)

        let member = try TmuxSession()
        defer { member.stop() }
        try member.start([h.binary, "--db", h.db, "--as", "member@acme.test"], environment: h.environment)
        try member.waitFor("q quit")
        try member.press(":")
        try member.waitFor("Commands")
        try member.type("invite")
        let screen = try member.waitFor("go to members matching 'invite'")
        #expect(!screen.contains("Invite a member"), "only the jump to a member, no invite action")
    }
}
