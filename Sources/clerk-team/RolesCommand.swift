import ArgumentParser
import Foundation
import JSONText
import TeamCore
import TeamStore

/// `roles`: the role matrix of this workspace, and editing it.
struct RolesCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "roles",
        abstract: "Show each role's rank and default permissions; change them for this workspace.",
        subcommands: [Show.self, Set.self, Reset.self, Lint.self],
        defaultSubcommand: Show.self)

    struct Show: ParsableCommand {
        static let configuration = CommandConfiguration(abstract: "Show each role's rank and default permissions.")
        @OptionGroup var global: GlobalOptions
        @Flag(help: "Print JSON: [{\"role\", \"rank\", \"permissions\", \"changed\"}] in rank order.")
        var json = false

        func run() throws {
            // Outside a workspace the shipped matrix is what applies.
            let matrix = FileManager.default.fileExists(atPath: global.path)
                ? try global.openWorkspaceForReading().roleMatrix() : RoleMatrix.shipped
            if json { return Console.raw(PermissionJSON.roles(matrix).rendered() + "\n") }
            let header = ["PERMISSION"] + Role.byRank.map(\.rawValue)
            let rows = Permission.allCases.map { permission in
                [permission.rawValue] + Role.byRank.map { role in
                    let changed = matrix.holds(role, permission) != RoleMatrix.shipped.holds(role, permission)
                    return (matrix.holds(role, permission) ? "yes" : "-") + (changed ? "*" : "")
                }
            }
            Console.line("Roles, highest rank first: " + Role.byRank.map { "\($0.rawValue) (\($0.rank))" }.joined(separator: ", "))
            Console.table(header, rows)
            if matrix != .shipped {
                Console.line("* changed in this workspace ('clerk-team roles reset' restores the shipped defaults)")
            }
        }
    }

    struct Set: ParsableCommand {
        static let configuration = CommandConfiguration(
            abstract: "Change a role's default permissions in this workspace: +permission adds, -permission removes.",
            discussion: """
                Only a workspace-admin may, adding only permissions they hold; the workspace-admin role \
                always keeps modify-team-member and add-team-members. Example: roles set admin +view-messages
                """)
        @OptionGroup var global: GlobalOptions
        @OptionGroup var output: ChangeOutput
        @Argument(help: "The role to change.", completion: Complete.roles) var role: String
        @Argument(parsing: .allUnrecognized, help: ArgumentHelp("+permission or -permission, one or more.", valueName: "change"))
        var changes: [String] = []

        func run() throws {
            let edit = try RoleEditArguments.parse(changes)
            try perform(global, output, .setRoleDefaults(role: try Parse.role(role), adding: edit.adding, removing: edit.removing))
        }
    }

    struct Reset: ParsableCommand {
        static let configuration = CommandConfiguration(
            abstract: "Restore the shipped default permissions of one role, or of every role.")
        @OptionGroup var global: GlobalOptions
        @OptionGroup var output: ChangeOutput
        @Argument(help: "The role to restore (all roles if left out).", completion: Complete.roles) var role: String?

        func run() throws {
            try perform(global, output, .resetRoleDefaults(role: try role.map(Parse.role)))
        }
    }
}

extension RolesCommand {
    struct Lint: ParsableCommand {
        static let configuration = CommandConfiguration(
            abstract: "Report oddities of this workspace's roles and groups, one line each with its rule.",
            discussion: "Exit status 0 when there is nothing to report, 1 when there is.")
        @OptionGroup var global: GlobalOptions
        @Flag(help: "Print JSON: [{\"rule\", \"role\", \"permission\", \"group\", \"message\"}].") var json = false

        func run() throws {
            let findings = try global.openWorkspaceForReading().lint()
            if json {
                Console.raw(JSONText.Value.array(findings.map(PermissionJSON.finding)).rendered() + "\n")
            } else if findings.isEmpty {
                Console.line("no findings")
            } else {
                for finding in findings { Console.line("\(finding.rule.rawValue): \(finding.message)") }
            }
            if !findings.isEmpty { throw Refused() }
        }
    }
}

/// `+permission -permission …` as typed after `roles set ROLE`.
enum RoleEditArguments {
    static func parse(_ words: [String]) throws -> (adding: Swift.Set<Permission>, removing: Swift.Set<Permission>) {
        var adding = Swift.Set<Permission>(), removing = Swift.Set<Permission>()
        for word in words where word != "--" {
            guard let sign = word.first, sign == "+" || sign == "-" else {
                throw TeamError.invalid(ValidationError(field: "change",
                    message: "'\(word)' is not +permission or -permission (e.g. +view-messages)"))
            }
            let permission = try Parse.permission(String(word.dropFirst()))
            if sign == "+" { adding.insert(permission) } else { removing.insert(permission) }
        }
        if words.filter({ $0 != "--" }).isEmpty {
            throw TeamError.invalid(ValidationError(field: "change", message: "give at least one +permission or -permission"))
        }
        return (adding, removing)
    }
}
