import ArgumentParser
import Foundation
import TeamCore
import TeamPhone
import TeamStore

struct MembersCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "members",
        abstract: "List, show and change members.",
        subcommands: [List.self, Show.self, SetRole.self, Rename.self, Deactivate.self, Reactivate.self, Remove.self],
        defaultSubcommand: List.self)

    struct List: ParsableCommand {
        static let configuration = CommandConfiguration(abstract: "List members, ordered by name (or --sort).")
        @OptionGroup var global: GlobalOptions
        @Option(help: ArgumentHelp("Only members whose name or email contains this (case and accents ignored).", valueName: "text"))
        var filter: String?
        @Option(help: ArgumentHelp("Order by name, email, role (highest first) or status (active first).", valueName: "field"),
                completion: Complete.memberSort)
        var sort: String = MemberSort.name.rawValue
        @Flag(help: "Print JSON: an array of {email, name, role, status, login, inboxes, version}.")
        var json = false

        func validate() throws {
            guard MemberSort(rawValue: sort.lowercased()) != nil else {
                throw ValidationError("--sort must be one of: " + MemberSort.allCases.map(\.rawValue).joined(separator: ", "))
            }
        }

        func run() throws {
            let members = MemberListing.arrange(try global.openWorkspaceForReading().members(), filter: filter,
                                                sort: MemberSort(rawValue: sort.lowercased()) ?? .name)
            if json { return JSONViews.printArray(members, JSONViews.member) }
            Console.table(["NAME", "EMAIL", "ROLE", "STATUS", "LOGIN", "INBOXES"], members.map { row in
                [row.member.name, row.member.email.value, row.member.role.rawValue, row.member.status.rawValue,
                 row.member.login ?? "-", String(row.inboxes.count)]
            })
        }
    }

    struct Show: ParsableCommand {
        static let configuration = CommandConfiguration(abstract: "Show one member: role, login, inboxes, effective permissions.")
        @OptionGroup var global: GlobalOptions
        @Argument(help: "The member's email.", completion: Complete.emails) var email: String
        @Flag(help: "Print JSON.") var json = false

        func run() throws {
            let detail = try global.openWorkspaceForReading().member(try Parse.email(email))
            if json { return Console.raw(JSONViews.memberDetail(detail).rendered() + "\n") }
            let member = detail.member
            Console.line("\(member.name) <\(member.email)>")
            Console.line("  role:        \(member.role.rawValue)")
            Console.line("  status:      \(member.status.rawValue)")
            Console.line("  login:       \(member.login ?? "(none bound)")")
            Console.line("  inboxes:     " + (detail.inboxes.isEmpty ? "(none)" : detail.inboxes.map {
                "\(PhoneNumbers.display($0.phone)) \($0.name) [\($0.visibility.rawValue)]" }.joined(separator: ", ")))
            Console.line("  groups:      " + (detail.groups.isEmpty ? "(none)" : detail.groups.joined(separator: ", ")))
            Console.line("  overrides:   " + (detail.overrides.isEmpty ? "(none)" : detail.overrides.map {
                "\($0.effect.rawValue) \($0.permission.rawValue)" }.joined(separator: ", ")))
            Console.line("  permissions: " + (detail.permissions.isEmpty ? "(none)" :
                detail.permissions.sorted().map(\.rawValue).joined(separator: ", ")))
        }
    }

    struct SetRole: ParsableCommand {
        static let configuration = CommandConfiguration(
            commandName: "set-role", abstract: "Change a member's role (or the role of every member listed in a file).",
            usage: "clerk-team members set-role EMAIL ROLE\nclerk-team members set-role --from-file FILE ROLE [--partial]")
        @OptionGroup var global: GlobalOptions
        @OptionGroup var output: ChangeOutput
        @OptionGroup var expect: ExpectVersion
        @OptionGroup var bulk: BulkOptions
        @Argument(help: "The member's email (left out with --from-file).", completion: Complete.emails) var email: String?
        @Argument(help: "workspace-admin, admin, manager, agent or member.", completion: Complete.roles) var role: String?

        func validate() throws { _ = try positionals() }

        /// EMAIL and the rest, or the rest alone with --from-file.
        private func positionals() throws -> (email: String?, others: [String]) {
            try bulk.arguments(email: email, then: [role], usage: "EMAIL ROLE, or --from-file FILE ROLE", expectVersion: expect.expectVersion)
        }

        func run() throws {
            let (email, rest) = try positionals()
            let role = try Parse.role(rest[0])
            guard let email else { return try BulkChange.run(global, bulk) { .setRole(member: $0, role: role) } }
            try perform(global, output, .setRole(member: try Parse.email(email), role: role, expectedVersion: expect.expectVersion))
        }
    }

    struct Rename: ParsableCommand {
        static let configuration = CommandConfiguration(abstract: "Change a member's display name.")
        @OptionGroup var global: GlobalOptions
        @OptionGroup var output: ChangeOutput
        @OptionGroup var expect: ExpectVersion
        @Argument(help: "The member's email.", completion: Complete.emails) var email: String
        @Argument(help: "The new display name.") var name: String

        func run() throws {
            try perform(global, output, .renameMember(member: try Parse.email(email), name: try Parse.name(name),
                                              expectedVersion: expect.expectVersion))
        }
    }

    struct Deactivate: ParsableCommand {
        static let configuration = CommandConfiguration(
            abstract: "Deactivate a member (reversible; keeps history and inboxes).",
            usage: "clerk-team members deactivate EMAIL\nclerk-team members deactivate --from-file FILE [--partial]")
        @OptionGroup var global: GlobalOptions
        @OptionGroup var output: ChangeOutput
        @OptionGroup var expect: ExpectVersion
        @OptionGroup var bulk: BulkOptions
        @Argument(help: "The member's email (left out with --from-file).", completion: Complete.emails) var email: String?

        func validate() throws { _ = try positionals() }

        /// EMAIL and the rest, or the rest alone with --from-file.
        private func positionals() throws -> (email: String?, others: [String]) {
            try bulk.arguments(email: email, then: [], usage: "EMAIL, or --from-file FILE", expectVersion: expect.expectVersion)
        }

        func run() throws {
            let (email, _) = try positionals()
            guard let email else { return try BulkChange.run(global, bulk) { .deactivate(member: $0) } }
            try perform(global, output, .deactivate(member: try Parse.email(email), expectedVersion: expect.expectVersion))
        }
    }

    struct Reactivate: ParsableCommand {
        static let configuration = CommandConfiguration(
            abstract: "Reactivate a deactivated member.",
            usage: "clerk-team members reactivate EMAIL\nclerk-team members reactivate --from-file FILE [--partial]")
        @OptionGroup var global: GlobalOptions
        @OptionGroup var output: ChangeOutput
        @OptionGroup var expect: ExpectVersion
        @OptionGroup var bulk: BulkOptions
        @Argument(help: "The member's email (left out with --from-file).", completion: Complete.emails) var email: String?

        func validate() throws { _ = try positionals() }

        /// EMAIL and the rest, or the rest alone with --from-file.
        private func positionals() throws -> (email: String?, others: [String]) {
            try bulk.arguments(email: email, then: [], usage: "EMAIL, or --from-file FILE", expectVersion: expect.expectVersion)
        }

        func run() throws {
            let (email, _) = try positionals()
            guard let email else { return try BulkChange.run(global, bulk) { .reactivate(member: $0) } }
            try perform(global, output, .reactivate(member: try Parse.email(email), expectedVersion: expect.expectVersion))
        }
    }

    struct Remove: ParsableCommand {
        static let configuration = CommandConfiguration(
            abstract: "Remove a member and their inbox assignments.",
            usage: "clerk-team members remove EMAIL [--yes]\nclerk-team members remove --from-file FILE [--partial] [--yes]",
            discussion: """
                On a terminal you are asked to type the email to confirm, unless --yes is given. With --from-file \
                you type how many will be removed; off a terminal, or with the list on standard input, --yes is needed.
                """)
        @OptionGroup var global: GlobalOptions
        @OptionGroup var output: ChangeOutput
        @OptionGroup var expect: ExpectVersion
        @OptionGroup var bulk: BulkOptions
        @Argument(help: "The member's email (left out with --from-file).", completion: Complete.emails) var email: String?
        @Flag(help: "Do not ask for confirmation (needed when not on a terminal).") var yes = false

        func validate() throws { _ = try positionals() }

        /// EMAIL and the rest, or the rest alone with --from-file.
        private func positionals() throws -> (email: String?, others: [String]) {
            try bulk.arguments(email: email, then: [], usage: "EMAIL, or --from-file FILE", expectVersion: expect.expectVersion)
        }

        func run() throws {
            let (email, _) = try positionals()
            guard let email else {
                return try BulkChange.run(global, bulk, confirming: yes ? nil : "remove") { .removeMember(member: $0) }
            }
            let address = try Parse.email(email)
            try confirmThenPerform(global, output, .removeMember(member: address, expectedVersion: expect.expectVersion),
                                   typing: address.value, what: "remove member \(address)", skip: yes)
        }
    }
}

/// `--expect-version N`: refuse if the row changed since the caller read it.
struct ExpectVersion: ParsableArguments {
    @Option(parsing: .unconditional, help: ArgumentHelp("Refuse if the row's version is no longer N (from --json output).", valueName: "n"),
            transform: { try Whole.atLeastOne($0) })
    var expectVersion: Int64?
}

/// Runs one command through the workspace and prints its outcome.
func perform(_ global: GlobalOptions, _ output: ChangeOutput, _ command: TeamCommand) throws {
    let workspace = try global.openWorkspace()
    try report(workspace, command, try workspace.perform(command), output)
}

/// The outcome in words, or with --json the changed object as it is now.
func report(_ workspace: SQLiteWorkspace, _ command: TeamCommand, _ outcome: CommandOutcome,
            _ output: ChangeOutput) throws {
    if output.json { return Console.raw(try ChangeJSON.render(workspace, command, outcome).rendered() + "\n") }
    Console.line(outcome.changed ? outcome.message : outcome.message + " (nothing changed)")
}

/// Destructive commands: the target must exist and the guard must allow it
/// before anyone is asked to type a confirmation. A refusal there is the
/// change refused, and the store records it in the audit log as one from `perform`.
func confirmThenPerform(_ global: GlobalOptions, _ output: ChangeOutput, _ command: TeamCommand, typing expected: String,
                        what: String, skip: Bool) throws {
    let workspace = try global.openWorkspace()
    switch try workspace.decideBeforeConfirming([command], partial: false).first {
    case .success(.refused(let refusal))?, .failure(.refused(let refusal))?:
        throw refusal.rule == .visibility ? TeamError.notFound(refusal.message) : TeamError.refused(refusal)
    case .failure(let error)?: throw error
    case .success(.allowed)?, nil: break
    }
    try Confirm.typed(expected, what: what, skip: skip)
    try report(workspace, command, try workspace.perform(command), output)
}

/// Typed confirmation for destructive commands. Without a terminal to ask
/// on, they need `--yes`: `ssh host clerk-team members remove …` or a script
/// with a wrong variable must not remove anything by accident.
enum Confirm {
    static func typed(_ expected: String, what: String, skip: Bool) throws {
        guard !skip else { return }
        guard Console.stdinIsTerminal else {
            Console.error("not on a terminal, so nobody can confirm: add --yes to \(what); nothing changed")
            throw Refused()
        }
        Console.line("To \(what), type '\(expected)' and press Enter (anything else cancels):")
        let answer = readLine(strippingNewline: true)?.trimmingCharacters(in: .whitespaces)
        guard let answer, TypedAnswer.matches(answer, expected: expected) else {
            Console.error("cancelled; nothing changed")
            throw Refused()
        }
    }
}
