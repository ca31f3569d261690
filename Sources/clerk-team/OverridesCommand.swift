import ArgumentParser
import TeamCore

/// `permissions grant|revoke|reset MEMBER PERMISSION`: per-member overrides.
struct PermissionsCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "permissions",
        abstract: "Grant or revoke one permission for one member, or drop that override.",
        discussion: """
            Needs modify-team-member and a higher rank than the member; you can grant only \
            permissions you hold yourself.
            """,
        subcommands: [Grant.self, Revoke.self, Reset.self])

    /// The arguments every override command takes.
    struct Target: ParsableArguments {
        @OptionGroup var expect: ExpectVersion
        @Argument(help: "The member's email.", completion: Complete.emails) var email: String
        @Argument(help: "A permission key, e.g. view-messages.", completion: Complete.permissions) var permission: String
    }

    struct Grant: ParsableCommand {
        static let configuration = CommandConfiguration(abstract: "Give a member a permission their role and groups may not.")
        @OptionGroup var global: GlobalOptions
        @OptionGroup var output: ChangeOutput
        @OptionGroup var target: Target

        func run() throws {
            try perform(global, output, .grantPermission(member: try Parse.email(target.email),
                                                 permission: try Parse.permission(target.permission),
                                                 expectedVersion: target.expect.expectVersion))
        }
    }

    struct Revoke: ParsableCommand {
        static let configuration = CommandConfiguration(abstract: "Take a permission from a member, whatever their role and groups give.")
        @OptionGroup var global: GlobalOptions
        @OptionGroup var output: ChangeOutput
        @OptionGroup var target: Target

        func run() throws {
            try perform(global, output, .revokePermission(member: try Parse.email(target.email),
                                                  permission: try Parse.permission(target.permission),
                                                  expectedVersion: target.expect.expectVersion))
        }
    }

    struct Reset: ParsableCommand {
        static let configuration = CommandConfiguration(abstract: "Remove a member's override of a permission: role and groups decide again.")
        @OptionGroup var global: GlobalOptions
        @OptionGroup var output: ChangeOutput
        @OptionGroup var target: Target

        func run() throws {
            try perform(global, output, .resetPermission(member: try Parse.email(target.email),
                                                 permission: try Parse.permission(target.permission),
                                                 expectedVersion: target.expect.expectVersion))
        }
    }
}
