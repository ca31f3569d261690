import Foundation
import TeamCore
import TeamMail

/// Connects the CLI to mail: the operator's config from this process's
/// environment, delivery right after a command queued a mail, and what a
/// delivery run did, in words. The mail logic itself is in TeamMail.
enum MailWiring {
    /// The most mails a command sends itself before returning; more are left to `mail flush`.
    static let inlineLimit = 50

    static func config() throws -> ClerkConfig {
        try ClerkConfig.load(environment: ProcessInfo.processInfo.environment)
    }

    static func deliverer(_ outbox: any MailOutbox, _ config: ClerkConfig) -> MailDeliverer {
        MailDeliverer(outbox: outbox, config: config, searchPath: ProcessInfo.processInfo.environment["PATH"])
    }

    /// Tries to deliver the mails a command just queued. A failure is
    /// reported, never fatal: the command itself succeeded and the mail
    /// stays queued for `mail flush`. Notes go to stderr with `toStderr` (under --json).
    static func deliverNow(_ outbox: any MailOutbox, _ config: ClerkConfig, ids: [MailID], toStderr: Bool) {
        guard !ids.isEmpty else { return }
        let say: (String) -> Void = toStderr ? { Console.error($0) } : { Console.line($0) }
        let report: FlushReport
        do {
            report = try deliverer(outbox, config).flush(ids: Set(ids))
        } catch {
            say("the mail stays queued: delivery could not start (\(error)); see 'clerk-team mail status'")
            return
        }
        describe(report, say: say, detailed: ids.count <= 10)
    }

    /// Prints what a flush did: each mail when few, else totals, always the failures.
    static func describe(_ report: FlushReport, say: (String) -> Void, detailed: Bool) {
        if detailed {
            for item in report.delivered { say("mail #\(item.id) to \(item.recipient) delivered (\(item.detail))") }
        } else if !report.delivered.isEmpty {
            say("\(counted(report.delivered.count, "mail")) delivered")
        }
        for item in report.failed.prefix(20) {
            say("mail #\(item.id) to \(item.recipient) not delivered: \(item.detail); it stays queued, retry with 'clerk-team mail flush'")
        }
        if report.failed.count > 20 { say("… and \(report.failed.count - 20) more not delivered; see 'clerk-team mail status'") }
        for id in report.lost { say("mail #\(id) is lost: its spooled message is missing; resend the invitation") }
        for id in report.tampered {
            say("mail #\(id) was not sent: its spooled message is not the one that was queued (tampered); it stays queued, flagged in 'clerk-team mail status'; resend the invitation")
        }
        for id in report.unreadable { say("mail #\(id): its spooled message cannot be read now; see 'clerk-team mail status'") }
        for (login, count) in report.heldByOtherLogins.sorted(by: { $0.key < $1.key }) {
            say("\(counted(count, "due mail")) \(count == 1 ? "was" : "were") queued by login '\(login)': only '\(login)' or the superuser can send them")
        }
    }
}
