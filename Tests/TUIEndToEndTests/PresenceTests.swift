import Foundation
import Testing
import TestSupport

/// Who else has the workspace open: no database writes, gone when a process dies.
@Suite(.serialized, .timeLimit(.minutes(10)))
struct PresenceTests {
    @Test func twoInterfacesSeeEachOtherAndAKilledOneLeavesAtOnce() throws {
        let h = try TUIHarness()
        try h.seedTeam()
        let before = try h.snapshot()
        try h.openTUI()
        let other = try TmuxSession()
        defer { other.stop() }
        try other.start([h.binary, "--db", h.db, "--as", "agent@acme.test"], environment: h.environment)
        try other.waitFor("1 more here")
        try h.tmux.waitFor("1 more here")
        try h.tmux.press("w")
        let who = try h.tmux.waitUntil("the agent in the window") { $0.contains("Agent Person <agent@acme.test>") }
        #expect(who.contains("members"), "which view they are on")
        #expect(try h.ok("who").contains("agent@acme.test"))
        try h.tmux.press("Escape")

        let pid = try other.programPID()
        #expect(kill(pid, SIGKILL) == 0)
        let started = Date()
        try h.tmux.waitUntil("the killed one gone", timeout: 3) { !$0.contains("more here") }
        #expect(Date().timeIntervalSince(started) < 1.5, "gone within about a second")
        #expect(try h.snapshot() == before, "presence writes nothing to the workspace")
        try h.tmux.press("q")
        #expect(try h.tmux.waitForExit() == 0)
    }
}
