import ArgumentParser
import Foundation
import TeamCore
import TeamTUI
import TermText

@main
struct ClerkTeam: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "clerk-team",
        abstract: "Manage the team of a business-texting workspace: members, inboxes, roles.",
        discussion: """
            With no subcommand, opens the full-screen terminal interface.
            Exit status: 0 done, 1 refused by the guard or invalid input (stderr says why), 2 usage error.
            """,
        version: ClerkVersion.current,
        subcommands: [
            InitCommand.self, DemoCommand.self, RolesCommand.self, MembersCommand.self,
            InboxesCommand.self, AssignCommand.self, UnassignCommand.self,
            PermissionsCommand.self, GroupsCommand.self, CanCommand.self, ExplainCommand.self, WhoHoldsCommand.self, AuditCommand.self, KeysCommand.self, WhoCommand.self,
            InviteCommand.self, InvitesCommand.self, AcceptCommand.self, MailCommand.self, ManualCommand.self,
            RosterCommand.self, BillingCommand.self, ContactsCommand.self, PropertiesCommand.self, MessagesCommand.self, ReviewCommand.self,
        ]
    )

    @OptionGroup var global: GlobalOptions

    /// No subcommand: the full-screen interface on the workspace.
    func run() throws {
        let lockWait = LockWaitDisplay()
        let (workspace, config) = try global.openWorkspaceSendingMail(interface: .tui, lockWait: lockWait)
        try TUIApp.run(workspace, mail: config, lockWait: lockWait)
    }

    /// Maps failures to the documented exit codes: 1 for refusals and bad
    /// input, 2 for usage errors (ArgumentParser's own default is 64).
    static func main() {
        do {
            var command = try parseAsRoot()
            try command.run()
        } catch let error as TeamError {
            Console.error(error.description)
            Foundation.exit(1)
        } catch let refused as Refused {
            Foundation.exit(refused.code)
        } catch {
            let code = exitCode(for: error)
            if code == .validationFailure {
                let message = UsageErrors.message(for: error, arguments: Array(CommandLine.arguments.dropFirst()))
                let lines = message.split(separator: "\n", maxSplits: 1).map(String.init)
                Console.error(lines.first ?? "")
                let usage = lines.dropFirst().flatMap { $0.split(separator: "\n") }.map { TerminalText.sanitize(String($0)) }
                if !usage.isEmpty { FileHandle.standardError.write(Data((usage.joined(separator: "\n") + "\n").utf8)) }
                Foundation.exit(2)
            }
            let message = fullMessage(for: error)
            if !message.isEmpty {
                if code == .success { print(message) } else { Console.error(message) }
            }
            Foundation.exit(code.rawValue)
        }
    }
}

/// Ends a command with exit status 1 after it has already said why.
struct Refused: Error {
    var code: Int32 = 1
}
