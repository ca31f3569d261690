import Foundation
import Testing
import TestSupport

/// The command line's typed confirmation, on a real terminal (tmux): the
/// path scripts never take, since off a terminal a removal needs --yes.
@Suite(.timeLimit(.minutes(10))) struct CLIConfirmationTests {
    /// Starts `arguments` on a terminal of its own (a tmux server per run).
    func runOnTerminal(_ h: TUIHarness, _ arguments: [String]) throws -> TmuxSession {
        let tmux = try TmuxSession()
        try tmux.start([h.binary, "--db", h.db] + arguments, environment: h.environment.merging(["NO_COLOR": "1"]) { $1 })
        return tmux
    }

    @Test func aWrongTypedAnswerCancelsTheRemovalAndTheRightOneRemoves() throws {
        let h = try TUIHarness()
        try h.seedTeam()
        let before = try h.ok("members", "list", "--json")
        let wrong = try runOnTerminal(h, ["members", "remove", "member@acme.test"])
        try wrong.waitFor("To remove member member@acme.test, type 'member@acme.test' and press Enter (anything else cancels):")
        try wrong.type("member@acme.tes")   // one letter short
        try wrong.press("Enter")
        #expect(try wrong.waitForExit() == 1)
        #expect(try wrong.capture().contains("clerk-team: cancelled; nothing changed"))
        #expect(try h.ok("members", "list", "--json") == before)

        let right = try runOnTerminal(h, ["members", "remove", "member@acme.test"])
        try right.waitFor("type 'member@acme.test'")
        try right.type("Member@Acme.test")   // an email's case does not matter
        try right.press("Enter")
        #expect(try right.waitForExit() == 0)
        #expect(try h.member("member@acme.test") == nil)
    }

    /// A removal the guard refuses, or of someone who is not there, fails
    /// at once: nobody is asked to type a confirmation for nothing.
    @Test func aRefusedOrMissingRemovalFailsBeforeAnyConfirmation() throws {
        let h = try TUIHarness()
        try h.seedTeam()
        for (arguments, message) in [
            (["--as", "agent@acme.test", "members", "remove", "manager@acme.test"], "clerk-team: refused (rank): you are agent and cannot remove a member ranked manager"),
            (["members", "remove", "nobody@acme.test"], "clerk-team: no member nobody@acme.test in this workspace"),
        ] {
            let tmux = try runOnTerminal(h, arguments)
            #expect(try tmux.waitForExit() == 1, "\(arguments)")
            let screen = try tmux.capture()
            #expect(screen.contains(message), "\(arguments): \(screen)")
            #expect(!screen.contains("type '"), "\(arguments): asked anyway: \(screen)")
        }
        #expect(try h.member("manager@acme.test") != nil)
    }
}

/// A number asked for as it is shown may be typed as people write it.
@Suite(.timeLimit(.minutes(10))) struct CLINumberConfirmationTests {
    @Test func anInboxRemovalAsksForTheNumberAsShownAndTakesItWithPunctuation() throws {
        let h = try TUIHarness()
        try h.seedTeam()
        let confirmations = CLIConfirmationTests()
        let wrong = try confirmations.runOnTerminal(h, ["inboxes", "remove", "+1 (415) 555-0100"])
        try wrong.waitFor("To remove inbox +1 415-555-0100, type '+1 415-555-0100' and press Enter (anything else cancels):")
        try wrong.type("+1 (415) 555-010")   // a digit short
        try wrong.press("Enter")
        #expect(try wrong.waitForExit() == 1)
        #expect(try h.ok("inboxes", "list", "--json").contains("+14155550100"))

        let right = try confirmations.runOnTerminal(h, ["inboxes", "remove", "+14155550100"])
        try right.waitFor("type '+1 415-555-0100'")
        try right.type("+1 (415) 555-0100")
        try right.press("Enter")
        #expect(try right.waitForExit() == 0)
        #expect(!(try h.ok("inboxes", "list", "--json").contains("+14155550100")))
    }
}
