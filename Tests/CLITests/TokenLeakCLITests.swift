import Foundation
import Testing
import TestSupport

/// The raw token reaches only the invitee's mail: not a terminal, not a log.
@Suite(.timeLimit(.minutes(10))) struct TokenLeakCLITests {
    @Test func aFailingSendmailThatEchoesItsInputShowsNoTokenAnywhere() throws {
        let team = try CLIWorkspace()
        // A relay that complains about the lines it dislikes by repeating them.
        try team.writeConfig(#"{"transport": {"kind": "sendmail", "command": ["/bin/sh", "-c", "grep -E '[a-z2-7]{52}' >&2; exit 75"]}}"#)
        let invited = try team.run(["invite", "ann@example.com", "--role", "agent"])
        #expect(invited.status == 0, "\(invited.stderr)")
        #expect(invited.stdout.contains("not delivered") && invited.stdout.contains("status 75"), "\(invited.stdout)")
        let json = try team.run(["invite", "bo@example.com", "--role", "agent", "--json"])
        let status = try team.expectSuccess(["mail", "status"]).stdout + (try team.expectSuccess(["mail", "status", "--json"]).stdout)
        let flush = try team.run(["mail", "flush", "--all"])
        #expect(flush.status == 1)
        // Now the real transport: the tokens were these.
        try team.writeConfig(#"{"transport": {"kind": "folder", "path": "\#(team.mailFolder)"}}"#)
        try team.expectSuccess(["mail", "flush", "--all"])
        let tokens = team.mails().compactMap(CLIWorkspace.token(in:))
        #expect(tokens.count == 2)
        let printed = [invited.stdout, invited.stderr, json.stdout, json.stderr, status, flush.stdout, flush.stderr]
        for token in tokens {
            for text in printed { #expect(!text.contains(token), "\(text)") }
        }
    }
}
