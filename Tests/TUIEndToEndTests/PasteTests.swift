import Foundation
import Testing
import TestSupport

/// Pasted text is text: it goes into the focused field with its line breaks
/// dropped, and never runs as keys.
@Suite(.serialized, .timeLimit(.minutes(10)))
struct PasteTests {
    @Test func aPasteWithAnEmbeddedEnterChangesNothingOutsideTheField() throws {
        let h = try TUIHarness()
        try h.seedTeam()
        try h.openTUI()
        try h.tmux.press("j")
        try h.tmux.waitFor("Inboxes of Agent Person")
        try h.tmux.press("i")
        try h.tmux.waitFor("Invite a team member")
        // Enter then "d": as keys, this would send the invitation and deactivate Agent Person.
        try h.tmux.paste("paste2@ex.com\rd")
        let screen = try h.tmux.waitFor("paste2@ex.comd")
        #expect(screen.contains("Invite a team member"), "the window is still open")
        try h.tmux.press("Escape")
        try h.tmux.waitFor("invitation cancelled")
        #expect(try h.jsonArray("invites", "list", "--json").isEmpty, "no invitation was sent")
        #expect(try h.member("agent@acme.test")?["status"] as? String == "active", "nobody was deactivated")

        // Outside a text field a paste does nothing, and says so.
        try h.tmux.paste("x\rd")
        try h.tmux.waitFor("paste ignored")
        #expect(try h.member("agent@acme.test")?["status"] as? String == "active")
        try h.tmux.press("q")
        #expect(try h.tmux.waitForExit() == 0)
    }

    @Test func theFilterTakesAPasteWithoutItsLineBreaks() throws {
        let h = try TUIHarness()
        try h.seedTeam()
        try h.openTUI()
        try h.tmux.press("/")
        try h.tmux.paste("agent@\r\n")
        try h.tmux.waitFor("/agent@")
        try h.tmux.waitFor("Members (1 of")
        try h.tmux.press("C-c")
        #expect(try h.tmux.waitForExit() == 0)
    }
}
