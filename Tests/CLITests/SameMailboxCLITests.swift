import Foundation
import Testing
import TestSupport

/// One mailbox, two spellings: a domain in Unicode and in its ASCII (IDNA)
/// form reach the same person, so the workspace treats them as one address,
/// through the binary, in either order.
@Suite(.timeLimit(.minutes(10))) struct SameMailboxCLITests {
    static let unicode = "ann@bücher.example", ascii = "ann@xn--bcher-kva.example"

    @Test(arguments: [(unicode, ascii), (ascii, unicode)])
    func inviteByTheOtherSpellingReplacesThePendingInvitation(_ first: String, _ second: String) throws {
        let team = try CLIWorkspace()
        try team.expectSuccess(["invite", first, "--role", "member"])
        let again = try team.expectSuccess(["invite", second, "--role", "member"])
        // As for the same spelling twice: one pending invitation, one seat.
        #expect(again.stdout.contains("replaces pending invitation #1, whose token no longer works"), "\(again.stdout)")
        let listed = try #require(try JSONSerialization.jsonObject(
            with: Data(team.expectSuccess(["invites", "list", "--json"]).stdout.utf8)) as? [[String: Any]])
        #expect(listed.filter { $0["status"] as? String == "pending" }.count == 1, "\(listed)")
        // Every mail went to the ASCII form.
        let mails = team.mails()
        #expect(mails.count == 2)
        for mail in mails { #expect(mail.contains("\nTo: \(Self.ascii)\n"), "\(mail)") }
    }

    @Test(arguments: [(unicode, ascii), (ascii, unicode)])
    func aMemberCannotBeInvitedByTheOtherSpelling(_ first: String, _ second: String) throws {
        let team = try CLIWorkspace()
        try team.expectSuccess(["invite", first, "--role", "member"])
        try team.expectSuccess(["accept", try team.lastToken(), "--login", "ann"])
        let refused = try team.run(["invite", second, "--role", "member"])
        #expect(refused.status == 1)
        #expect(refused.stderr.contains("\(second) is already an active member of this workspace"), "\(refused.stderr)")
        #expect(team.mails().count == 1)
        // Any member command finds her by either spelling.
        try team.expectSuccess(["members", "rename", second, "Ann B"])
        #expect(try team.expectSuccess(["members", "list", "--json"]).stdout.contains(#""email":"\#(first)","name":"Ann B""#))
    }

    @Test func aFileListingBothSpellingsListsHerTwice() throws {
        let team = try CLIWorkspace()
        let file = team.dir.file("team.csv")
        try "email,role,inbox\n\(Self.unicode),member,\n\(Self.ascii),agent,\n".write(toFile: file, atomically: true, encoding: .utf8)
        let refused = try team.run(["invites", "import", file])
        #expect(refused.status == 1)
        #expect(refused.stderr.contains("line 3: \(Self.ascii) is already invited on line 2 of this file"), "\(refused.stderr)")
        #expect(try team.expectSuccess(["invites", "list", "--json"]).stdout == "[]\n")
        try team.expectSuccess(["invite", Self.unicode, "--role", "member"])
        try "email,role,inbox\n\(Self.ascii),agent,\n".write(toFile: file, atomically: true, encoding: .utf8)
        let pending = try team.run(["invites", "import", file])
        #expect(pending.status == 1 && pending.stderr.contains("line 2: \(Self.ascii) already has pending invitation #1"),
                "\(pending.stderr)")
    }
}
