import Foundation
import Testing
import TestSupport

/// The status line on a real terminal: a message goes after about 5 s of
/// idle ticks, or at once on a view switch.
@Suite(.timeLimit(.minutes(10))) struct StatusLineEndToEndTests {
    @Test func aMessageGoesByItselfAndOnAViewSwitch() throws {
        let h = try TUIHarness()
        try h.seedTeam()
        try h.openTUI()
        try h.tmux.press("Z")
        try h.tmux.waitFor("Z: no action here; press ? for help")
        let shown = Date()
        try h.tmux.waitUntil("the message gone by itself", timeout: 9) { !$0.contains("no action here") }
        let after = Date().timeIntervalSince(shown)
        #expect(after > 3 && after < 8.5, "gone after \(after) s")

        try h.tmux.press("Z")
        try h.tmux.waitFor("Z: no action here")
        try h.tmux.press("3")
        try h.tmux.waitUntil("the view switched and the message gone", timeout: 2) {
            $0.contains("Invitations") && !$0.contains("no action here")
        }
        try h.tmux.press("q")
        #expect(try h.tmux.waitForExit() == 0)
    }
}
