import Foundation
import Testing
import TestSupport

/// `accept -` on a terminal: it says what it waits for, reads one line, joins.
@Suite(.serialized, .timeLimit(.minutes(10)))
struct AcceptPromptTests {
    @Test func acceptDashAsksForTheTokenOnATerminalAndReadsOneLine() throws {
        let h = try TUIHarness()
        try h.seedTeam()
        try h.ok("invite", "ann@example.com", "--role", "agent")
        let folder = h.dir.file("data/clerk-team/mail")
        let names = try FileManager.default.contentsOfDirectory(atPath: folder).filter { $0.hasSuffix(".eml") }
        let mail = try String(contentsOfFile: folder + "/" + (try #require(names.first)), encoding: .utf8)
        let token = try #require(mail.split(separator: "\n").map { $0.trimmingCharacters(in: .whitespaces) }
            .first { $0.count == 52 && $0.allSatisfy { ("a"..."z").contains($0) || ("2"..."7").contains($0) } })
        try h.tmux.start([h.binary, "--db", h.db, "accept", "-", "--login", "ann"], environment: h.environment)
        try h.tmux.waitFor("Paste your invitation token")
        try h.tmux.type(token)
        try h.tmux.press("Enter")
        try h.tmux.waitFor("ann@example.com is now agent")
        #expect(try h.tmux.waitForExit() == 0)
    }
}
