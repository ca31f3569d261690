import ArgumentParser
import Foundation
import TeamCore
import TeamStore

/// `clerk-team review`: the user-access review an auditor asks for, and its sign-off.
struct ReviewCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "review",
        abstract: "The access review: who holds what and why, who works in each inbox, changes since the last sign-off.",
        subcommands: [Show.self, Sign.self],
        defaultSubcommand: Show.self)

    enum Format: String, ExpressibleByArgument, CaseIterable {
        case md, json, csv
    }

    struct Show: ParsableCommand {
        static let configuration = CommandConfiguration(
            commandName: "show",
            abstract: "Print the review: active members with role, groups, overrides and permissions with their sources; inboxes with who can see and who works in them; permission and role changes; roles lint findings.",
            discussion: """
                Changes are listed since --since, else since the last sign-off (every change without one);
                those made after the last sign-off are marked new. The JSON is the report a sign-off hashes.
                """)
        @OptionGroup var global: GlobalOptions
        @Option(help: ArgumentHelp("List the changes on or after this day (UTC).", valueName: "yyyy-mm-dd")) var since: String?
        @Option(help: "md (Markdown, the default), json or csv.") var format: Format = .md

        func run() throws {
            let from: Timestamp?
            do throws(TeamCore.ValidationError) {
                from = try since.flatMap { text throws(TeamCore.ValidationError) in try AuditQuery.day(text, field: "since") }
            } catch { throw TeamError.invalid(error) }
            let review = try global.openWorkspaceForReading().accessReview(since: from)
            switch format {
            case .json: Console.raw(AccessReviewJSON.render(review) + "\n")
            case .md: Console.raw(ReviewText.markdown(review))
            case .csv: Console.raw(ReviewText.csv(review))
            }
        }
    }

    struct Sign: ParsableCommand {
        static let configuration = CommandConfiguration(
            abstract: "Record that you (a workspace-admin) reviewed the report as it is now; the audit log keeps its SHA-256.",
            discussion: """
                The hash is of 'review --format json' as it would print now (without the final newline), so
                the next review can show what changed since. --by must be your own email.
                """)
        @OptionGroup var global: GlobalOptions
        @OptionGroup var output: ChangeOutput
        @Option(help: "Your email: who reviewed.", completion: Complete.emails) var by: String
        @Option(help: "What was reviewed, and the outcome (one line, up to 500 characters).") var note: String

        func run() throws {
            let note: String
            do { note = try ReviewNote.validate(self.note) } catch { throw TeamError.invalid(error) }
            try perform(global, output, .signReview(by: try Parse.email(by), note: note))
        }
    }
}
