import ArgumentParser
import Foundation
import TeamCore
import TeamStore

struct CanCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "can",
        abstract: "Does a member hold a permission? Exit 0 if yes, 1 if no.")
    @OptionGroup var global: GlobalOptions
    @Argument(help: "The member's email.") var email: String
    @Argument(help: "A permission key, e.g. add-inbox.") var permission: String

    func run() throws {
        let address = try Parse.email(email)
        let key = try Parse.permission(permission)
        let explanation = try global.openWorkspace().explain(address, key)
        Console.line(explanation.held ? "yes: \(address) holds \(key.rawValue)" : "no: \(address) does not hold \(key.rawValue)")
        if !explanation.held { throw Refused() }
    }
}

struct ExplainCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "explain",
        abstract: "Show where a member's permission comes from (role, groups, overrides).")
    @OptionGroup var global: GlobalOptions
    @Argument(help: "The member's email.") var email: String
    @Argument(help: "A permission key.") var permission: String
    @Flag(help: "Print JSON: {\"member\", \"permission\", \"held\", \"sources\": [{\"source\", \"role\", \"group\", \"text\"}]}.")
    var json = false

    func run() throws {
        let address = try Parse.email(email)
        let key = try Parse.permission(permission)
        let explanation = try global.openWorkspace().explain(address, key)
        if json { return Console.raw(PermissionJSON.explanation(address, explanation).rendered() + "\n") }
        Console.line("\(address) \(explanation.held ? "holds" : "does not hold") \(key.rawValue)")
        if explanation.sources.isEmpty {
            Console.line("  - no role, group or override gives it")
        }
        for source in explanation.sources { Console.line("  - \(source)") }
    }
}

struct WhoHoldsCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "who-holds",
        abstract: "List every active member who holds a permission, and why.")
    @OptionGroup var global: GlobalOptions
    @Argument(help: "A permission key.") var permission: String
    @Flag(help: "Print JSON: [{\"email\", \"name\", \"role\", \"sources\"}] by name (sources as in explain --json).")
    var json = false

    func run() throws {
        let holders = try global.openWorkspace().whoHolds(try Parse.permission(permission))
        if json { return JSONViews.printArray(holders, PermissionJSON.holder) }
        Console.table(["NAME", "EMAIL", "ROLE", "WHY"], holders.map { holder in
            [holder.member.name, holder.member.email.value, holder.member.role.rawValue,
             holder.explanation.sources.map(\.description).joined(separator: "; ")]
        })
    }
}

struct AuditCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "audit",
        abstract: "Show the audit log, oldest first.")
    @OptionGroup var global: GlobalOptions
    @OptionGroup var filters: AuditFilters
    @Option(help: "Only the most recent N events.") var limit: Int?
    @Flag(help: "Print JSON lines: one {id, at, actor, login, via_as, interface, action, target, before, after} per line.")
    var json = false

    func run() throws {
        let workspace = try global.openWorkspace()
        if json { return try filters.streamJSON(workspace, limit: limit) }
        let events = try workspace.auditEvents(try filters.query(limit: limit))
        Console.table(["WHEN", "ACTOR", "LOGIN", "VIA", "ACTION", "TARGET", "CHANGE"], events.map { event in
            [event.at.iso8601, event.actor ?? "-", event.osLogin + (event.viaAs ? " (--as)" : ""),
             event.interface.rawValue, event.action, event.target,
             [event.before.map { "before \($0)" }, event.after.map { "after \($0)" }].compactMap { $0 }.joined(separator: " ")]
        })
    }
}
