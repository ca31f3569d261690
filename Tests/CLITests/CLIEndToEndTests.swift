import CSQLite
import Foundation
import Testing
import TestSupport

@Suite(.timeLimit(.minutes(10))) struct CLIEndToEndTests {
    @Test func initBindsTheFirstAdminToTheLoginAndListsAsDocumentedJSON() throws {
        let cli = try CLIHarness()
        let created = try cli.ok("init", "--workspace", "Acme Texting", "--admin-email", "Boss@Acme.TEST", "--admin-name", "Bo Ss")
        #expect(created.contains("created workspace 'Acme Texting'"))
        try cli.ok("inboxes", "add", "+14155550100", "--name", "Support", "--public")
        try cli.ok("inboxes", "add", "+14155550190", "--name", "VIP", "--private")
        try cli.ok("assign", "boss@acme.test", "+14155550100")

        let members = try #require(try cli.json("members", "list", "--json") as? [[String: Any]])
        #expect(members.count == 1)
        let boss = members[0]
        #expect(boss["email"] as? String == "boss@acme.test")
        #expect(boss["name"] as? String == "Bo Ss")
        #expect(boss["role"] as? String == "workspace-admin")
        #expect(boss["status"] as? String == "active")
        #expect(boss["login"] as? String == currentLogin())
        #expect(boss["inboxes"] as? [String] == ["+14155550100"])

        let inboxes = try #require(try cli.json("inboxes", "list", "--json") as? [[String: Any]])
        #expect(inboxes.map { $0["phone"] as? String } == ["+14155550100", "+14155550190"])
        #expect(inboxes.map { $0["visibility"] as? String } == ["public", "private"])
        #expect(inboxes[0]["name"] as? String == "Support")
        #expect(inboxes[0]["members"] as? [String] == ["boss@acme.test"])
        #expect(inboxes[1]["members"] as? [String] == [])
    }

    @Test func rolesJSONListsRanksAndPermissionsInRankOrder() throws {
        let cli = try CLIHarness()
        let roles = try #require(try cli.json("roles", "--json") as? [[String: Any]])
        #expect(roles.map { $0["role"] as? String } == ["workspace-admin", "admin", "manager", "agent", "member"])
        #expect(roles.map { $0["rank"] as? Int } == [5, 4, 3, 2, 1])
        let agent = try #require(roles[3]["permissions"] as? [String])
        #expect(agent == ["modify-public-inbox", "view-public-inbox", "remove-team-members",
                          "update-contact", "update-property", "view-messages"])
        #expect(!FileManager.default.fileExists(atPath: cli.db), "roles must not create a workspace")
    }

    @Test func exitCodesAreZeroOneAndTwo() throws {
        let cli = try CLIHarness()
        try cli.seedTeam()
        #expect(try cli.run("members", "list").status == 0)
        #expect(try cli.run("members", "frobnicate").status == 2)
        #expect(try cli.run("--no-such-flag").status == 2)
        #expect(try cli.run("--as", "member@acme.test", "members", "set-role", "owner@acme.test", "member").status == 1)
        #expect(try cli.run("can", "agent@acme.test", "remove-team-members").status == 0)
        let denied = try cli.run("can", "agent@acme.test", "add-inbox")
        #expect(denied.status == 1)
        #expect(denied.stdout.contains("no: agent@acme.test does not hold add-inbox"))
    }

    @Test func refusalsSayWhichRuleRefused() throws {
        let cli = try CLIHarness()
        try cli.seedTeam()
        let rank = try cli.run("--as", "agent@acme.test", "members", "remove", "manager@acme.test")
        #expect(rank.status == 1)
        #expect(rank.stderr.contains("refused (rank)"))
        let permission = try cli.run("--as", "manager@acme.test", "members", "set-role", "member@acme.test", "agent")
        #expect(permission.stderr.contains("refused (permission): you need modify-team-member"))
        let escalation = try cli.run("--as", "admin@acme.test", "members", "set-role", "member@acme.test", "workspace-admin")
        #expect(escalation.stderr.contains("refused (escalation)"))
    }

    @Test func explainShowsWhereAPermissionComesFrom() throws {
        let cli = try CLIHarness()
        try cli.seedTeam()
        let out = try cli.ok("explain", "manager@acme.test", "delete-messages")
        #expect(out.contains("manager@acme.test holds delete-messages"))
        #expect(out.contains("role manager includes it"))
        try cli.ok("members", "deactivate", "manager@acme.test")
        let after = try cli.run("can", "manager@acme.test", "delete-messages")
        #expect(after.status == 1)
        #expect(try cli.ok("explain", "manager@acme.test", "delete-messages").contains("deactivated"))
    }

    @Test func auditJSONLinesRecordEachChange() throws {
        let cli = try CLIHarness()
        try cli.seedTeam()
        try cli.ok("assign", "agent@acme.test", "+14155550100")
        try cli.ok("--as", "admin@acme.test", "members", "set-role", "agent@acme.test", "manager")
        let lines = try cli.ok("audit", "--json").split(separator: "\n")
        let events = try lines.map { try #require(try JSONSerialization.jsonObject(with: Data($0.utf8)) as? [String: Any]) }
        let last = try #require(events.last)
        #expect(last["action"] as? String == "member.set-role")
        #expect(last["actor"] as? String == "admin@acme.test")
        #expect(last["via_as"] as? Bool == true)
        #expect(last["login"] as? String == currentLogin())
        #expect(last["before"] as? String == #"{"role":"agent"}"#)
        #expect(last["after"] as? String == #"{"role":"manager"}"#)
        #expect(events.dropLast().last?["action"] as? String == "inbox.assign")
    }

    @Test func hostileNamesStoredInTheFileArePrintedInert() throws {
        let cli = try CLIHarness()
        try cli.seedTeam()
        // Someone with write access to the file plants escape sequences directly.
        var db: OpaquePointer?
        try #require(sqlite3_open(cli.db, &db) == SQLITE_OK)
        let sql = "UPDATE members SET name = 'Eve\u{1b}]0;pwned\u{07}\u{1b}[2J\u{9b}31m\u{202e}gnp' WHERE email = 'agent@acme.test'"
        try #require(sqlite3_exec(db, sql, nil, nil, nil) == SQLITE_OK)
        // And in an inbox's name, which `inboxes list` and `members show` print.
        let inbox = "UPDATE inboxes SET name = 'In\u{1b}[31m\u{07}\u{202e}x' WHERE phone = '+14155550100'"
        try #require(sqlite3_exec(db, inbox, nil, nil, nil) == SQLITE_OK)
        #expect(sqlite3_changes(db) == 1)
        sqlite3_close(db)
        try cli.ok("assign", "agent@acme.test", "+14155550100")

        for arguments in [["members", "list"], ["members", "list", "--json"], ["members", "show", "agent@acme.test"],
                          ["inboxes", "list"], ["inboxes", "list", "--json"], ["members", "show", "agent@acme.test", "--json"]] {
            let result = try cli.run(arguments)
            #expect(result.status == 0)
            let bytes = Array(result.stdout.utf8)
            #expect(!bytes.contains(0x1B), "raw ESC in \(arguments)")
            #expect(!bytes.contains(0x07), "raw BEL in \(arguments)")
            #expect(!result.stdout.unicodeScalars.contains { $0.value == 0x9B || $0.value == 0x202E }, "\(arguments)")
        }
        #expect(try cli.ok("members", "list").contains("Eve\\x1b]0;pwned\\x07\\x1b[2J\\x9b31m\\u{202e}gnp"))
        #expect(try cli.ok("members", "list", "--json").contains(#"Eve\u001b]0;pwned\u0007\u001b[2J\u009b31m\u202egnp"#))
        #expect(try cli.ok("inboxes", "list").contains("In\\x1b[31m\\x07\\u{202e}x"))
        #expect(try cli.ok("inboxes", "list", "--json").contains(#"In\u001b[31m\u0007\u202ex"#))
    }

    @Test func demoBuildsAVariedWorkspaceAwayFromTheRealOne() throws {
        let cli = try CLIHarness()
        try cli.ok("init", "--workspace", "Real", "--admin-email", "me@real.test")
        let real = cli.fileBytes()
        let out = try cli.ok("demo", "--members", "80")
        #expect(out.contains("80 members"))
        #expect(cli.fileBytes() == real, "demo must not touch the real workspace")
        let demoPath = cli.dir.file("data") + "/clerk-team/demo.db"
        let members = try #require(try cli.json("--db", demoPath, "members", "list", "--json") as? [[String: Any]])
        #expect(members.count == 80)
        #expect(Set(members.compactMap { $0["role"] as? String }).count == 5)
        #expect(members.contains { ($0["status"] as? String) == "deactivated" })
        #expect(members.contains { ($0["name"] as? String)?.unicodeScalars.contains { $0.value > 0x2E80 } == true })
        let inboxes = try #require(try cli.json("--db", demoPath, "inboxes", "list", "--json") as? [[String: Any]])
        #expect(Set(inboxes.compactMap { $0["visibility"] as? String }) == ["public", "private"])
        let groups = try #require(try cli.json("--db", demoPath, "groups", "list", "--json") as? [[String: Any]])
        #expect(groups.map { $0["name"] as? String } == ["Billing", "Night shift"])
        #expect(groups.map { $0["grants"] as? [String] } == [["modify-billing"], ["view-private-inbox"]])
        #expect(groups.map { $0["member_count"] as? Int } == [1, 3])
        // Made the normal way: each group step and override is in the audit log.
        let actions = try cli.ok("--db", demoPath, "audit", "--json").split(separator: "\n").compactMap { line in
            ((try? JSONSerialization.jsonObject(with: Data(line.utf8))) as? [String: Any])?["action"] as? String
        }
        #expect(actions.filter { $0.hasPrefix("permission.") }.sorted() == ["permission.grant", "permission.revoke", "permission.revoke"])
        #expect(actions.filter { $0 == "group.add-member" }.count == 4)
        // A second demo replaces the first; a real workspace is never replaced.
        try cli.ok("demo", "--members", "5")
        let refused = try cli.run("demo", "--db", cli.db)
        #expect(refused.status == 1)
        #expect(refused.stderr.contains("not a demo workspace"))
        #expect(cli.fileBytes() == real)
    }
}

@Suite(.timeLimit(.minutes(10))) struct DemoInvitationTests {
    @Test func theDemoHasPendingInvitationsMadeTheNormalWay() throws {
        let cli = try CLIHarness()
        try cli.ok("demo", "--members", "10", "--no-tui")
        let demoPath = cli.dir.file("data") + "/clerk-team/demo.db"
        let invitations = try #require(try cli.json("--db", demoPath, "invites", "list", "--status", "pending", "--json") as? [[String: Any]])
        #expect(invitations.count == 3)
        // Rebuilding the demo starts its mail spool afresh too.
        try cli.ok("demo", "--members", "10", "--no-tui")
        let again = try #require(try cli.json("--db", demoPath, "invites", "list", "--json") as? [[String: Any]])
        #expect(again.count == 3)
        let status = try cli.run("--db", demoPath, "mail", "status")
        #expect(status.status == 0)
        #expect(status.stdout.contains("3 queued") && status.stdout.contains("0 lost"), "\(status.stdout)")
    }
}
