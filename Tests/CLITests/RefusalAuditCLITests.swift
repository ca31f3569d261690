import Foundation
import Testing
import TestSupport

/// Every change the guard refuses is in `audit --refused`, once, with the
/// rule, however it was tried: a plain change, a destructive one refused
/// before its confirmation, or one inside a bulk change.
@Suite(.timeLimit(.minutes(10))) struct RefusalAuditCLITests {
    /// The refused rows as `audit --refused --json` lists them: action, target, rule, batch.
    static func refusedRows(_ cli: CLIHarness) throws -> [(action: String, target: String, rule: String, batch: String?)] {
        let out = try cli.ok("audit", "--refused", "--json")
        return try out.split(separator: "\n").map { line in
            let row = try #require(try JSONSerialization.jsonObject(with: Data(line.utf8)) as? [String: Any])
            let after = (row["after"] as? String).flatMap { try? JSONSerialization.jsonObject(with: Data($0.utf8)) } as? [String: Any]
            return (row["action"] as? String ?? "", row["target"] as? String ?? "",
                    after?["rule"] as? String ?? "", after?["batch"] as? String)
        }
    }

    struct Case: CustomStringConvertible, Sendable {
        let actor: String
        let arguments: [String]
        let action: String
        let target: String
        let rule: String
        var description: String { "\(actor): \(arguments.joined(separator: " "))" }
    }

    static let inbox = MessagesCLITests.publicInbox, contact = "+14155550123"

    /// One refusable command of each kind, with who tries it and the rule that refuses it.
    static let cases: [Case] = [
        Case(actor: "agent@acme.test", arguments: ["members", "set-role", "member@acme.test", "agent"],
             action: "member.set-role", target: "member@acme.test", rule: "permission"),
        Case(actor: "agent@acme.test", arguments: ["members", "rename", "member@acme.test", "Someone Else"],
             action: "member.rename", target: "member@acme.test", rule: "permission"),
        Case(actor: "member@acme.test", arguments: ["members", "deactivate", "agent@acme.test"],
             action: "member.deactivate", target: "agent@acme.test", rule: "permission"),
        Case(actor: "member@acme.test", arguments: ["members", "remove", "agent@acme.test", "--yes"],
             action: "member.remove", target: "agent@acme.test", rule: "permission"),
        Case(actor: "admin@acme.test", arguments: ["members", "remove", "workspace-admin@acme.test", "--yes"],
             action: "member.remove", target: "workspace-admin@acme.test", rule: "rank"),
        Case(actor: "owner@acme.test", arguments: ["members", "remove", "owner@acme.test", "--yes"],
             action: "member.remove", target: "owner@acme.test", rule: "last-workspace-admin"),
        Case(actor: "agent@acme.test", arguments: ["assign", "admin@acme.test", inbox],
             action: "inbox.assign", target: "admin@acme.test", rule: "rank"),
        Case(actor: "member@acme.test", arguments: ["inboxes", "rename", inbox, "Help Desk"],
             action: "inbox.rename", target: inbox, rule: "permission"),
        Case(actor: "agent@acme.test", arguments: ["inboxes", "remove", inbox, "--yes"],
             action: "inbox.remove", target: inbox, rule: "permission"),
        Case(actor: "agent@acme.test", arguments: ["groups", "create", "Night Shift"],
             action: "group.create", target: "Night Shift", rule: "permission"),
        Case(actor: "agent@acme.test", arguments: ["groups", "delete", "Sales", "--yes"],
             action: "group.delete", target: "Sales", rule: "permission"),
        Case(actor: "agent@acme.test", arguments: ["permissions", "grant", "member@acme.test", "modify-billing"],
             action: "permission.grant", target: "member@acme.test modify-billing", rule: "permission"),
        Case(actor: "agent@acme.test", arguments: ["invite", "new@acme.test", "--role", "agent"],
             action: "invitation.create", target: "new@acme.test", rule: "permission"),
        Case(actor: "agent@acme.test", arguments: ["billing", "set", "--plan", "Gold"],
             action: "billing.set", target: "", rule: "permission"),
        Case(actor: "member@acme.test", arguments: ["contacts", "remove", contact, "--yes"],
             action: "contact.remove", target: contact, rule: "permission"),
        Case(actor: "agent@acme.test", arguments: ["messages", "delete", "1", "--yes"],
             action: "message.delete", target: "#1", rule: "permission"),
        Case(actor: "agent@acme.test", arguments: ["messages", "delete", "--thread", inbox, contact, "--yes"],
             action: "thread.delete", target: inbox, rule: "permission"),
    ]

    /// The seeded team with a thread, a contact and a group to refuse changes to.
    static func seeded() throws -> CLIHarness {
        let cli = try MessagesCLITests.seeded()
        try cli.ok("contacts", "add", contact, "--name", "Casey Customer")
        try cli.ok("groups", "create", "Sales")
        // Every role may edit contacts and public inboxes; this member may not, to be refused.
        try cli.ok("permissions", "revoke", "member@acme.test", "update-contact")
        try cli.ok("permissions", "revoke", "member@acme.test", "modify-public-inbox")
        return cli
    }

    @Test(arguments: cases) func aRefusedChangeIsRecordedOnceWithItsRuleAndChangesNothingElse(_ refusal: Case) throws {
        let cli = try Self.seeded()
        let before = try cli.stateOutsideRefusals()
        let rowsBefore = try Self.refusedRows(cli).count
        let result = try cli.run(["--as", refusal.actor] + refusal.arguments)
        #expect(result.status == 1, "\(refusal): \(result.stdout) \(result.stderr)")
        #expect(result.stderr.contains("refused (\(refusal.rule))"), "\(refusal): \(result.stderr)")
        let rows = try Self.refusedRows(cli)
        #expect(rows.count == rowsBefore + 1, "exactly one refused row for \(refusal): \(rows)")
        let row = try #require(rows.last)
        #expect(row.action == refusal.action && row.target == refusal.target && row.rule == refusal.rule,
                "\(refusal): \(row)")
        #expect(try cli.stateOutsideRefusals() == before, "\(refusal) changed something")
    }

    @Test func refusalsInsideAPartialBulkChangeAreRecordedOneRowEachUnderTheBatch() throws {
        let cli = try Self.seeded()
        // A manager may assign agents and members, not an admin (rank).
        try "agent@acme.test\nadmin@acme.test\nworkspace-admin@acme.test\n".write(
            toFile: cli.dir.file("l.txt"), atomically: true, encoding: .utf8)
        let result = try cli.run("--as", "manager@acme.test", "assign", "--from-file", "l.txt", Self.inbox, "--partial")
        #expect(result.status == 1, "\(result.stderr)")
        #expect(result.stdout.contains("2 refused"), "\(result.stdout)")
        let rows = try Self.refusedRows(cli)
        #expect(rows.map(\.target) == ["admin@acme.test", "workspace-admin@acme.test"], "\(rows)")
        #expect(rows.allSatisfy { $0.action == "inbox.assign" && $0.rule == "rank" }, "\(rows)")
        let batch = try #require(rows.first?.batch)
        #expect(rows.allSatisfy { $0.batch == batch }, "one batch id on every refused row: \(rows)")
        #expect(try cli.ok("audit", "--action", "inbox.assign", "--json").contains(batch),
                "the assignment made carries the same batch id")
    }

    @Test func aWholeBulkChangeRefusedRecordsEachRefusalAndChangesNothing() throws {
        let cli = try Self.seeded()
        try "member@acme.test\nowner@acme.test\n".write(toFile: cli.dir.file("l.txt"), atomically: true, encoding: .utf8)
        let before = try cli.stateOutsideRefusals()
        let result = try cli.run("--as", "admin@acme.test", "members", "remove", "--from-file", "l.txt", "--yes")
        #expect(result.status == 1, "\(result.stderr)")
        let rows = try Self.refusedRows(cli)
        #expect(rows.map(\.target) == ["owner@acme.test"] && rows.first?.rule == "rank", "\(rows)")
        #expect(try cli.stateOutsideRefusals() == before, "the batch rolled back")
    }
}
