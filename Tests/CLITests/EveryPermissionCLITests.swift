import Foundation
import Testing
import TestSupport
@testable import TeamCore

/// Issue 12's acceptance, through the real binary: for each of the fifteen
/// permissions, one action a member takes with it and the same action refused
/// without it, the workspace unchanged. Each side runs on its own fresh
/// workspace, so one case (or one side) cannot lean on another's leftovers.
@Suite(.timeLimit(.minutes(10))) struct EveryPermissionCLITests {
    static let publicInbox = "+14155550100", privateInbox = "+14155550190", noInbox = "+14155550199"
    static let contact = "+14155550123"

    /// What the action should leave behind, seen by the owner through `observe`
    /// (or, for a read, in the action's own output).
    enum Effect {
        case appears(String)
        case disappears(String)
        case printed(String)
    }

    /// One permission's action: who takes it, what it is, and how to see it worked.
    struct Case {
        var subject = "admin@acme.test"
        var messages = false
        var action: (CLIHarness) throws -> [String]
        var observe: [String]
        var effect: Effect
    }

    /// An admin outranks the `member` targets and holds, by role, everything but
    /// the two message keys. delete-messages is held by no role that may give
    /// it (a workspace-admin lacks it), so its subject is a manager, who holds
    /// it by role: the "with" side there is the role's default, not a grant.
    static func action(for permission: Permission) -> Case {
        switch permission {
        case .addInbox:
            Case(action: { _ in ["inboxes", "add", "+14155550177", "--name", "Returns", "--public"] },
                 observe: ["inboxes", "list", "--json"], effect: .appears("+14155550177"))
        case .removeInbox:
            Case(action: { _ in ["inboxes", "remove", publicInbox, "--yes"] },
                 observe: ["inboxes", "list", "--json"], effect: .disappears(publicInbox))
        case .modifyPrivateInbox:
            Case(action: { _ in ["inboxes", "rename", privateInbox, "Renamed VIP"] },
                 observe: ["inboxes", "list", "--json"], effect: .appears("Renamed VIP"))
        case .modifyPublicInbox:
            Case(action: { _ in ["inboxes", "rename", publicInbox, "Renamed Support"] },
                 observe: ["inboxes", "list", "--json"], effect: .appears("Renamed Support"))
        case .viewPrivateInbox, .viewPublicInbox:
            // Visibility, checked apart in `visibility(_:)`; this entry is not used.
            Case(action: { _ in [] }, observe: [], effect: .printed(""))
        case .modifyBilling:
            Case(action: { _ in ["billing", "set", "--plan", "Gold"] },
                 observe: ["billing", "show", "--json"], effect: .appears("Gold"))
        case .modifyTeam:
            Case(action: { _ in ["groups", "create", "Crew"] },
                 observe: ["groups", "list", "--json"], effect: .appears("Crew"))
        case .modifyTeamMember:
            Case(action: { _ in ["members", "rename", "member@acme.test", "Renamed Person"] },
                 observe: ["members", "list", "--json"], effect: .appears("Renamed Person"))
        case .addTeamMembers:
            Case(action: { _ in ["invite", "newcomer@example.com", "--role", "member"] },
                 observe: ["invites", "list", "--json"], effect: .appears("newcomer@example.com"))
        case .removeTeamMembers:
            Case(action: { _ in ["members", "remove", "member@acme.test", "--yes"] },
                 observe: ["members", "list", "--json"], effect: .disappears("member@acme.test"))
        case .updateContact:
            Case(action: { _ in ["contacts", "add", contact, "--name", "Ann Contact"] },
                 observe: ["contacts", "list", "--json"], effect: .appears("Ann Contact"))
        case .updateProperty:
            Case(action: { _ in ["properties", "add", "Tier", "--type", "text"] },
                 observe: ["properties", "list", "--json"], effect: .appears("Tier"))
        case .viewMessages:
            Case(messages: true, action: { _ in ["messages", "threads", publicInbox, "--json"] },
                 observe: [], effect: .printed("second note"))
        case .deleteMessages:
            Case(subject: "manager@acme.test", messages: true,
                 action: { cli in ["messages", "delete", String(try firstMessageID(cli)), "--yes"] },
                 observe: ["messages", "show", publicInbox, contact, "--json"], effect: .disappears("first note"))
        }
    }

    /// The seeded team (see `CLIHarness.seedTeam`), with two messages in the
    /// public inbox when the case reads or deletes them.
    static func workspace(messages: Bool) throws -> CLIHarness {
        let cli = try CLIHarness()
        try cli.seedTeam()
        if messages {
            let lines = [#"{"inbox":"\#(publicInbox)","contact":"\#(contact)","direction":"in","at":"2026-11-30T10:00:00Z","text":"first note"}"#,
                         #"{"inbox":"\#(publicInbox)","contact":"\#(contact)","direction":"in","at":"2026-11-30T10:01:00Z","text":"second note"}"#]
            try (lines.joined(separator: "\n") + "\n").write(toFile: cli.dir.file("m.jsonl"), atomically: true, encoding: .utf8)
            try cli.ok("messages", "import", "m.jsonl")
        }
        return cli
    }

    static func firstMessageID(_ cli: CLIHarness) throws -> Int {
        let thread = try #require(try cli.json("messages", "show", publicInbox, contact, "--json") as? [String: Any])
        let messages = try #require(thread["messages"] as? [[String: Any]])
        return try #require(messages.first { $0["text"] as? String == "first note" }?["id"] as? Int)
    }

    /// The owner (a workspace-admin bound to the login running the tests)
    /// gives `permission` to `subject` by an override grant where they hold it
    /// themselves, or leaves the role's default; either way the guard must say held.
    static func give(_ permission: Permission, to subject: String, _ cli: CLIHarness) throws {
        if try cli.run("can", "owner@acme.test", permission.rawValue).status == 0 {
            try cli.ok("permissions", "grant", subject, permission.rawValue)
        }
        #expect(try cli.run("can", subject, permission.rawValue).status == 0, "\(subject) holds \(permission.rawValue)")
    }

    static func take(_ permission: Permission, from subject: String, _ cli: CLIHarness) throws {
        try cli.ok("permissions", "revoke", subject, permission.rawValue)
        #expect(try cli.run("can", subject, permission.rawValue).status == 1, "\(subject) lacks \(permission.rawValue)")
    }

    @Test(arguments: Permission.allCases)
    func allowsItsActionAndItsAbsenceRefusesIt(_ permission: Permission) throws {
        if permission == .viewPrivateInbox || permission == .viewPublicInbox { return try visibility(permission) }
        let spec = Self.action(for: permission)

        // Without: refused by the permission rule, nothing changed.
        let without = try Self.workspace(messages: spec.messages)
        try Self.take(permission, from: spec.subject, without)
        let arguments = try spec.action(without)
        let before = try without.stateOutsideRefusals()
        let refused = try without.run(["--as", spec.subject] + arguments)
        #expect(refused.status == 1, "\(arguments): \(refused.stdout)")
        #expect(refused.stderr.contains("refused (permission): you need \(permission.rawValue) to"), "\(refused.stderr)")
        #expect(try without.stateOutsideRefusals() == before, "a refused \(arguments) changes nothing")
        if case .printed(let text) = spec.effect { #expect(!refused.stdout.contains(text)) }

        // With: the same action succeeds and its change shows.
        let with = try Self.workspace(messages: spec.messages)
        try Self.give(permission, to: spec.subject, with)
        let observedBefore = spec.observe.isEmpty ? "" : try with.ok(spec.observe)
        let done = try with.run(["--as", spec.subject] + (try spec.action(with)))
        #expect(done.status == 0, "\(arguments): \(done.stderr)")
        let observedAfter = spec.observe.isEmpty ? "" : try with.ok(spec.observe)
        switch spec.effect {
        case .appears(let text): #expect(!observedBefore.contains(text) && observedAfter.contains(text), "\(observedAfter)")
        case .disappears(let text): #expect(observedBefore.contains(text) && !observedAfter.contains(text), "\(observedAfter)")
        case .printed(let text): #expect(done.stdout.contains(text), "\(done.stdout)")
        }
    }

    /// The two view keys are visibility: without one, its inbox is not listed
    /// and naming it answers exactly like a number that is no inbox.
    func visibility(_ permission: Permission) throws {
        let inbox = permission == .viewPrivateInbox ? Self.privateInbox : Self.publicInbox
        let subject = "admin@acme.test"

        let without = try Self.workspace(messages: false)
        try Self.take(permission, from: subject, without)
        let before = try without.stateOutsideRefusals()
        #expect(!(try without.ok("--as", subject, "inboxes", "list", "--json")).contains(inbox))
        let hidden = try without.run("--as", subject, "inboxes", "rename", inbox, "Seen")
        let missing = try without.run("--as", subject, "inboxes", "rename", Self.noInbox, "Seen")
        #expect(hidden.status == 1 && missing.status == 1)
        #expect(missing.stderr.contains("no inbox \(Self.noInbox) in this workspace"), "\(missing.stderr)")
        #expect(hidden.stderr == missing.stderr.replacingOccurrences(of: Self.noInbox, with: inbox))
        #expect(try without.stateOutsideRefusals() == before)

        let with = try Self.workspace(messages: false)
        try Self.give(permission, to: subject, with)
        #expect(try with.ok("--as", subject, "inboxes", "list", "--json").contains(inbox))
        #expect(try with.run("--as", subject, "inboxes", "rename", inbox, "Seen").status == 0)
        #expect(try with.ok("inboxes", "list", "--json").contains("Seen"))
    }
}

private extension CLIHarness {
    @discardableResult
    func ok(_ arguments: [String]) throws -> String {
        let result = try run(arguments)
        #expect(result.status == 0, "\(arguments): \(result.stderr)")
        return result.stdout
    }
}
