import ArgumentParser
import JSONText
import TeamCore

/// `groups …`: named sets of members holding extra permission grants.
struct GroupsCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "groups",
        abstract: "List, show and change groups: named sets of members holding extra permissions.",
        discussion: """
            Changing groups needs modify-team. Granting a permission to a group, or adding a member \
            to a group, needs you to hold every permission it gives; adding or removing a member needs \
            a higher rank than theirs.
            """,
        subcommands: [List.self, Show.self, Create.self, Rename.self, Delete.self, Add.self, Remove.self,
                      Grant.self, Revoke.self],
        defaultSubcommand: List.self)

    static func name(_ text: String) throws -> DisplayName {
        do { return try Group.validName(text) } catch { throw TeamError.invalid(error) }
    }

    struct List: ParsableCommand {
        static let configuration = CommandConfiguration(abstract: "List groups, by name.")
        @OptionGroup var global: GlobalOptions
        @Flag(help: "Print JSON: [{\"name\", \"grants\", \"member_count\", \"version\"}].") var json = false

        func run() throws {
            let groups = try global.openWorkspaceForReading().groups()
            if json { return JSONViews.printArray(groups, PermissionJSON.group) }
            Console.table(["GROUP", "MEMBERS", "GRANTS"], groups.map { group in
                [group.name, String(group.memberCount), Self.grants(group.grants)]
            })
        }

        static func grants(_ grants: Set<Permission>) -> String {
            grants.isEmpty ? "(none)" : grants.sorted().map(\.rawValue).joined(separator: ", ")
        }
    }

    struct Show: ParsableCommand {
        static let configuration = CommandConfiguration(abstract: "Show one group: its grants and members.")
        @OptionGroup var global: GlobalOptions
        @Argument(help: "The group's name (case does not matter).", completion: Complete.groups) var group: String
        @Flag(help: "Print JSON: {\"name\", \"grants\", \"members\": [{\"email\", \"name\", \"role\", \"status\"}], \"version\"}.")
        var json = false

        func run() throws {
            let detail = try global.openWorkspaceForReading().group(try GroupsCommand.name(group))
            if json { return Console.raw(PermissionJSON.groupDetail(detail).rendered() + "\n") }
            Console.line(detail.summary.name)
            Console.line("  grants:  " + List.grants(detail.summary.grants))
            Console.line("  members: \(detail.members.count)")
            if !detail.summary.inboxes.isEmpty {
                Console.line("  inboxes: " + detail.summary.inboxes.map(\.value).joined(separator: ", "))
            }
            guard !detail.members.isEmpty else { return }
            Console.table(["  NAME", "EMAIL", "ROLE", "STATUS"], detail.members.map {
                ["  " + $0.name, $0.email.value, $0.role.rawValue, $0.status.rawValue]
            })
        }
    }

    struct Create: ParsableCommand {
        static let configuration = CommandConfiguration(abstract: "Create an empty group.")
        @OptionGroup var global: GlobalOptions
        @OptionGroup var output: ChangeOutput
        @Argument(help: "The new group's name (unique as it looks, ignoring case).") var name: String

        func run() throws { try perform(global, output, .createGroup(name: try GroupsCommand.name(name))) }
    }

    struct Rename: ParsableCommand {
        static let configuration = CommandConfiguration(abstract: "Rename a group.")
        @OptionGroup var global: GlobalOptions
        @OptionGroup var output: ChangeOutput
        @OptionGroup var expect: ExpectVersion
        @Argument(help: "The group's name.", completion: Complete.groups) var group: String
        @Argument(help: "Its new name.") var name: String

        func run() throws {
            try perform(global, output, .renameGroup(group: try GroupsCommand.name(group), to: try GroupsCommand.name(name),
                                             expectedVersion: expect.expectVersion))
        }
    }

    struct Delete: ParsableCommand {
        static let configuration = CommandConfiguration(
            abstract: "Delete a group; its members lose its grants.",
            discussion: "On a terminal you are asked to type the group's name to confirm; elsewhere --yes is needed.")
        @OptionGroup var global: GlobalOptions
        @OptionGroup var output: ChangeOutput
        @OptionGroup var expect: ExpectVersion
        @Argument(help: "The group's name.", completion: Complete.groups) var group: String
        @Flag(help: "Do not ask for confirmation (needed when not on a terminal).") var yes = false

        func run() throws {
            let name = try GroupsCommand.name(group)
            try confirmThenPerform(global, output, .deleteGroup(group: name, expectedVersion: expect.expectVersion),
                                   typing: name.value, what: "delete group '\(name)'", skip: yes)
        }
    }

    struct Add: ParsableCommand {
        static let configuration = CommandConfiguration(
            abstract: "Add a member (or every member listed in a file) to a group.",
            usage: "clerk-team groups add GROUP EMAIL\nclerk-team groups add GROUP --from-file FILE [--partial]")
        @OptionGroup var global: GlobalOptions
        @OptionGroup var output: ChangeOutput
        @OptionGroup var expect: ExpectVersion
        @OptionGroup var bulk: BulkOptions
        @Argument(help: "The group's name.", completion: Complete.groups) var group: String
        @Argument(help: "The member's email (left out with --from-file).", completion: Complete.emails) var email: String?

        func validate() throws { _ = try positionals() }

        /// EMAIL and the rest, or the rest alone with --from-file.
        private func positionals() throws -> (email: String?, others: [String]) {
            try bulk.arguments(email: email, then: [], usage: "GROUP EMAIL, or GROUP --from-file FILE", expectVersion: expect.expectVersion)
        }

        func run() throws {
            let name = try GroupsCommand.name(group)
            let (email, _) = try positionals()
            guard let email else { return try BulkChange.run(global, bulk) { .addToGroup(group: name, member: $0) } }
            try perform(global, output, .addToGroup(group: name, member: try Parse.email(email), expectedVersion: expect.expectVersion))
        }
    }

    struct Remove: ParsableCommand {
        static let configuration = CommandConfiguration(
            abstract: "Take a member (or every member listed in a file) out of a group.",
            usage: "clerk-team groups remove GROUP EMAIL\nclerk-team groups remove GROUP --from-file FILE [--partial]")
        @OptionGroup var global: GlobalOptions
        @OptionGroup var output: ChangeOutput
        @OptionGroup var expect: ExpectVersion
        @OptionGroup var bulk: BulkOptions
        @Argument(help: "The group's name.", completion: Complete.groups) var group: String
        @Argument(help: "The member's email (left out with --from-file).", completion: Complete.emails) var email: String?

        func validate() throws { _ = try positionals() }

        /// EMAIL and the rest, or the rest alone with --from-file.
        private func positionals() throws -> (email: String?, others: [String]) {
            try bulk.arguments(email: email, then: [], usage: "GROUP EMAIL, or GROUP --from-file FILE", expectVersion: expect.expectVersion)
        }

        func run() throws {
            let name = try GroupsCommand.name(group)
            let (email, _) = try positionals()
            guard let email else { return try BulkChange.run(global, bulk) { .removeFromGroup(group: name, member: $0) } }
            try perform(global, output, .removeFromGroup(group: name, member: try Parse.email(email), expectedVersion: expect.expectVersion))
        }
    }

    struct Grant: ParsableCommand {
        static let configuration = CommandConfiguration(abstract: "Make a group grant a permission to its members.")
        @OptionGroup var global: GlobalOptions
        @OptionGroup var output: ChangeOutput
        @OptionGroup var expect: ExpectVersion
        @Argument(help: "The group's name.", completion: Complete.groups) var group: String
        @Argument(help: "A permission key.", completion: Complete.permissions) var permission: String

        func run() throws {
            try perform(global, output, .grantToGroup(group: try GroupsCommand.name(group), permission: try Parse.permission(permission),
                                              expectedVersion: expect.expectVersion))
        }
    }

    struct Revoke: ParsableCommand {
        static let configuration = CommandConfiguration(abstract: "Stop a group granting a permission.")
        @OptionGroup var global: GlobalOptions
        @OptionGroup var output: ChangeOutput
        @OptionGroup var expect: ExpectVersion
        @Argument(help: "The group's name.", completion: Complete.groups) var group: String
        @Argument(help: "A permission key.", completion: Complete.permissions) var permission: String

        func run() throws {
            try perform(global, output, .revokeFromGroup(group: try GroupsCommand.name(group), permission: try Parse.permission(permission),
                                                 expectedVersion: expect.expectVersion))
        }
    }
}
