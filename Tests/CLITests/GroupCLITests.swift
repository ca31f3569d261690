import Foundation
import Testing
import TestSupport

/// `groups …` through the real binary.
@Suite(.timeLimit(.minutes(10))) struct GroupCLITests {
    @Test func aGroupFromCreationToDeletionWithDocumentedJSON() throws {
        let cli = try CLIHarness()
        try cli.seedTeam()
        try cli.ok("groups", "create", "Night shift")
        try cli.ok("groups", "grant", "night shift", "view-private-inbox")
        let added = try cli.ok("groups", "add", "Night shift", "agent@acme.test")
        #expect(added.contains("added agent@acme.test to group 'Night shift'"))
        #expect(try cli.ok("explain", "agent@acme.test", "view-private-inbox").contains("group 'Night shift' grants it"))

        let list = try cli.run("groups", "list", "--json")
        #expect(list.stdout == "[\n{\"name\":\"Night shift\",\"grants\":[\"view-private-inbox\"],\"member_count\":1,\"inboxes\":[],\"version\":3}\n]\n")
        let show = try #require(try cli.json("groups", "show", "NIGHT SHIFT", "--json") as? [String: Any])
        #expect(show["name"] as? String == "Night shift")
        let members = try #require(show["members"] as? [[String: Any]])
        #expect(members.map { $0["email"] as? String } == ["agent@acme.test"])
        #expect(members.first?["role"] as? String == "agent")
        #expect(try cli.ok("groups").contains("Night shift"))
        // Lines and tables come out in the order printed, also through a pipe.
        #expect(try cli.ok("groups", "show", "Night shift").hasPrefix("Night shift\n  grants:  view-private-inbox\n  members: 1\n  NAME"))
        #expect(try cli.ok("roles").hasPrefix("Roles, highest rank first"))

        try cli.ok("groups", "delete", "Night shift", "--yes")
        #expect(try cli.run("can", "agent@acme.test", "view-private-inbox").status == 1)
    }

    @Test func groupRefusalsAndBadNamesChangeNothing() throws {
        let cli = try CLIHarness()
        try cli.seedTeam()
        try cli.ok("--as", "manager@acme.test", "groups", "create", "Cleaners")
        try cli.ok("--as", "manager@acme.test", "groups", "grant", "Cleaners", "delete-messages")
        let before = try cli.stateOutsideRefusals()
        let escalation = try cli.run("--as", "admin@acme.test", "groups", "add", "Cleaners", "agent@acme.test")
        #expect(escalation.status == 1)
        #expect(escalation.stderr.contains("refused (escalation): you cannot give delete-messages because you do not hold it yourself"))
        let permission = try cli.run("--as", "agent@acme.test", "groups", "create", "Mine")
        #expect(permission.stderr.contains("refused (permission): you need modify-team"))
        let duplicate = try cli.run("groups", "create", "CLEANERS")
        #expect(duplicate.status == 1)
        #expect(duplicate.stderr.contains("a group named 'Cleaners' already exists"))
        let hostile = try cli.run("groups", "create", "Evil\u{1B}[2J")
        #expect(hostile.status == 1)
        #expect(hostile.stderr.contains("invalid group name: group name contains control character U+001B"))
        #expect(try cli.run("groups", "show", "Nope").stderr.contains("no group 'Nope' in this workspace"))
        #expect(try cli.stateOutsideRefusals() == before)
    }
}
