import Foundation
import Testing
import TestSupport

/// Destructive commands without a terminal (as through `ssh host clerk-team …`) need --yes.
@Suite(.timeLimit(.minutes(10))) struct ConfirmationCLITests {
    static let commands: [([String], String)] = [
        (["members", "remove", "member@acme.test"], "remove member member@acme.test"),
        (["inboxes", "remove", "+14155550100"], "remove inbox +1 415-555-0100"),
        (["groups", "delete", "Night"], "delete group 'Night'"),
    ]

    @Test(arguments: commands.indices)
    func withoutATerminalTheyRefuseUnlessYesIsGiven(_ index: Int) throws {
        let (arguments, what) = Self.commands[index]
        let cli = try CLIHarness()
        try cli.seedTeam()
        try cli.ok("groups", "create", "Night")
        let before = try #require(cli.fileBytes())
        let refused = try cli.run(arguments)  // standard input is /dev/null: no terminal
        #expect(refused.status == 1)
        #expect(refused.stdout.isEmpty)
        #expect(refused.stderr == "clerk-team: not on a terminal, so nobody can confirm: add --yes to \(what); nothing changed\n")
        #expect(cli.fileBytes() == before)
        let done = try cli.run(arguments + ["--yes"])
        #expect(done.status == 0, "\(done.stderr)")
        #expect(cli.fileBytes() != before)
    }
}
