import ArgumentParser
import Foundation
import TeamCore
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

    func run() throws {
        let name = try Parse.name(workspace, field: "workspace name")
        let email = try Parse.email(adminEmail)
        let admin = try Parse.name(adminName ?? String(email.value.prefix { $0 != "@" }), field: "admin name")
        let path = global.path
        let identity = OperatorIdentity(osLogin: GlobalOptions.osLogin, interface: .cli)
        _ = try SQLiteWorkspace.create(path: path, name: name, adminEmail: email, adminName: admin, identity: identity)
        Console.line("created workspace '\(name)' at \(path)")
        Console.line("\(email) is its workspace-admin, bound to login '\(identity.osLogin)'")
    }
}

struct DemoCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "demo",
        abstract: "Build a demo workspace (kept apart from your real one) to try everything at once.",
        discussion: "Default file: $XDG_DATA_HOME/clerk-team/demo.db. An existing demo file is replaced; any other file is left alone.")

    @OptionGroup var global: GlobalOptions

    @Option(help: "How many members to create.")
    var members: Int = 60

    @Flag(help: "Only build it; do not open the interface (the default when not on a terminal).")
    var noTui = false

    func validate() throws {
        guard (1...2_000_000).contains(members) else {
            throw ValidationError("--members must be between 1 and 2000000")
        }
    }

    func run() throws {
        let path = global.db.flatMap { $0.isEmpty ? nil : $0 } ?? GlobalOptions.defaultPath(file: "demo.db")
        let identity = OperatorIdentity(osLogin: GlobalOptions.osLogin, interface: .cli)
        let workspace = try SQLiteWorkspace.createDemo(path: path, members: members, identity: identity)
        if !noTui && TUIApp.hasTerminal {
            let tui = try SQLiteWorkspace.open(path: path, identity: OperatorIdentity(osLogin: identity.osLogin, interface: .tui))
            return try TUIApp.run(tui, readOnly: false)
        }
        let summary = try workspace.summary()
        Console.line("demo workspace '\(summary.name)' at \(path): \(summary.members) members, \(summary.inboxes) inboxes")
        Console.line("you are its workspace-admin; open it with: clerk-team --db \(path)")
    }
}
