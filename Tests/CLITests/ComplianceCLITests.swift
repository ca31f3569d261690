import Foundation
import Testing
import TestSupport
@testable import TeamCore
@testable import TeamStore

/// `review`, `review sign`, `audit revert` and `inboxes assign-group` through the real binary.
@Suite(.timeLimit(.minutes(10))) struct ComplianceCLITests {
    static func sha256Hex(_ text: String) -> String {
        InvitationToken.sha256(Array(text.utf8)).map { String(format: "%02x", $0) }.joined()
    }

    @Test func reviewJSONOfTheDemoAgreesWithWhoHoldsForEveryPermission() throws {
        let cli = try CLIHarness()
        try cli.ok("demo", "--members", "60")
        let demo = cli.dir.file("data") + "/clerk-team/demo.db"
        let review = try #require(try cli.json("--db", demo, "review", "--format", "json") as? [String: Any])
        let members = try #require(review["members"] as? [[String: Any]])
        #expect(members.count > 40)
        for permission in Permission.allCases {
            let holders = try #require(try cli.json("--db", demo, "who-holds", permission.rawValue, "--json") as? [[String: Any]])
            // Members listed with the permission in the review, with their sources, as who-holds says.
            var fromReview: [String: [[String: String?]]] = [:]
            for member in members {
                let held = (member["permissions"] as? [[String: Any]] ?? []).first { $0["permission"] as? String == permission.rawValue }
                if let held { fromReview[member["email"] as? String ?? ""] = Self.sources(held["sources"]) }
            }
            var fromWhoHolds: [String: [[String: String?]]] = [:]
            for holder in holders { fromWhoHolds[holder["email"] as? String ?? ""] = Self.sources(holder["sources"]) }
            #expect(fromReview == fromWhoHolds, "\(permission.rawValue)")
        }
        // And explain's sources, for a member with a group, one with an override.
        for member in members where !(member["groups"] as? [Any] ?? []).isEmpty || !(member["overrides"] as? [Any] ?? []).isEmpty {
            let email = try #require(member["email"] as? String)
            for held in member["permissions"] as? [[String: Any]] ?? [] {
                let permission = try #require(held["permission"] as? String)
                let explained = try #require(try cli.json("--db", demo, "explain", email, permission, "--json") as? [String: Any])
                #expect(explained["held"] as? Bool == true)
                #expect(Self.sources(explained["sources"]) == Self.sources(held["sources"]), "\(email) \(permission)")
            }
        }
    }

    static func sources(_ value: Any?) -> [[String: String?]] {
        (value as? [[String: Any]] ?? []).map { source in
            ["source": source["source"] as? String, "role": source["role"] as? String, "group": source["group"] as? String,
             "text": source["text"] as? String]
        }
    }

    @Test func aSignOffRecordsTheReportsHashAndTheNextReviewShowsOnlyWhatChanged() throws {
        let cli = try CLIHarness()
        try cli.seedTeam()
        try cli.ok("members", "set-role", "member@acme.test", "agent")
        let report = try cli.ok("review", "--format", "json")
        let signed = try cli.ok("review", "sign", "--by", "owner@acme.test", "--note", "Q4 access review: no exceptions")
        #expect(signed.contains("sha256 \(Self.sha256Hex(String(report.dropLast())))"), "\(signed)")
        let log = try cli.ok("audit", "show", "--action", "review.sign", "--json")
        #expect(log.contains(Self.sha256Hex(String(report.dropLast()))))

        try cli.ok("members", "set-role", "agent@acme.test", "manager")
        let next = try #require(try cli.json("review", "--format", "json") as? [String: Any])
        let changes = try #require(next["changes"] as? [[String: Any]])
        #expect(changes.count == 1)
        #expect(changes.first?["action"] as? String == "member.set-role")
        #expect(changes.first?["target"] as? String == "agent@acme.test")
        #expect(changes.first?["new"] as? Bool == true)
        #expect((next["last_sign_off"] as? [String: Any])?["note"] as? String == "Q4 access review: no exceptions")
        let markdown = try cli.ok("review")
        #expect(markdown.contains("1 since the last sign-off"))
        #expect(markdown.contains("| NEW |"))
        let csv = try cli.ok("review", "--format", "csv")
        #expect(csv.hasPrefix("section,subject,kind,value,detail,new\r\n"))
        #expect(csv.contains("change,#") && csv.contains("member.set-role,agent@acme.test"))

        let other = try cli.run("review", "sign", "--by", "admin@acme.test", "--note", "x")
        #expect(other.status == 1)
        #expect(other.stderr.contains("is not you"))
        let admin = try cli.run("--as", "admin@acme.test", "review", "sign", "--by", "admin@acme.test", "--note", "x")
        #expect(admin.status == 1)
        #expect(admin.stderr.contains("refused (rank): you are admin and cannot sign the access review; that needs workspace-admin"))
        #expect(try cli.run("review", "--since", "yesterday").stderr.contains("since"))
    }

    @Test func auditRevertUndoesOneChangeAndRefusesAStaleOne() throws {
        let cli = try CLIHarness()
        try cli.seedTeam()
        try cli.ok("members", "set-role", "agent@acme.test", "manager")
        let id = try Self.lastID(cli)
        let dry = try cli.ok("audit", "revert", String(id), "--dry-run")
        #expect(dry.contains("undo: set agent@acme.test's role back to agent (now manager)"))
        #expect(dry.contains("guard: allowed"))
        let undone = try cli.ok("audit", "revert", String(id))
        #expect(undone.hasPrefix("undid #\(id): agent@acme.test is now agent (was manager)"))
        let again = try cli.run("audit", "revert", String(id))
        #expect(again.status == 1)
        #expect(again.stderr.contains("cannot be undone: agent@acme.test's role has changed since (now agent); nothing was changed"))
        let show = try cli.ok("audit", "show", "--limit", "1")
        #expect(show.contains("\"reverts\":\(id)"))
    }

    @Test func assignGroupPutsEveryMemberOfTheGroupInTheInbox() throws {
        let cli = try CLIHarness()
        try cli.seedTeam()
        try cli.ok("groups", "create", "Night shift")
        try cli.ok("groups", "add", "Night shift", "agent@acme.test")
        let out = try cli.ok("inboxes", "assign-group", "+14155550190", "Night shift")
        #expect(out == "group 'Night shift' now works in +14155550190 (VIP): 1 member added\n")
        let inboxes = try #require(try cli.json("inboxes", "list", "--json") as? [[String: Any]])
        let vip = try #require(inboxes.first { $0["phone"] as? String == "+14155550190" })
        #expect(vip["members"] as? [String] == ["agent@acme.test"])
        #expect(vip["direct"] as? [String] == [])
        #expect(vip["groups"] as? [String] == ["Night shift"])
        let agent = try #require(try cli.json("members", "show", "agent@acme.test", "--json") as? [String: Any])
        #expect(agent["inboxes"] as? [String] == ["+14155550190"])
        let access = try #require(agent["inbox_access"] as? [[String: Any]])
        #expect(access.first?["direct"] as? Bool == false)
        #expect(access.first?["groups"] as? [String] == ["Night shift"])
        #expect(try cli.ok("--as", "agent@acme.test", "inboxes", "list").contains("VIP"), "a private inbox is seen by whoever works in it through a group")
        try cli.ok("inboxes", "unassign-group", "+14155550190", "Night shift")
        #expect(!(try cli.ok("--as", "agent@acme.test", "inboxes", "list").contains("VIP")))
    }

    static func lastID(_ cli: CLIHarness) throws -> Int64 {
        let lines = try cli.ok("audit", "show", "--json", "--limit", "1").split(separator: "\n")
        let last = try #require(lines.last)
        let event = try #require(try JSONSerialization.jsonObject(with: Data(last.utf8)) as? [String: Any])
        return try #require(event["id"] as? NSNumber).int64Value
    }
}
