import ArgumentParser
import Foundation
import TeamCore
import TeamPhone
import TeamStore

struct InboxesCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "inboxes",
        abstract: "List and change phone-number inboxes (named by their E.164 number).",
        subcommands: [List.self, Add.self, Rename.self, SetVisibility.self, Remove.self, AssignGroup.self, UnassignGroup.self],
        defaultSubcommand: List.self)

    struct List: ParsableCommand {
        static let configuration = CommandConfiguration(abstract: "List the inboxes you can see, with their members.")
        @OptionGroup var global: GlobalOptions
        @Flag(help: "Print JSON: an array of {phone, name, visibility, members (directly or by group), direct, groups, version, and threads where you may read messages}.")
        var json = false

        func run() throws {
            let inboxes = try global.openWorkspaceForReading().inboxes()
            if json { return JSONViews.printArray(inboxes, JSONViews.inbox) }
            // The thread count only for those who may read messages (view-messages), where they may;
            // members last (directly or through a group): the one column that may run long.
            let threads = inboxes.contains { $0.threads != nil }
            Console.table(["PHONE", "NAME", "VISIBILITY", "GROUPS"] + (threads ? ["THREADS"] : []) + ["MEMBERS"], inboxes.map {
                [PhoneNumbers.display($0.inbox.phone), $0.inbox.name, $0.inbox.visibility.rawValue,
                 $0.groups.isEmpty ? "-" : $0.groups.joined(separator: ", ")]
                    + (threads ? [$0.threads.map(String.init) ?? "-"] : []) + [Self.members($0.members)]
            })
        }

        /// Who works in it, by email; a long list is cut (the JSON has every member).
        static func members(_ emails: [EmailAddress], shown limit: Int = 5) -> String {
            if emails.isEmpty { return "(none)" }
            let listed = emails.prefix(limit).map(\.value).joined(separator: ", ")
            return emails.count > limit ? listed + ", and \(emails.count - limit) more" : listed
        }
    }

    struct Add: ParsableCommand {
        // argument-parser writes an exclusive flag pair as two flags ("--public --private"), which reads
        // as "give both"; the usage says it is a choice (a test keeps it naming every option).
        static let configuration = CommandConfiguration(
            abstract: "Add an inbox: inboxes add \"+1 415 555 0100\" --name Support --public",
            usage: "clerk-team inboxes add [--db <path>] [--as <email>] [--read-only] [--view-as <role|email>] [--json] <phone> --name <name> (--public | --private)")
        @OptionGroup var global: GlobalOptions
        @OptionGroup var output: ChangeOutput
        @Argument(help: "The number, as people write it (+1 415 555 0100) or in E.164.") var phone: String
        @Option(help: "Display name.") var name: String
        @Flag(exclusivity: .exclusive, help: "Shared (public) or individual (private) inbox.")
        var visibility: VisibilityFlag

        func run() throws {
            try perform(global, output, .addInbox(phone: try Parse.phone(phone), name: try Parse.name(name),
                                          visibility: visibility.value))
        }
    }

    struct Rename: ParsableCommand {
        static let configuration = CommandConfiguration(abstract: "Rename an inbox.")
        @OptionGroup var global: GlobalOptions
        @OptionGroup var output: ChangeOutput
        @OptionGroup var expect: ExpectVersion
        @Argument(help: "The inbox's number.", completion: Complete.phones) var phone: String
        @Argument(help: "The new name.") var name: String

        func run() throws {
            try perform(global, output, .renameInbox(phone: try Parse.phone(phone), name: try Parse.name(name),
                                             expectedVersion: expect.expectVersion))
        }
    }

    struct SetVisibility: ParsableCommand {
        static let configuration = CommandConfiguration(commandName: "set-visibility", abstract: "Make an inbox public or private.")
        @OptionGroup var global: GlobalOptions
        @OptionGroup var output: ChangeOutput
        @OptionGroup var expect: ExpectVersion
        @Argument(help: "The inbox's number.", completion: Complete.phones) var phone: String
        @Argument(help: "public or private.", completion: Complete.visibility) var visibility: String

        func run() throws {
            try perform(global, output, .setInboxVisibility(phone: try Parse.phone(phone), visibility: try Parse.visibility(visibility),
                                                    expectedVersion: expect.expectVersion))
        }
    }

    struct Remove: ParsableCommand {
        static let configuration = CommandConfiguration(
            abstract: "Remove an inbox; its assignments go with it.",
            discussion: "On a terminal you are asked to type the number to confirm; elsewhere --yes is needed.")
        @OptionGroup var global: GlobalOptions
        @OptionGroup var output: ChangeOutput
        @OptionGroup var expect: ExpectVersion
        @Argument(help: "The inbox's number.", completion: Complete.phones) var phone: String
        @Flag(help: "Do not ask for confirmation (needed when not on a terminal).") var yes = false

        func run() throws {
            let number = try Parse.phone(phone)
            try confirmThenPerform(global, output, .removeInbox(phone: number, expectedVersion: expect.expectVersion),
                                   typing: PhoneNumbers.display(number), what: "remove inbox \(PhoneNumbers.display(number))", skip: yes)
        }
    }
}

enum VisibilityFlag: String, EnumerableFlag {
    case `public`, `private`
    var value: InboxVisibility { self == .public ? .public : .private }
}

struct AssignCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "assign", abstract: "Put a member (or every member listed in a file) into an inbox.",
        usage: "clerk-team assign EMAIL PHONE\nclerk-team assign --from-file FILE PHONE [--partial]")
    @OptionGroup var global: GlobalOptions
    @OptionGroup var output: ChangeOutput
    @OptionGroup var bulk: BulkOptions
    @Argument(help: "The member's email (left out with --from-file).", completion: Complete.emails) var email: String?
    @Argument(help: "The inbox's E.164 number.", completion: Complete.phones) var phone: String?

    func validate() throws { _ = try positionals() }

    /// EMAIL and the rest, or the rest alone with --from-file.
    private func positionals() throws -> (email: String?, others: [String]) {
        try bulk.arguments(email: email, then: [phone], usage: "EMAIL PHONE, or --from-file FILE PHONE")
    }

    func run() throws {
        let (email, rest) = try positionals()
        let inbox = try Parse.phone(rest[0])
        guard let email else { return try BulkChange.run(global, bulk) { .assign(member: $0, inbox: inbox) } }
        try perform(global, output, .assign(member: try Parse.email(email), inbox: inbox))
    }
}

struct UnassignCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "unassign", abstract: "Take a member (or every member listed in a file) out of an inbox.",
        usage: "clerk-team unassign EMAIL PHONE\nclerk-team unassign --from-file FILE PHONE [--partial]")
    @OptionGroup var global: GlobalOptions
    @OptionGroup var output: ChangeOutput
    @OptionGroup var bulk: BulkOptions
    @Argument(help: "The member's email (left out with --from-file).", completion: Complete.emails) var email: String?
    @Argument(help: "The inbox's E.164 number.", completion: Complete.phones) var phone: String?

    func validate() throws { _ = try positionals() }

    /// EMAIL and the rest, or the rest alone with --from-file.
    private func positionals() throws -> (email: String?, others: [String]) {
        try bulk.arguments(email: email, then: [phone], usage: "EMAIL PHONE, or --from-file FILE PHONE")
    }

    func run() throws {
        let (email, rest) = try positionals()
        let inbox = try Parse.phone(rest[0])
        guard let email else { return try BulkChange.run(global, bulk) { .unassign(member: $0, inbox: inbox) } }
        try perform(global, output, .unassign(member: try Parse.email(email), inbox: inbox))
    }
}

extension InboxesCommand {
    struct AssignGroup: ParsableCommand {
        static let configuration = CommandConfiguration(
            commandName: "assign-group",
            abstract: "Put a group on an inbox: every member of the group works in it while they are in the group.",
            discussion: """
                Joining or leaving the group then changes their inboxes with no further step; a direct
                assignment is never taken away by the group. Needs what assigning each member it adds needs
                (modify-public-inbox or modify-private-inbox, and a rank above theirs).
                """)
        @OptionGroup var global: GlobalOptions
        @OptionGroup var output: ChangeOutput
        @Argument(help: "The inbox's number.", completion: Complete.phones) var phone: String
        @Argument(help: "The group's name.", completion: Complete.groups) var group: String

        func run() throws {
            try perform(global, output, .assignGroup(group: try GroupsCommand.name(group), inbox: try Parse.phone(phone)))
        }
    }

    struct UnassignGroup: ParsableCommand {
        static let configuration = CommandConfiguration(
            commandName: "unassign-group",
            abstract: "Take a group off an inbox; its members leave it unless assigned directly or by another group.")
        @OptionGroup var global: GlobalOptions
        @OptionGroup var output: ChangeOutput
        @Argument(help: "The inbox's number.", completion: Complete.phones) var phone: String
        @Argument(help: "The group's name.", completion: Complete.groups) var group: String

        func run() throws {
            try perform(global, output, .unassignGroup(group: try GroupsCommand.name(group), inbox: try Parse.phone(phone)))
        }
    }
}
