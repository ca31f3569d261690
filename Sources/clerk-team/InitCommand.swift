import ArgumentParser
import JSONText
import Foundation
import TeamCore
import TeamTUI
import TeamStore

struct InitCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "init",
        abstract: "Create a new workspace; you become its workspace-admin, bound to your login.")

    @OptionGroup var global: GlobalOptions

    @Option(help: "Name of the workspace.")
    var workspace: String

    @Option(help: "Email address of the first workspace-admin (you).")
    var adminEmail: String

    @Option(help: "Display name of the first workspace-admin (default: from the email).")
    var adminName: String?

    @Flag(help: "Print JSON: {\"changed\": true, \"workspace\", \"path\", \"admin\": {member}}.") var json = false

    func run() throws {
        let name = try Parse.name(workspace, field: "workspace name")
        let email = try Parse.email(adminEmail)
        let admin = try Parse.name(adminName ?? String(email.value.prefix { $0 != "@" }), field: "admin name")
        let created = try global.openWorkspace(.create(name: name, adminEmail: email, adminName: admin))
        if json {
            let detail = try created.member(email)
            return Console.raw(JSONText.Value.object([
                ("changed", .bool(true)), ("workspace", .string(name.value)), ("path", .string(created.path)),
                ("admin", JSONViews.memberDetail(detail)),
            ]).rendered() + "\n")
        }
        Console.line("created workspace '\(name)' at \(created.path)")
        Console.line("\(email) is its workspace-admin, bound to login '\(created.identity.osLogin)'")
    }
}

struct DemoCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "demo",
        abstract: "Build a demo workspace (kept apart from your real one) to try everything at once.",
        discussion: "Default file: $XDG_DATA_HOME/clerk-team/demo.db. An existing demo file is replaced; any other file is left alone.")

    @OptionGroup var global: GlobalOptions

    @Option(parsing: .unconditional, help: ArgumentHelp("How many members to create.", valueName: "members"),
            transform: { try Whole.atLeastOne($0) })
    var members: Int = 60

    @Flag(help: "Only build it; do not open the interface (the default when not on a terminal).")
    var noTui = false

    func validate() throws {
        guard (1...2_000_000).contains(members) else {
            throw ValidationError("--members must be between 1 and 2000000")
        }
    }

    func run() throws {
        let path = global.demoPath
        let workspace = try global.openWorkspace(.demo(members: members), at: path)
        if !noTui && TUIApp.hasTerminal {
            let lockWait = LockWaitDisplay()
            let (tui, config) = try global.openWorkspaceSendingMail(at: path, interface: .tui, lockWait: lockWait)
            return try TUIApp.run(tui, mail: config, lockWait: lockWait)
        }
        let summary = try workspace.summary()
        Console.line("demo workspace '\(summary.name)' at \(path): \(counted(summary.members, "member")), \(counted(summary.inboxes, "inbox", "inboxes"))")
        Console.line("you are its workspace-admin; open it with: clerk-team --db \(path)")
    }
}
