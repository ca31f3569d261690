import Foundation
import Testing
import TestSupport

/// Keys that could lock the operator out ask first; a reflex answer is safe.
@Suite(.serialized, .timeLimit(.minutes(10)))
struct SafetyTests {
    @Test func deactivatingYourselfAsksAndNKeepsYouActive() throws {
        let h = try TUIHarness()
        try h.seedTeam()
        // Another workspace-admin someone logs in as: the owner is not the last who can manage the team.
        try h.plantSQL("UPDATE members SET login = 'second-admin' WHERE email = 'workspace-admin@acme.test'")
        try h.openTUI()
        try h.select("owner@acme.test", name: "Olive Owner")
        try h.tmux.press("d")
        // The whole window: a capture can land between two writes of one redraw.
        var screen = try h.tmux.waitUntil("the question with its consequence") {
            $0.contains("Deactivate yourself?") && $0.contains("you lose access to this workspace at once")
        }
        try h.tmux.press("n")
        try h.tmux.waitFor("deactivation cancelled; nothing changed")
        #expect(try h.member("owner@acme.test")?["status"] as? String == "active")

        // Yes at the first question still asks for the email; a wrong one changes nothing.
        try h.tmux.press("d")
        try h.tmux.waitFor("Deactivate yourself?")
        try h.tmux.press("y")
        try h.tmux.waitFor("Type owner@acme.test to confirm")
        try h.tmux.type("owner@acme")
        try h.tmux.press("Enter")
        screen = try h.tmux.waitFor("exactly to go on")
        #expect(!screen.contains("is now deactivated"), "a wrong answer changes nothing")
        try h.tmux.press("Escape")
        try h.tmux.waitFor("deactivation cancelled")
        #expect(try h.member("owner@acme.test")?["status"] as? String == "active")
        try h.tmux.press("q")
        #expect(try h.tmux.waitForExit() == 0)
    }

    @Test func deactivatingSomeoneElseAsksYesOrNoAndYesDoesIt() throws {
        let h = try TUIHarness()
        try h.seedTeam()
        try h.openTUI()
        try h.select("agent@acme.test", name: "Agent Person")
        try h.tmux.press("d")
        try h.tmux.waitFor("Deactivate Agent Person?")
        try h.tmux.press("Enter")
        try h.tmux.waitFor("deactivation cancelled")
        #expect(try h.member("agent@acme.test")?["status"] as? String == "active", "Enter is No")
        try h.tmux.press("d")
        try h.tmux.waitFor("Deactivate Agent Person?")
        try h.tmux.press("y")
        try h.tmux.waitFor("agent@acme.test is now deactivated")
        #expect(try h.member("agent@acme.test")?["status"] as? String == "deactivated")
    }

    @Test func beingDeactivatedBySomeoneElseShowsItAtOnce() throws {
        let h = try TUIHarness()
        try h.seedTeam()
        // A second admin, to deactivate the operator from outside.
        try h.ok("members", "set-role", "admin@acme.test", "workspace-admin")
        try h.plantSQL("UPDATE members SET login = 'second-admin' WHERE email = 'admin@acme.test'")
        try h.openTUI()
        try h.tmux.waitFor("Olive Owner")
        try h.ok("--as", "admin@acme.test", "members", "deactivate", "owner@acme.test")
        let screen = try h.tmux.waitUntil("the notice, whole") { $0.contains("You were deactivated") && $0.contains("q quit") }
        #expect(!screen.contains("Agent Person"), "no stale rows")
        try h.ok("--as", "admin@acme.test", "members", "reactivate", "owner@acme.test")
        try h.tmux.waitFor("your access is back")
        try h.tmux.waitFor("Agent Person")
        try h.tmux.press("q")
        #expect(try h.tmux.waitForExit() == 0)
    }
}

/// The smallest terminals in a real terminal.
@Suite(.serialized, .timeLimit(.minutes(10)))
struct SmallTerminalEndToEndTests {
    @Test func theInviteWindowFollowsTheFocusAtTwentyBySix() throws {
        let h = try TUIHarness()
        try h.seedTeam()
        try h.openTUI(cols: 20, rows: 6, waitFor: "? help")
        try h.tmux.press("i")
        try h.tmux.waitFor("Email")
        try h.tmux.press("Tab")
        try h.tmux.waitUntil("the role field on screen") { $0.contains("Role") && !$0.contains("Email") }
        try h.tmux.press("Tab")
        try h.tmux.waitFor("[ ] +1 4")
        try h.tmux.press("Escape", "q")
        #expect(try h.tmux.waitForExit() == 0)
    }

    @Test func theSmallestSizeShowsARowAndSmallerSaysHowBig() throws {
        let h = try TUIHarness()
        try h.seedTeam()
        try h.openTUI(cols: 16, rows: 4, waitFor: "? help")
        try h.tmux.waitFor("Admin Person")
        try h.tmux.resize(cols: 15, rows: 10)
        let screen = try h.tmux.waitFor("16x4")
        let words = screen.split(whereSeparator: { $0 == " " || $0 == "\n" }).joined(separator: " ")
        #expect(words.contains("enlarge the terminal to at least 16x4"), "\(screen)")
        try h.tmux.resize(cols: 16, rows: 4)
        try h.tmux.waitFor("Admin Person")
        try h.tmux.press("q")
        #expect(try h.tmux.waitForExit() == 0)
    }
}

/// `--view-as`: the interface exactly as another role sees it, read-only.
@Suite(.serialized, .timeLimit(.minutes(10)))
struct ViewAsTests {
    @Test func viewingAsAMemberShowsNoInviteRoleOrRemove() throws {
        let viewer = try TUIHarness()
        try viewer.seedTeam()
        let before = try viewer.snapshot()
        try viewer.tmux.start([viewer.binary, "--db", viewer.db, "--view-as", "member"], environment: viewer.environment)
        let screen = try viewer.tmux.waitFor("q quit")
        #expect(screen.contains("VIEWING AS role member (read-only)"), "\(screen)")
        let footer = String(screen.split(separator: "\n").last ?? "")
        for hidden in ["i invite", "r role", "x remove", "d deactivate"] {
            #expect(!footer.contains(hidden), "\(hidden) in \(footer)")
        }
        try viewer.tmux.press("i")
        try viewer.tmux.waitFor("not available to your role")
        try viewer.tmux.press("q")
        #expect(try viewer.tmux.waitForExit() == 0)
        #expect(try viewer.snapshot() == before, "looking changed nothing")
    }
}
