import ArgumentParser
import JSONText
import Foundation
import TeamCore
import TeamPhone
import TeamImport
import TeamStore
import TermText

struct InvitesCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "invites",
        abstract: "List, resend and revoke invitations; bulk-invite from CSV; set their expiry.",
        subcommands: [List.self, Resend.self, Revoke.self, Import.self, SetExpiry.self],
        defaultSubcommand: List.self)

    struct List: ParsableCommand {
        static let configuration = CommandConfiguration(abstract: "List invitations, newest first.")
        @OptionGroup var global: GlobalOptions
        @Option(help: "Only pending, accepted, revoked or expired ones.") var status: String?
        @Flag(help: "Print JSON: an array of {id, email, role, inboxes, status, invited_by, created_at, expires_at, mail, mail_error}.")
        var json = false

        func run() throws {
            let wanted = try status.map { text throws -> InvitationStatus in
                guard let value = InvitationStatus(rawValue: text.lowercased()) else {
                    throw TeamError.invalid(TeamCore.ValidationError(field: "status",
                        message: "unknown status '\(text)'; expected pending, accepted, revoked or expired"))
                }
                return value
            }
            let listing = try global.openWorkspaceForReading().invitationListing(status: wanted)
            // The readable rows are shown; each unreadable one is named on stderr.
            for problem in listing.problems { Console.error("warning: " + problem) }
            let invitations = listing.invitations
            if json { return JSONViews.printArray(invitations, JSONViews.invitation) }
            Console.table(["ID", "EMAIL", "ROLE", "STATUS", "EXPIRES", "INBOXES", "MAIL"], invitations.map { row in
                let invitation = row.invitation
                return ["#\(invitation.id)", invitation.email.value, invitation.role.rawValue, invitation.status.rawValue,
                        invitation.expiresAt.iso8601, invitation.inboxes.map(PhoneNumbers.display).joined(separator: ", "),
                        (row.mail?.rawValue ?? "-") + (row.mail == .queued && row.mailError != nil ? " (failing)" : "")]
            })
        }
    }

    struct Resend: ParsableCommand {
        static let configuration = CommandConfiguration(
            abstract: "Send a pending or expired invitation again with a new token; the old token stops working.")
        @OptionGroup var global: GlobalOptions
        @OptionGroup var output: ChangeOutput
        @Argument(help: "Invitation number (as listed) or the invitee's email.", completion: Complete.invitations) var invitation: String

        func run() throws {
            let ref = try Self.ref(invitation)
            let (workspace, config) = try global.openWorkspaceSendingMail()
            let command = TeamCommand.resendInvitation(ref)
            let outcome = try workspace.perform(command)
            try report(workspace, command, outcome, output)
            MailWiring.deliverNow(workspace, config, ids: outcome.queuedMail, toStderr: output.json)
        }

        static func ref(_ text: String) throws -> InvitationRef {
            do { return try InvitationRef.parse(text) } catch { throw TeamError.invalid(error) }
        }
    }

    struct Revoke: ParsableCommand {
        static let configuration = CommandConfiguration(abstract: "Revoke a pending invitation; its token stops working.")
        @OptionGroup var global: GlobalOptions
        @OptionGroup var output: ChangeOutput
        @Argument(help: "Invitation number (as listed) or the invitee's email.", completion: Complete.invitations) var invitation: String

        func run() throws {
            try perform(global, output, .revokeInvitation(try Resend.ref(invitation)))
        }
    }

    struct SetExpiry: ParsableCommand {
        static let configuration = CommandConfiguration(
            commandName: "set-expiry", abstract: "Set after how many days new invitations expire (1-365; needs modify-team).")
        @OptionGroup var global: GlobalOptions
        @OptionGroup var output: ChangeOutput
        @Argument(help: "Days.") var days: Int

        func run() throws {
            do { _ = try InvitationRules.validateExpiryDays(days) } catch { throw TeamError.invalid(error) }
            try perform(global, output, .setInviteExpiry(days: days))
        }
    }

    struct Import: ParsableCommand {
        static let configuration = CommandConfiguration(
            abstract: "Invite everyone listed in a CSV file (columns email, role, inbox), all or nothing.",
            discussion: """
                The first row names the columns: email, role and optionally inbox (several numbers in one
                cell separated by ';'). Every problem is reported with its line; if there is any, nobody
                is invited. Emails already members, already invited, or listed twice are problems too.
                """)
        @OptionGroup var global: GlobalOptions
        @Argument(help: "The CSV file.", completion: .file(extensions: ["csv"])) var file: String
        @Flag(help: "Check everything and print what would be done; change nothing.") var dryRun = false
        @Flag(help: "Print JSON: {\"changed\", \"dry_run\", \"invitations\": [{line, email, role, inboxes}], \"mail\", \"problems\": [{line, message}]}.")
        var json = false

        func run() throws {
            let parsed = try InvitationCSV.parse(contentsOf: file)
            let (workspace, config) = try global.openWorkspaceSendingMail()
            // With errors in the file, still check the good rows against the workspace so all problems show at once.
            let report = try workspace.importInvitations(parsed.rows, dryRun: dryRun || !parsed.errors.isEmpty)
            let errors = (parsed.errors + report.errors).sorted()
            if json {
                Console.raw(JSONText.Value.object([
                    ("changed", .bool(report.applied)), ("dry_run", .bool(dryRun)),
                    ("invitations", .array(report.rows.map { row in .object([
                        ("line", .int(Int64(row.line))), ("email", .string(row.email.value)), ("role", .string(row.role.rawValue)),
                        ("inboxes", .array(row.inboxes.map { .string($0.value) })),
                    ]) })),
                    ("mail", .array(report.queuedMail.map { .int($0) })),
                    ("problems", .array(errors.map { .object([("line", .int(Int64($0.line))), ("message", .string($0.message))]) })),
                ]).rendered() + "\n")
                if !errors.isEmpty { throw Refused() }
                if report.applied { MailWiring.deliverNow(workspace, config, ids: report.queuedMail, toStderr: true) }
                return
            }
            guard errors.isEmpty else {
                Console.error("\(file): \(counted(errors.count, "problem")); nobody was invited:\n"
                              + errors.map { "  " + TerminalText.sanitize($0.description) }.joined(separator: "\n"))
                throw Refused()
            }
            if !report.applied {
                Console.line("dry run: would invite \(counted(report.rows.count, "person", "people")); nothing changed")
                for row in report.rows.prefix(50) {
                    Console.line("  line \(row.line): \(row.email) as \(row.role.rawValue)"
                                 + (row.inboxes.isEmpty ? "" : " to " + row.inboxes.map(PhoneNumbers.display).joined(separator: ", ")))
                }
                if report.rows.count > 50 { Console.line("  … and \(report.rows.count - 50) more") }
                return
            }
            Console.line("invited \(counted(report.rows.count, "person", "people")) from \(file); \(counted(report.queuedMail.count, "mail")) queued")
            // Sending thousands of mails one by one would keep the command (and
            // its operator) waiting long after the commit; a large batch goes to the flush.
            guard report.queuedMail.count <= MailWiring.inlineLimit else {
                Console.line("that is more than \(MailWiring.inlineLimit): they are sent by 'clerk-team mail flush' (run it now, or let its cron job do it)")
                return
            }
            MailWiring.deliverNow(workspace, config, ids: report.queuedMail, toStderr: false)
        }
    }
}
