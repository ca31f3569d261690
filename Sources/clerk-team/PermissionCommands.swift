import ArgumentParser
import Foundation
import JSONText
import TeamCore
import TeamStore

struct CanCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "can",
        abstract: "Does a member hold a permission? Exit 0 if yes, 1 if no.")
    @OptionGroup var global: GlobalOptions
    @Argument(help: "The member's email.", completion: Complete.emails) var email: String
    @Argument(help: "A permission key, e.g. add-inbox.", completion: Complete.permissions) var permission: String
    @Flag(help: "Print JSON: {\"member\", \"permission\", \"held\"} (the exit status is the same).") var json = false

    func run() throws {
        let address = try Parse.email(email)
        let key = try Parse.permission(permission)
        let explanation = try global.openWorkspaceForReading().explain(address, key)
        if json {
            Console.raw(JSONText.Value.object([("member", .string(address.value)), ("permission", .string(key.rawValue)),
                                               ("held", .bool(explanation.held))]).rendered() + "\n")
        } else {
            Console.line(explanation.held ? "yes: \(address) holds \(key.rawValue)" : "no: \(address) does not hold \(key.rawValue)")
        }
        if !explanation.held { throw Refused() }
    }
}

struct ExplainCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "explain",
        abstract: "Show where a member's permission comes from (role, groups, overrides).",
        discussion: "How they are given: " + Guard.givingRule + ".")
    @OptionGroup var global: GlobalOptions
    @Argument(help: "The member's email.", completion: Complete.emails) var email: String
    @Argument(help: "A permission key.", completion: Complete.permissions) var permission: String
    @Flag(help: "Print JSON: {\"member\", \"permission\", \"held\", \"sources\": [{\"source\", \"role\", \"group\", \"text\"}]}.")
    var json = false

    func run() throws {
        let address = try Parse.email(email)
        let key = try Parse.permission(permission)
        let explanation = try global.openWorkspaceForReading().explain(address, key)
        if json { return Console.raw(PermissionJSON.explanation(address, explanation).rendered() + "\n") }
        Console.line("\(address) \(explanation.held ? "holds" : "does not hold") \(key.rawValue)")
        if explanation.sources.isEmpty {
            Console.line("  - no role, group or override gives it")
        }
        for source in explanation.sources { Console.line("  - \(source)") }
        // A role gives without a permission-by-permission check: say so where it matters.
        if explanation.held, explanation.sources.contains(where: \.isRoleDefault) {
            Console.line("note: " + Guard.givingRule)
        }
    }
}

struct WhoHoldsCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "who-holds",
        abstract: "List every active member who holds a permission, and why.")
    @OptionGroup var global: GlobalOptions
    @Argument(help: "A permission key.", completion: Complete.permissions) var permission: String
    @Flag(help: "Print JSON: [{\"email\", \"name\", \"role\", \"sources\"}] by name (sources as in explain --json).")
    var json = false

    func run() throws {
        let holders = try global.openWorkspaceForReading().whoHolds(try Parse.permission(permission))
        if json { return JSONViews.printArray(holders, PermissionJSON.holder) }
        Console.table(["NAME", "EMAIL", "ROLE", "WHY"], holders.map { holder in
            [holder.member.name, holder.member.email.value, holder.member.role.rawValue,
             holder.explanation.sources.map(\.description).joined(separator: "; ")]
        })
    }
}
