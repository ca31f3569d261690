import ArgumentParser
import Foundation
import JSONText
import TeamCore
import TeamStore

struct RolesCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "roles",
        abstract: "Show each role's rank and default permissions.")

    @OptionGroup var global: GlobalOptions

    @Flag(help: "Print JSON: [{\"role\", \"rank\", \"permissions\"}] in rank order.")
    var json = false

    func run() throws {
        // Outside a workspace the shipped matrix is what applies.
        let path = global.path
        let matrix = FileManager.default.fileExists(atPath: path)
            ? try global.openWorkspace().roleMatrix() : RoleMatrix.shipped
        if json {
            let value = JSONText.Value.array(Role.byRank.map { role in
                .object([("role", .string(role.rawValue)), ("rank", .int(Int64(role.rank))),
                         ("permissions", .array(matrix.permissions(of: role).sorted().map { .string($0.rawValue) }))])
            })
            Console.raw(value.rendered() + "\n")
            return
        }
        let header = ["PERMISSION"] + Role.byRank.map(\.rawValue)
        let rows = Permission.allCases.map { permission in
            [permission.rawValue] + Role.byRank.map { matrix.holds($0, permission) ? "yes" : "-" }
        }
        Console.line("Roles, highest rank first: " + Role.byRank.map { "\($0.rawValue) (\($0.rank))" }.joined(separator: ", "))
        Console.table(header, rows)
    }
}
