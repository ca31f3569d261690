import Foundation
import Testing
import TestSupport
import TeamCore
@testable import TeamMail

/// A transport error never carries the message it failed to send.
@Suite(.timeLimit(.minutes(10))) struct RedactionTests {
    static let token = "abcdefghijklmnopqrstuvwxyz234567abcdefghijklmnopqrst"
    let mail = QueuedMail(id: 3, recipient: "ann@example.com",
                          message: "To: ann@example.com\nSubject: hi\n\nrun: clerk-team accept -\ntoken:\n\n    \(Self.token)\n",
                          attempt: 1)

    /// Records what the deliverer reports back to the outbox.
    final class OneMailOutbox: MailOutbox {
        let mail: QueuedMail
        var claimed = false
        var outcomes: [DeliveryOutcome] = []
        init(_ mail: QueuedMail) { self.mail = mail }
        func mailQueue() throws -> [MailStatusEntry] { [] }
        func claimMail(_ selection: MailSelection) throws -> MailClaim {
            defer { claimed = true }
            return MailClaim(mails: claimed ? [] : [mail], heldByOtherLogins: [:], lost: [])
        }
        func recordDelivery(_ id: MailID, _ outcome: DeliveryOutcome) throws { outcomes.append(outcome) }
    }

    @Test func aSendmailCommandThatEchoesItsInputLeaksNoToken() throws {
        let outbox = OneMailOutbox(mail)
        let echoing = SendmailTransport(command: ["/bin/sh", "-c", "cat >&2; echo 'relay says no' >&2; exit 75"], timeoutSeconds: 20)
        let report = try MailDeliverer(outbox: outbox, transport: echoing).flush()
        let detail = try #require(report.failed.first?.detail)
        #expect(!detail.contains(Self.token), "\(detail)")
        #expect(detail.contains("status 75") && detail.contains("relay says no"), "\(detail)")
        #expect(outbox.outcomes.count == 1)
        #expect(!"\(outbox.outcomes)".contains(Self.token))
    }

    @Test func echoedLinesAndTokenLikeRunsAreCut() {
        let said = "sendmail: bad input\n    \(Self.token)\nrun: clerk-team accept -\n\(Self.token.uppercased())"
        let kept = MailRedaction.redact(said, message: mail.message)
        #expect(!kept.lowercased().contains(Self.token), "\(kept)")
        #expect(kept.contains("sendmail: bad input"))
        #expect(!kept.unicodeScalars.contains { $0.value < 0x20 })
    }
}
