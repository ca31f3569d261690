import Foundation
import Testing
import TestSupport

/// The inbox pane on a real terminal: an inbox held through a group is marked
/// with the group, Space on it says so, and joining or leaving the group
/// elsewhere moves the ✓ with no further step.
@Suite(.serialized, .timeLimit(.minutes(10)))
struct GroupInboxPaneTests {
    static func vipRow(_ screen: String) -> String? {
        screen.split(separator: "\n").map(String.init).first { $0.contains("+1 415-555-0190") }
    }

    @Test func theCheckPaneMarksInboxesHeldThroughAGroupAndFollowsTheGroup() throws {
        let h = try TUIHarness()
        try h.seedTeam()
        try h.ok("groups", "create", "Night shift")
        try h.ok("groups", "add", "Night shift", "agent@acme.test")
        try h.ok("inboxes", "assign-group", "+14155550190", "Night shift")
        try h.ok("assign", "agent@acme.test", "+14155550100")
        try h.openTUI()
        try h.select("agent@acme.test", name: "Agent Person")
        var screen = try h.tmux.waitFor("via Night")
        let vip = try #require(Self.vipRow(screen))
        #expect(vip.contains("✓") && vip.contains("via Night"), "\(vip)")
        let support = try #require(h.line(containing: "+1 415-555-0100", in: screen))
        #expect(support.contains("✓") && support.contains("Support") && !support.contains("via"), "a direct assignment is not marked: \(support)")

        // On the VIP row the pane says how, the footer names the group, and Space explains instead of toggling.
        try h.tmux.press("Tab")
        try h.tmux.press("j")
        screen = try h.tmux.waitFor("VIP: via group Night shift")
        #expect(screen.contains("Space via Night shift"), "\(screen)")
        let before = try h.snapshot()
        try h.tmux.press("Space")
        try h.tmux.waitFor("through group 'Night shift'")
        #expect(try h.snapshot() == before, "Space on a group's inbox changed nothing")

        // Leaving the group elsewhere takes the inbox away in that one change; joining gives it back.
        try h.ok("groups", "remove", "Night shift", "agent@acme.test")
        screen = try h.tmux.waitUntil("the ✓ on VIP goes") { Self.vipRow($0).map { !$0.contains("✓") } ?? false }
        #expect(Self.vipRow(screen)?.contains("VIP") == true)
        try h.ok("groups", "add", "Night shift", "agent@acme.test")
        screen = try h.tmux.waitUntil("the ✓ via Night shift comes back") {
            Self.vipRow($0).map { $0.contains("✓") && $0.contains("via Night") } ?? false
        }
        try h.tmux.press("q")
        #expect(try h.tmux.waitForExit() == 0)
    }
}

/// `u` on the audit view of a real terminal: the exact inverse is shown, `y` makes it.
@Suite(.serialized, .timeLimit(.minutes(10)))
struct AuditUndoTUITests {
    @Test func undoFromTheAuditViewShowsTheInverseAndMakesItOnYes() throws {
        let h = try TUIHarness()
        try h.seedTeam()
        try h.ok("members", "set-role", "agent@acme.test", "manager")
        try h.openTUI()
        try h.tmux.press("6")
        try h.tmux.waitFor("member.set-role")
        try h.tmux.press("u")
        let question = try h.tmux.waitFor("Undo: set agent@acme.test's role back to agent (now manager).")
        #expect(question.contains("Undo #"), "\(question)")
        try h.tmux.press("y")
        try h.tmux.waitFor("undid #")
        #expect(try h.member("agent@acme.test")?["role"] as? String == "agent")
        // The selection stays on the change just undone: it has moved on, so undoing it again is
        // refused with the reason (cut to the width) and nothing is asked.
        try h.tmux.press("u")
        let refused = try h.tmux.waitFor("cannot be undone: agent@acme.test's role has changed")
        #expect(!refused.contains("Undo: "), "no question was asked")
        try h.tmux.press("q")
        #expect(try h.tmux.waitForExit() == 0)
    }
}
