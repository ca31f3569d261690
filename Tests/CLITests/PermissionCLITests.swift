import Foundation
import Testing
import TestSupport

/// `permissions grant|revoke|reset` through the real binary.
@Suite struct PermissionCLITests {
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
        let before = cli.fileBytes()
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
        #expect(cli.fileBytes() == before)
    }
}
