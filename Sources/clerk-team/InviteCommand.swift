import ArgumentParser
import Foundation
import JSONText
import TeamCore
import TeamPhone
import TeamStore

struct InviteCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "invite",
        abstract: "Invite someone by email with a role and inboxes; the invitation mail is queued and sent.",
        discussion: """
            Inviting an email that has a pending invitation replaces it (the old token stops working).
            The mail goes through the transport of your config file (see 'clerk-team mail --help').
            """)
    @OptionGroup var global: GlobalOptions
    @Argument(help: "The invitee's email address.") var email: String
    @Option(help: "admin, manager, agent or member (workspace-admin only from a workspace-admin).", completion: Complete.roles) var role: String
    @Option(name: .customLong("inbox"), help: ArgumentHelp("An inbox to put them in; repeat for more.", valueName: "phone"),
            completion: Complete.phones)
    var inboxes: [String] = []
    @Flag(help: "Print JSON: {invitation, message, mail}.") var json = false

    func run() throws {
        let address = try Parse.email(email)
        let role = try Parse.role(role)
        let phones = try inboxes.map(Parse.phone)
        let (workspace, config) = try global.openWorkspaceSendingMail()
        let outcome = try workspace.perform(.invite(email: address, role: role, inboxes: phones))
        if json {
            let pairs: [(String, JSONText.Value)] = [
                ("invitation", outcome.invitation.map(JSONViews.invitation) ?? .null),
                ("message", .string(outcome.message)),
                ("mail", .array(outcome.queuedMail.map { .int($0) })),
            ]
            Console.raw(JSONText.Value.object(pairs).rendered() + "\n")
        } else {
            Console.line(outcome.message)
        }
        MailWiring.deliverNow(workspace, config, ids: outcome.queuedMail, toStderr: json)
    }
}

struct AcceptCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "accept",
        abstract: "Join a workspace with the token from your invitation mail; binds your login.",
        discussion: "Give '-' as the token to read it from standard input (kept out of the process list).")
    @OptionGroup var global: GlobalOptions
    @Argument(help: "The invitation token (or '-' to read it from standard input).") var token: String
    @Option(help: "Your display name (default: the part of your email before '@').") var name: String?
    @Flag(help: "Print JSON: {\"changed\": true, \"workspace\", \"member\", \"login\", \"inboxes\", \"skipped_inboxes\"}.")
    var json = false
    @Option(help: ArgumentHelp("Bind this login instead of yours (superuser only, to provision for someone).", valueName: "login"))
    var login: String?

    func run() throws {
        guard global.asEmail == nil else {
            throw TeamError.identity("accept binds a login, not a member: --as does not apply (the superuser may use --login)")
        }
        let ownLogin = GlobalOptions.osLogin
        let target = try login.map(Self.validLogin) ?? ownLogin
        if target != ownLogin && !InvitationRules.mayBindOtherLogin(effectiveUID: geteuid()) {
            throw TeamError.identity("--login binds someone else's login and is only for the superuser; you are '\(ownLogin)'")
        }
        let typed = token == "-" ? try Self.tokenFromStandardInput() : token
        let displayName = try name.map { try Parse.name($0) }
        // Through the one opener like every command, so --read-only refuses this write too.
        let workspace = try global.openWorkspace()
        let outcome = try workspace.acceptInvitation(AcceptRequest(token: typed, name: displayName, login: target))
        let member = outcome.member
        if json {
            return Console.raw(JSONText.Value.object([
                ("changed", .bool(true)), ("workspace", .string(outcome.workspaceName)),
                ("member", .object(JSONViews.memberHead(member, inboxes: outcome.inboxes) + [("version", .int(member.version))])),
                ("login", .string(target)),
                ("inboxes", .array(outcome.inboxes.map { .string($0.value) })),
                ("skipped_inboxes", .array(outcome.skippedInboxes.map { .string($0.value) })),
            ]).rendered() + "\n")
        }
        Console.line("welcome to \(outcome.workspaceName): \(member.email) is now \(member.role.rawValue), bound to login '\(target)'")
        Console.line("inboxes: " + (outcome.inboxes.isEmpty ? "(none yet)" : outcome.inboxes.map(PhoneNumbers.display).joined(separator: ", ")))
        if !outcome.skippedInboxes.isEmpty {
            Console.line("skipped, removed since you were invited: " + outcome.skippedInboxes.map(PhoneNumbers.display).joined(separator: ", "))
        }
    }

    /// One line from standard input. On a terminal it says what it waits
    /// for first (on stderr, so a script's output stays clean).
    static func tokenFromStandardInput() throws -> String {
        if Console.stdinIsTerminal {
            FileHandle.standardError.write(Data("Paste your invitation token and press Enter: ".utf8))
        }
        guard let line = readLine(strippingNewline: true), !line.trimmingCharacters(in: .whitespaces).isEmpty else {
            throw TeamError.invalid(TeamCore.ValidationError(field: "token",
                message: "no token on standard input; paste it when asked, or: echo TOKEN | clerk-team accept -"))
        }
        return line
    }

    /// A login as the system would name one: 1-64 printable ASCII characters, no spaces or colons.
    static func validLogin(_ text: String) throws -> String {
        guard (1...64).contains(text.utf8.count),
              text.unicodeScalars.allSatisfy({ (0x21...0x7E).contains($0.value) && $0 != ":" }) else {
            throw TeamError.invalid(TeamCore.ValidationError(field: "login", message: "'\(text)' is not a login name"))
        }
        return text
    }
}
