import ArgumentParser
import Foundation
import TeamCore
import TeamRoster

/// `roster export|apply`: the team as a file, and a workspace made to match one.
struct RosterCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "roster",
        abstract: "The team as a file: export it, edit it, apply it (one transaction, guarded, audited).",
        discussion: """
            A roster lists role-default changes, inboxes, groups with their grants, and members with role, \
            status, inboxes, groups and overrides (pending invitations as status 'invited'). Applying a file \
            invites whoever is not a member yet; the rest of their entry is applied once they accepted and the \
            file is applied again. Applying the same file twice changes nothing.
            """,
        subcommands: [Export.self, Apply.self])

    enum Format: String, ExpressibleByArgument, CaseIterable {
        case yaml, json
    }

    struct Export: ParsableCommand {
        static let configuration = CommandConfiguration(
            abstract: "Write the team to standard output, in a stable order (members by email).",
            discussion: "Logins, versions, invitation tokens and the audit log belong to one workspace file and are not exported.")
        @OptionGroup var global: GlobalOptions
        @Option(help: "yaml or json.") var format: Format = .yaml

        func run() throws {
            let roster = try global.openWorkspace().roster()
            Console.raw(format == .json ? RosterJSON.render(roster) : RosterYAML.render(roster))
        }
    }

    struct Apply: ParsableCommand {
        static let configuration = CommandConfiguration(
            abstract: "Make the workspace match a roster file, all or nothing, in one transaction.",
            discussion: """
                Prints the plan, then carries it out: each step is checked by the guard in turn, and one \
                refusal changes nothing. Invitation mail is sent after the transaction (more than 50 are left \
                to 'clerk-team mail flush'). Inboxes are never \
                removed; everything else the file does not list is taken away only with --prune.
                """)
        @OptionGroup var global: GlobalOptions
        @Argument(help: "The roster file, YAML or JSON as 'roster export' writes it ('-': standard input).") var file: String
        @Flag(help: "Print the plan with the guard's answer for each step now; change nothing.") var dryRun = false
        @Flag(help: "Also take away what the file does not list: members, invitations, assignments, group memberships and grants, groups, overrides, role-default changes.")
        var prune = false

        func run() throws {
            let desired = try RosterFile.read(file)
            let label = file == "-" ? "standard input" : file
            if dryRun {
                let workspace = try global.openWorkspace()
                let plan = try RosterFile.plan(workspace, desired, prune: prune)
                let answers = try workspace.decideAll(plan.commands)
                PlanReport.print(plan, file: label, answers: answers)
                if !PlanReport.refusedRules(plan, answers).isEmpty { throw Refused() }
                return
            }
            let (workspace, config) = try global.openWorkspaceSendingMail()
            let plan = try RosterFile.plan(workspace, desired, prune: prune)
            PlanReport.print(plan, file: label, answers: nil)
            guard !plan.steps.isEmpty else { return }
            let outcome = try workspace.performBatch(plan.commands, partial: false)
            Console.line("applied in one transaction: \(outcome.summary)")
            let mail = outcome.done.flatMap(\.outcome.queuedMail)
            // As `invites import`: a large batch leaves its mail to the flush rather than keep the operator waiting.
            guard mail.count <= MailWiring.inlineLimit else {
                Console.line("\(mail.count) invitation mails queued; that is more than \(MailWiring.inlineLimit): they are sent by 'clerk-team mail flush' (run it now, or let its cron job do it)")
                return
            }
            MailWiring.deliverNow(workspace, config, ids: mail, toStderr: false)
        }
    }
}

/// Reading a roster file and planning against a workspace.
enum RosterFile {
    /// The file's roster; its problems, each with its line, stop the command before the workspace is opened.
    static func read(_ path: String) throws -> Roster {
        let label = path == "-" ? "standard input" : path
        let data = path == "-" ? FileHandle.standardInput.readDataToEndOfFile() : FileManager.default.contents(atPath: path)
        guard let data else { throw TeamError.invalid(TeamCore.ValidationError(field: "file", message: "cannot read \(path)")) }
        guard let text = String(data: data, encoding: .utf8) else {
            throw TeamError.invalid(TeamCore.ValidationError(field: "file", message: "\(label) is not UTF-8 text"))
        }
        do {
            return try RosterReader.read(text)
        } catch {
            Console.error("\(label): \(error.problems.count) problem(s); nothing changed:\n"
                          + error.problems.map { "  \($0.description)" }.joined(separator: "\n"))
            throw Refused()
        }
    }

    static func plan(_ workspace: any TeamWorkspace, _ desired: Roster, prune: Bool) throws -> RosterPlan {
        let me = try workspace.operatorContext().member.email
        return try RosterPlan.make(from: try workspace.roster(), to: desired, prune: prune, operator: me)
    }
}
