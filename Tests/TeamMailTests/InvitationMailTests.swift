import Foundation
import Testing
import TeamCore
@testable import TeamMail

@Suite(.timeLimit(.minutes(10))) struct InvitationMailTests {
    func content(workspace: String = "Acme Ltd", inviter: String = "Wanda Admin", token: String = "tok3n") throws
        -> InvitationMailContent {
        InvitationMailContent(
            workspace: workspace, inviterName: inviter, inviterEmail: try EmailAddress("wanda@acme.test"),
            invitee: try EmailAddress("ann@example.com"), role: .agent,
            inboxes: [Inbox(id: 1, phone: try PhoneNumber("+14155550100"), name: "Support", visibility: .public, version: 1)],
            token: token, expiresAt: Timestamp(seconds: 1_800_000_000), workspacePath: "/srv/team/work space.db")
    }

    func message(_ content: InvitationMailContent, from: EmailAddress? = nil) throws -> MailMessage {
        try InvitationMail.message(content, from: from, date: Timestamp(seconds: 1_800_000_000),
                                   messageID: "<clerk-team.1.abc@acme.test>")
    }

    @Test func theMailHasOneRecipientAndTheTokenOnlyInTheBody() throws {
        let message = try message(content(), from: try EmailAddress("team@acme.test"))
        let text = message.rendered()
        let (head, body) = try #require(text.range(of: "\n\n").map { (String(text[..<$0.lowerBound]), String(text[$0.upperBound...])) })
        let names = head.split(separator: "\n").filter { !$0.hasPrefix(" ") }.map { String($0.prefix { $0 != ":" }) }
        #expect(names == ["From", "To", "Reply-To", "Subject", "Date", "Message-ID", "MIME-Version", "Content-Type",
                          "Content-Transfer-Encoding", "Auto-Submitted"])
        #expect(message.value(of: "To") == "ann@example.com")
        #expect(message.value(of: "From") == "\"Wanda Admin (via clerk-team)\" <team@acme.test>")
        #expect(message.value(of: "Date") == "Fri, 15 Jan 2027 08:00:00 +0000")
        #expect(!head.contains("tok3n"))
        // The token goes in on standard input, never on a command line where ps shows it.
        #expect(body.contains("clerk-team accept - --db '/srv/team/work space.db'"))
        #expect(body.contains("echo tok3n | clerk-team accept -"))
        #expect(!body.contains("clerk-team accept tok3n"))
        #expect(body.contains("Acme Ltd") && body.contains("as agent") && body.contains("+14155550100  Support (shared)"))
        #expect(body.contains("expires on 2027-01-15 at 08:00 UTC"))
        #expect(!body.contains("{{"))
        // Without a configured sender the inviter sends it, and there is no Reply-To.
        #expect(try self.message(content()).value(of: "Reply-To") == nil)
    }

    @Test func headerInjectionIsRefused() throws {
        var message = MailMessage(body: "hi")
        for (name, value) in [("To", "ann@example.com\r\nBcc: all@evil.test"), ("To", "ann@example.com\nBcc: x@y.z"),
                              ("To", "ann@example.com\0"), ("To", "ann@example.com\rX: y")] {
            #expect(throws: ValidationError.self) { try message.add(name, address: value) }
        }
        #expect(throws: ValidationError.self) { try message.add("Subject", text: "hello\r\nBcc: all@evil.test") }
        #expect(throws: ValidationError.self) { try message.add("Subject", text: "hello\u{85}there") }
        #expect(throws: ValidationError.self) { try message.add("From", address: "a@b.test", displayName: "Eve\nBcc: x@y.z") }
        #expect(throws: ValidationError.self) { try message.add("Bcc:", raw: "x") }
        #expect(throws: ValidationError.self) { try message.add("To", address: "Eve <eve@evil.test>, all@acme.test") }
        #expect(throws: ValidationError.self) { try message.add("Message-ID", raw: "<a@b>\r\nBcc: x@y.z") }
        #expect(message.fields.isEmpty)
        // Through the invitation builder too: a workspace or inviter name cannot smuggle a header.
        #expect(throws: ValidationError.self) { try self.message(content(inviter: "Wanda\r\nBcc: all@evil.test")) }
        #expect(throws: ValidationError.self) { try self.message(content(workspace: "Acme\nBcc: all@evil.test")) }
    }

    @Test func nonASCIIHeadersAreEncodedAndDecodeBack() throws {
        let message = try message(content(workspace: "Čajovna Ωmega — 東京支店 and a rather long name", inviter: "Zoë Ñandú"))
        let subject = try #require(message.value(of: "Subject"))
        #expect(subject.unicodeScalars.allSatisfy { $0.isASCII })
        let words = subject.split(whereSeparator: { $0 == "\n" || $0 == " " })
        #expect(words.allSatisfy { $0.hasPrefix("=?UTF-8?B?") && $0.hasSuffix("?=") && $0.count <= 75 })
        let decoded = words.map { word -> String in
            let payload = word.dropFirst("=?UTF-8?B?".count).dropLast(2)
            return String(decoding: Data(base64Encoded: String(payload)) ?? Data(), as: UTF8.self)
        }.joined()
        #expect(decoded == "Zoë Ñandú invited you to Čajovna Ωmega — 東京支店 and a rather long name")
        #expect(message.value(of: "From")?.hasPrefix("=?UTF-8?B?") == true)
    }

    @Test func placeholdersAreFilledOnceSoNamesCannotPullInTheToken() throws {
        let body = try message(content(workspace: "{{token}} Inc", inviter: "{{accept_command}}")).body
        #expect(body.contains("\"{{token}} Inc\""))
        #expect(body.components(separatedBy: "tok3n").count - 1 == 2)  // the command and the token line, nothing else
        #expect(InvitationMail.fill("a {{x}} {{y}} {{ z", ["x": "{{y}}", "y": "Y"]) == "a {{y}} Y {{ z")
    }

    @Test func longASCIISubjectsAreFoldedAndUnfoldBack() {
        let text = Array(repeating: "word", count: 40).joined(separator: " ")
        let folded = MailEncoding.unstructured(text, fieldName: "Subject")
        #expect(folded.split(separator: "\n").allSatisfy { $0.count <= 78 })
        #expect(folded.replacingOccurrences(of: "\n", with: "") == text)
    }

    @Test func theAcceptCommandIsSafeToPaste() {
        #expect(InvitationMail.acceptCommand(workspacePath: nil) == "clerk-team accept -")
        #expect(InvitationMail.acceptCommand(workspacePath: "/a/b.db") == "clerk-team accept - --db /a/b.db")
        #expect(InvitationMail.acceptCommand(workspacePath: "/it's/x.db") == "clerk-team accept - --db '/it'\\''s/x.db'")
        #expect(InvitationMail.acceptCommand(workspacePath: "/x\n.db") == "clerk-team accept -")
    }

    @Test func datesAreRFC5322() {
        #expect(InvitationMail.rfc5322Date(Timestamp(seconds: 0)) == "Thu, 01 Jan 1970 00:00:00 +0000")
        #expect(InvitationMail.rfc5322Date(Timestamp(seconds: 951_782_400)) == "Tue, 29 Feb 2000 00:00:00 +0000")
        #expect(InvitationMail.rfc5322Date(Timestamp(seconds: -86_400)) == "Wed, 31 Dec 1969 00:00:00 +0000")
    }

    @Test func expiryIsExclusiveAtTheBoundary() {
        let expires = Timestamp(seconds: 1_000)
        #expect(!InvitationRules.isExpired(expiresAt: expires, now: Timestamp(seconds: 999)))
        #expect(InvitationRules.isExpired(expiresAt: expires, now: Timestamp(seconds: 1_000)))
        #expect(InvitationRules.effectiveStatus(.pending, expiresAt: expires, now: Timestamp(seconds: 1_000)) == .expired)
        #expect(InvitationRules.effectiveStatus(.accepted, expiresAt: expires, now: Timestamp(seconds: 5_000)) == .accepted)
    }

    @Test func invitationsAreNamedByNumberOrEmail() throws {
        #expect(try InvitationRef.parse("12") == .id(12))
        #expect(try InvitationRef.parse("#12") == .id(12))
        #expect(try InvitationRef.parse(" Ann@Example.com ") == .email(try EmailAddress("ann@example.com")))
        #expect(throws: ValidationError.self) { try InvitationRef.parse("#twelve") }
    }
}
