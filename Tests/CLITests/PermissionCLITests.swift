import Foundation
import Testing
import TestSupport

/// `permissions grant|revoke|reset` through the real binary.
@Suite(.timeLimit(.minutes(10))) struct PermissionCLITests {
    @Test func grantRevokeResetAndTheRulesThatRefuse() throws {
        let cli = try CLIHarness()
        try cli.seedTeam()
        #expect(try cli.run("can", "agent@acme.test", "add-inbox").status == 1)
        let granted = try cli.ok("permissions", "grant", "agent@acme.test", "add-inbox")
        #expect(granted.contains("granted add-inbox to agent@acme.test"))
        #expect(try cli.run("can", "agent@acme.test", "add-inbox").status == 0)
        #expect(try cli.ok("explain", "agent@acme.test", "add-inbox").contains("a per-member override grants it"))

        try cli.ok("permissions", "revoke", "agent@acme.test", "view-messages")
        #expect(try cli.run("can", "agent@acme.test", "view-messages").status == 1)
        try cli.ok("permissions", "reset", "agent@acme.test", "view-messages")
        #expect(try cli.run("can", "agent@acme.test", "view-messages").status == 0)

        // The seeded team has a second workspace-admin; once it lacks a key, the owner is the last keyholder.
        try cli.ok("permissions", "revoke", "workspace-admin@acme.test", "add-team-members")
        let before = try cli.stateOutsideRefusals()
        let escalation = try cli.run("--as", "admin@acme.test", "permissions", "grant", "member@acme.test", "delete-messages")
        #expect(escalation.status == 1)
        #expect(escalation.stderr.contains("refused (escalation): you cannot give delete-messages because you do not hold it yourself"))
        let lockOut = try cli.run("permissions", "revoke", "owner@acme.test", "add-team-members")
        #expect(lockOut.status == 1)
        #expect(lockOut.stderr.contains("refused (last-workspace-admin)"))
        let rank = try cli.run("--as", "admin@acme.test", "permissions", "grant", "admin@acme.test", "add-inbox")
        #expect(rank.stderr.contains("refused (rank)"))
        let unknown = try cli.run("permissions", "grant", "agent@acme.test", "fly")
        #expect(unknown.status == 1)
        #expect(unknown.stderr.contains("invalid permission: unknown permission 'fly'"))
        #expect(try cli.stateOutsideRefusals() == before)
    }
}

/// `roles set|reset` and `roles --json` through the real binary.
@Suite(.timeLimit(.minutes(10))) struct RoleDefaultCLITests {
    @Test func setShowsAsChangedAndResetRestores() throws {
        let cli = try CLIHarness()
        try cli.seedTeam()
        let set = try cli.ok("roles", "set", "admin", "+view-messages", "-modify-billing")
        #expect(set.contains("admin +view-messages -modify-billing"))
        let roles = try #require(try cli.json("roles", "--json") as? [[String: Any]])
        #expect(roles.map { $0["changed"] as? [String] } == [[], ["+view-messages", "-modify-billing"], [], [], []])
        #expect(try cli.run("can", "admin@acme.test", "view-messages").status == 0)
        #expect(try cli.ok("explain", "admin@acme.test", "modify-billing").contains("removed from the shipped default"))
        #expect(try cli.ok("roles").contains("* changed in this workspace"))

        let before = try cli.stateOutsideRefusals()
        let lockOut = try cli.run("roles", "set", "workspace-admin", "-modify-team-member")
        #expect(lockOut.status == 1)
        #expect(lockOut.stderr.contains("refused (last-workspace-admin): the workspace-admin role must keep modify-team-member"))
        let rank = try cli.run("--as", "admin@acme.test", "roles", "set", "agent", "-view-messages")
        #expect(rank.stderr.contains("refused (rank)"))
        let bad = try cli.run("roles", "set", "agent", "view-messages")
        #expect(bad.status == 1)
        #expect(bad.stderr.contains("invalid change: 'view-messages' is not +permission or -permission"))
        #expect(try cli.stateOutsideRefusals() == before)

        try cli.ok("roles", "reset")
        let after = try #require(try cli.json("roles", "--json") as? [[String: Any]])
        #expect(after.allSatisfy { ($0["changed"] as? [String])?.isEmpty == true })
    }
}

/// `roles lint` through the real binary: exit 1 with findings, 0 once clean.
@Suite(.timeLimit(.minutes(10))) struct LintCLITests {
    @Test func findingsUntilTheMatrixIsConsistent() throws {
        let cli = try CLIHarness()
        try cli.seedTeam()
        let shipped = try cli.run("roles", "lint")
        #expect(shipped.status == 1)
        let lines = shipped.stdout.split(separator: "\n")
        #expect(lines.count == 6)
        #expect(lines.contains("lower-role-holds-more: admin lacks view-messages, which lower roles hold: manager, agent, member"))
        #expect(lines.contains("removes-without-adding: agent may remove team members (remove-team-members) but not add them (add-team-members)"))
        #expect(lines.contains("lowest-role-administers: member, the lowest role, holds modify-public-inbox"))

        let json = try cli.run("roles", "lint", "--json")
        #expect(json.status == 1)
        #expect(json.stdout.hasPrefix(#"[{"rule":"lower-role-holds-more","role":"workspace-admin","permission":"delete-messages","group":null,"message":"#))

        // delete-messages moves from the manager role to a group the manager runs, then the ranks are made consistent.
        for args in [["--as", "manager@acme.test", "groups", "create", "Cleaners"],
                     ["--as", "manager@acme.test", "groups", "grant", "Cleaners", "delete-messages"],
                     ["--as", "manager@acme.test", "groups", "add", "Cleaners", "agent@acme.test"],
                     ["roles", "set", "manager", "-delete-messages"], ["roles", "set", "agent", "-remove-team-members"],
                     ["roles", "set", "admin", "+view-messages"], ["roles", "set", "member", "-modify-public-inbox"]] {
            let result = try cli.run(args)
            #expect(result.status == 0, "\(args): \(result.stderr)")
        }
        let clean = try cli.run("roles", "lint")
        #expect(clean.status == 0, "\(clean.stdout)")
        #expect(clean.stdout == "no findings\n")
        #expect(try cli.run("roles", "lint", "--json").stdout == "[]\n")
    }
}

/// `explain --json` and `who-holds` through the real binary.
@Suite(.timeLimit(.minutes(10))) struct ExplainCLITests {
    @Test func explainJSONNamesEverySource() throws {
        let cli = try CLIHarness()
        try cli.seedTeam()
        try cli.ok("groups", "create", "Billing")
        try cli.ok("groups", "grant", "Billing", "modify-billing")
        try cli.ok("groups", "add", "Billing", "manager@acme.test")
        try cli.ok("permissions", "revoke", "manager@acme.test", "modify-billing")
        let out = try cli.run("explain", "manager@acme.test", "modify-billing", "--json")
        #expect(out.status == 0)
        #expect(out.stdout == #"{"member":"manager@acme.test","permission":"modify-billing","held":false,"sources":[{"source":"group","role":null,"group":"Billing","text":"group 'Billing' grants it"},{"source":"revoke","role":null,"group":null,"text":"a per-member override revokes it"}]}"# + "\n")
    }

    @Test func whoHoldsListsEveryHolderAndWhy() throws {
        let cli = try CLIHarness()
        try cli.seedTeam()
        try cli.ok("permissions", "grant", "agent@acme.test", "add-inbox")
        try cli.ok("permissions", "revoke", "manager@acme.test", "add-inbox")
        let holders = try #require(try cli.json("who-holds", "add-inbox", "--json") as? [[String: Any]])
        let emails = holders.compactMap { $0["email"] as? String }
        #expect(Set(emails) == ["owner@acme.test", "workspace-admin@acme.test", "admin@acme.test", "agent@acme.test"])
        let agent = try #require(holders.first { $0["email"] as? String == "agent@acme.test" })
        #expect((agent["sources"] as? [[String: Any]])?.map { $0["source"] as? String } == ["grant"])
        for email in emails { #expect(try cli.run("can", email, "add-inbox").status == 0) }
        #expect(try cli.run("can", "manager@acme.test", "add-inbox").status == 1)
        let text = try cli.ok("who-holds", "add-inbox")
        #expect(text.contains("a per-member override grants it"))
        #expect(!text.contains("manager@acme.test"))
    }
}

/// `--view-as` through the real binary (the interface itself needs a terminal).
@Suite(.timeLimit(.minutes(10))) struct ViewAsCLITests {
    @Test func viewAsShowsWhatTheRoleSeesAndRefusesChanges() throws {
        let cli = try CLIHarness()
        try cli.seedTeam()
        let inboxes = try #require(try cli.json("--view-as", "agent", "inboxes", "list", "--json") as? [[String: Any]])
        #expect(inboxes.map { $0["phone"] as? String } == ["+14155550100"], "an agent does not see the private inbox")
        #expect(try cli.run("--view-as", "agent", "audit").stderr.contains("refused (permission): you need modify-team"))
        let before = cli.fileBytes()
        let write = try cli.run("--view-as", "manager@acme.test", "assign", "agent@acme.test", "+14155550100")
        #expect(write.status == 1)
        #expect(write.stderr.contains("read-only while viewing as someone else (--view-as): nothing was changed"))
        #expect(cli.fileBytes() == before)

        // The interface: refused with the reason before any terminal is needed…
        let admin = try cli.run("--as", "admin@acme.test", "--view-as", "agent")
        #expect(admin.status == 1)
        #expect(admin.stderr.contains("refused (rank): you are admin and cannot view the workspace as another role or member"))
        // …and for a workspace-admin it gets as far as asking for a terminal.
        let owner = try cli.run("--view-as", "agent")
        #expect(owner.stderr.contains("needs a terminal"))
        let bad = try cli.run("--view-as", "boss", "members", "list")
        #expect(bad.status == 1)
        #expect(bad.stderr.contains("invalid view-as: 'boss' is neither a role"))
    }
}

@Suite(.timeLimit(.minutes(10))) struct GivingRuleCLITests {
    @Test func explainStatesHowRolesAndPermissionsAreGiven() throws {
        let cli = try CLIHarness()
        try cli.seedTeam()
        let viaRole = try cli.ok("explain", "agent@acme.test", "view-public-inbox")
        #expect(viaRole.contains("roles are given by rank") && viaRole.contains("nobody gives a permission they do not hold"), "\(viaRole)")
        let help = try cli.run("explain", "--help")
        #expect(help.stdout.contains("roles are given by rank"), "\(help.stdout)")
    }
}
