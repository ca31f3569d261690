import Foundation
import Testing
import TestSupport

/// Invitation mail to internationalised addresses, through the binary.
@Suite(.timeLimit(.minutes(10))) struct MailAddressCLITests {
    @Test func anInternationalisedDomainIsMailedInItsIDNAForm() throws {
        let team = try CLIWorkspace()
        try team.expectSuccess(["invite", "ann@bücher.example", "--role", "agent"])
        let mail = try #require(team.mails().first)
        #expect(mail.contains("\nTo: ann@xn--bcher-kva.example\n"))
        // People still see the address as written.
        #expect(try team.expectSuccess(["invites", "list"]).stdout.contains("ann@bücher.example"))
    }

    @Test func aNonASCIILocalPartIsRefusedBeforeAnythingIsInvited() throws {
        let team = try CLIWorkspace()
        let result = try team.run(["invite", "zoë@example.com", "--role", "agent"])
        #expect(result.status == 1)
        #expect(result.stderr.contains("'zoë@example.com' has letters outside ASCII before '@'; mail to it needs SMTPUTF8"))
        #expect(try team.expectSuccess(["invites", "list", "--json"]).stdout == "[]\n")
        #expect(team.mails().isEmpty)
    }

    /// An error echoes what was typed on one line, control characters visible.
    @Test func anErrorNeverEchoesALineBreakRaw() throws {
        let team = try CLIWorkspace()
        let result = try team.run(["invite", "ann\nBcc: x@evil.test", "--role", "agent"])
        #expect(result.status == 1)
        #expect(result.stderr.split(separator: "\n").count == 1, "\(result.stderr)")
        #expect(result.stderr.contains("U+000A") || result.stderr.contains("\\n"))
    }
}
