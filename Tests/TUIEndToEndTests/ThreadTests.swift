import Foundation
import Testing
import TestSupport

/// A thread opened from the inboxes view in a real terminal: the newest
/// message at the bottom, untrusted text drawn inert, a long message
/// wrapped, and a message deleted after the question.
@Suite(.serialized, .timeLimit(.minutes(10)))
struct ThreadTests {
    @Test func aThreadOpensFromItsInboxNewestAtTheBottomAndAMessageIsDeletedAfterTheQuestion() throws {
        let h = try TUIHarness()
        try h.seedTeam()
        let long = "This is a long message that must wrap inside the thread view rather than run off the edge of the terminal; "
            + "it goes on for a while and ends with the word ENDMARK"
        var lines: [String] = []
        for index in 0..<40 {
            let object: [String: String] = [
                "inbox": "+14155550100", "contact": "+14155550123", "direction": index % 2 == 0 ? "in" : "out",
                "at": String(format: "2026-11-30T09:%02d:00Z", index),
                "text": index == 38 ? long : index == 39 ? "東京 👍 \u{1b}[31mred" : "message number \(index + 1)",
            ].merging(index % 2 == 0 ? [:] : ["by": "agent@acme.test"]) { $1 }
            lines.append(String(decoding: try JSONSerialization.data(withJSONObject: object, options: [.sortedKeys]), as: UTF8.self))
        }
        try (lines.joined(separator: "\n") + "\n").write(toFile: h.dir.file("m.jsonl"), atomically: true, encoding: .utf8)
        try h.ok("messages", "import", "m.jsonl")

        // The manager holds view-messages and delete-messages.
        try h.openTUI(as: "manager@acme.test")
        try h.tmux.press("2")
        try h.tmux.waitFor("t threads")
        try h.tmux.press("t")
        try h.tmux.waitUntil("Support's one thread") { $0.contains("Threads of Support (1)") && $0.contains("+1 415-555-0123") }
        try h.tmux.press("Enter")
        var screen = try h.tmux.waitUntil("the thread, newest at the bottom") {
            $0.contains("40 messages") && $0.contains("ENDMARK") && $0.contains("d delete")
        }
        // The newest message is the last one drawn, its escape shown inert; the long one wraps to more than one row.
        let body = screen.split(separator: "\n").map(String.init)
        let newest = try #require(body.lastIndex { $0.contains("東京") })
        #expect(body[newest].contains(#"\x1b[31mred"#))
        #expect(!body[(newest + 1)...].contains { $0.contains("#") }, "nothing below the newest message")
        let start = try #require(body.firstIndex { $0.contains("This is a long message") })
        let end = try #require(body.firstIndex { $0.contains("ENDMARK") })
        #expect(end > start, "the long message wraps")
        #expect(!screen.contains("message number 1 "))

        // Up to the long message, delete it after the question.
        try h.tmux.press("k")
        try h.tmux.press("d")
        try h.tmux.waitFor("Delete message #39?")
        try h.tmux.press("y")
        screen = try h.tmux.waitUntil("the message gone") { $0.contains("39 messages") && !$0.contains("ENDMARK") }
        #expect(screen.contains("deleted message #39"))
        let deleted = try h.auditEvents().filter { $0["action"] as? String == "message.delete" }
        #expect(deleted.count == 1)
        // Home reads the oldest messages.
        try h.tmux.press("g")
        try h.tmux.waitFor("message number 1 ")
        try h.tmux.press("Escape", "Escape", "q")
        #expect(try h.tmux.waitForExit() == 0)
    }
}

/// Threads on a terminal without UTF-8 (`LC_ALL=C`): direction and separators
/// in ASCII, not "?"; deleting the thread asks for the number as shown, in a
/// window wide enough to read, and takes it typed as people write it.
@Suite(.serialized, .timeLimit(.minutes(10)))
struct ASCIIThreadTests {
    @Test func previewsShowDirectionInASCIIAndTheDeleteQuestionTakesTheNumberAsWritten() throws {
        let h = try TUIHarness()
        try h.seedTeam()
        let lines = [
            #"{"at":"2026-11-30T09:00:00Z","contact":"+14155550123","direction":"out","inbox":"+14155550100","text":"Your order shipped","by":"agent@acme.test"}"#,
            #"{"at":"2026-11-30T09:01:00Z","contact":"+14155550123","direction":"in","inbox":"+14155550100","text":"Great, thanks"}"#,
        ]
        try (lines.joined(separator: "\n") + "\n").write(toFile: h.dir.file("m.jsonl"), atomically: true, encoding: .utf8)
        try h.ok("messages", "import", "m.jsonl")

        try h.openTUI(as: "manager@acme.test", environment: ["LC_ALL": "C"])
        try h.tmux.press("2")
        try h.tmux.waitFor("t threads")
        try h.tmux.press("t")
        var screen = try h.tmux.waitUntil("the thread listed") { $0.contains("Threads of Support (1)") && $0.contains("Great, thanks") }
        let row = try #require(screen.split(separator: "\n").first { $0.contains("Great, thanks") }.map(String.init))
        #expect(row.contains("< Great, thanks"), "\(row)")
        // The footer's "? help" is the only question mark: no glyph is drawn as one.
        #expect(screen.split(separator: "\n").filter { $0.contains("?") && !$0.contains("? help") }.isEmpty, "\(screen)")
        try h.tmux.press("Enter")
        screen = try h.tmux.waitUntil("the thread open") { $0.contains("2 messages") && $0.contains("Your order shipped") }
        #expect(screen.contains("< in ") && screen.contains("> out"), "\(screen)")
        #expect(screen.split(separator: "\n").filter { $0.contains("?") && !$0.contains("? help") }.isEmpty, "\(screen)")

        try h.tmux.press("D")
        screen = try h.tmux.waitFor("Type +1 415-555-0123 to confirm:")
        #expect(screen.contains("Delete the thread with +1 415-555-0123?"))
        let dialog = screen.split(separator: "\n").map { $0.split(separator: "|").dropFirst(1).first.map { $0.trimmingCharacters(in: .whitespaces) } ?? "" }
        #expect(dialog.joined(separator: " ").contains("deleted for everyone; this cannot be undone."),
                "the consequence is wrapped, not cut: \(screen)")
        try h.tmux.type("+1 (415) 555-0123")
        try h.tmux.press("Enter")
        try h.tmux.waitUntil("the thread gone") { !$0.contains("Great, thanks") && $0.contains("Threads of Support (0)") }
        try h.tmux.press("Escape", "q")
        #expect(try h.tmux.waitForExit() == 0)
    }
}
