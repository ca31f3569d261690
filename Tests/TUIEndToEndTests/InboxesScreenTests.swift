import Foundation
import Testing
import TestSupport

/// The inboxes view's keys in a real terminal: `n` adds an inbox from a
/// number as people write it, `x` removes it once its number is typed; the
/// command line sees each change.
@Suite(.serialized, .timeLimit(.minutes(10)))
struct InboxesScreenTests {
    @Test func anInboxIsAddedAndRemovedThroughTheKeys() throws {
        let h = try TUIHarness()
        try h.seedTeam()
        try h.openTUI()
        try h.tmux.press("2")
        try h.tmux.waitFor("Inboxes (2)")
        try h.tmux.press("n")
        try h.tmux.waitFor("New inbox")
        try h.tmux.type("+1 (415) 555-0140 Front Desk private")
        try h.tmux.press("Enter")
        _ = try h.tmux.waitUntil("the new inbox listed") { $0.contains("Inboxes (3)") && $0.contains("Front Desk") }
        let added = try h.jsonArray("inboxes", "list", "--json").first { $0["phone"] as? String == "+14155550140" }
        #expect(added?["name"] as? String == "Front Desk")
        #expect(added?["visibility"] as? String == "private")

        // By number it is the second row.
        try h.tmux.press("j")
        try h.tmux.press("x")
        try h.tmux.waitFor("Remove inbox Front Desk")
        try h.tmux.type("+1 415 555 014")
        try h.tmux.press("Enter")
        try h.tmux.waitFor("type +1 415-555-0140 exactly")
        #expect(try h.jsonArray("inboxes", "list", "--json").count == 3, "a part of the number removes nothing")
        try h.tmux.type("0")
        try h.tmux.press("Enter")
        _ = try h.tmux.waitUntil("the inbox gone") { $0.contains("Inboxes (2)") && !$0.contains("Front Desk") }
        let phones = try h.jsonArray("inboxes", "list", "--json").compactMap { $0["phone"] as? String }
        #expect(phones == ["+14155550100", "+14155550190"])
        try h.tmux.press("q")
        #expect(try h.tmux.waitForExit() == 0)
    }
}
