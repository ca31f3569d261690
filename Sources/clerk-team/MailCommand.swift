import ArgumentParser
import JSONText
import Foundation
import TeamCore
import TeamMail
import TeamStore

struct MailCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "mail",
        abstract: "See and send queued invitation mail.",
        discussion: """
            Mail goes through the transport in the config file ($CLERK_TEAM_CONFIG, else
            $XDG_CONFIG_HOME/clerk-team/config.json): a sendmail-compatible command such as
            {"transport": {"kind": "sendmail", "command": ["msmtp", "-t"]}}, or by default .eml files in
            a folder. Failed mail stays queued and is retried with backoff; run 'mail flush' (by hand or
            from cron) to send what is due.
            """,
        subcommands: [Status.self, Flush.self],
        defaultSubcommand: Status.self)

    struct Status: ParsableCommand {
        static let configuration = CommandConfiguration(abstract: "Show queued mail, failures and totals.")
        @OptionGroup var global: GlobalOptions
        @Flag(help: "Also list sent and cancelled mail.") var all = false
        @Flag(help: "Print JSON: an array of {id, invitation, to, subject, state, attempts, created_at, next_attempt_at, sent_at, last_error, queued_by}.")
        var json = false

        func run() throws {
            let entries = try global.openWorkspaceForReading().mailQueue()
            let shown = all ? entries : entries.filter { $0.state == .queued || $0.state == .lost }
            if json { return JSONViews.printArray(shown, JSONViews.mail) }
            let counts = Dictionary(grouping: entries, by: \.state).mapValues(\.count)
            // Raw (unbuffered) like the table below, so the two never come out of order.
            Console.raw(MailState.allCases.map { "\(counts[$0] ?? 0) \($0.rawValue)" }.joined(separator: ", ") + "\n")
            guard !shown.isEmpty else { return }
            Console.table(["ID", "TO", "STATE", "ATTEMPTS", "NEXT/SENT", "QUEUED BY", "LAST ERROR"], shown.map { entry in
                ["#\(entry.id)", entry.recipient, entry.tampered && entry.state == .queued ? "tampered" : entry.state.rawValue,
                 String(entry.attempts),
                 entry.state == .queued ? entry.nextAttemptAt.iso8601 : (entry.sentAt?.iso8601 ?? "-"),
                 entry.queuedBy, entry.lastError ?? "-"]
            })
        }
    }

    struct Flush: ParsableCommand {
        static let configuration = CommandConfiguration(
            abstract: "Deliver the mail that is due; exit 1 if any of it failed (it stays queued).")
        @OptionGroup var global: GlobalOptions
        @Flag(help: "Also retry mail whose backoff has not passed yet.") var all = false
        @Flag(help: "Print JSON: {\"changed\", \"delivered\": [{id, to, detail}], \"failed\": [...], \"lost\": [id], \"unreadable\": [id], \"held_by_other_logins\": {login: count}}.")
        var json = false

        func run() throws {
            let (workspace, config) = try global.openWorkspaceSendingMail()
            let report = try MailWiring.deliverer(workspace, config).flush(ignoreBackoff: all)
            if json {
                func deliveries(_ items: [FlushReport.Delivery]) -> JSONText.Value {
                    .array(items.map { .object([("id", .int($0.id)), ("to", .string($0.recipient)), ("detail", .string($0.detail))]) })
                }
                Console.raw(JSONText.Value.object([
                    ("changed", .bool(!report.delivered.isEmpty || !report.failed.isEmpty || !report.lost.isEmpty)),
                    ("delivered", deliveries(report.delivered)), ("failed", deliveries(report.failed)),
                    ("lost", .array(report.lost.map { .int($0) })), ("unreadable", .array(report.unreadable.map { .int($0) })),
                    ("held_by_other_logins", .object(report.heldByOtherLogins.sorted { $0.key < $1.key }.map { ($0.key, .int(Int64($0.value))) })),
                ]).rendered() + "\n")
                if !report.failed.isEmpty || !report.lost.isEmpty || !report.unreadable.isEmpty { throw Refused() }
                return
            }
            MailWiring.describe(report, say: { Console.line($0) }, detailed: true)
            if report.delivered.isEmpty && report.failed.isEmpty && report.lost.isEmpty {
                Console.line("nothing due to send")
            }
            if !report.failed.isEmpty || !report.lost.isEmpty || !report.unreadable.isEmpty || !report.tampered.isEmpty {
                throw Refused()
            }
        }
    }
}
