import Foundation
import Testing
import TestSupport

/// Phone numbers through the binary: written as people write them, stored
/// and printed in JSON as E.164, shown in tables in international format.
@Suite(.timeLimit(.minutes(10))) struct PhoneCLITests {
    @Test func numbersAreReadAsPeopleWriteThemAndStoredAsE164() throws {
        let cli = try CLIHarness()
        try cli.seedTeam()
        try cli.ok("inboxes", "add", "0044 20 7183 8750", "--name", "London", "--public")
        try cli.ok("assign", "agent@acme.test", "+1 (415) 555-0100")
        try cli.ok("assign", "agent@acme.test", "+44 20 7183 8750")
        let inboxes = try #require(try cli.json("inboxes", "list", "--json") as? [[String: Any]])
        #expect(inboxes.map { $0["phone"] as? String } == ["+14155550100", "+14155550190", "+442071838750"])
        // The same number in another spelling is the same inbox.
        let duplicate = try cli.run("inboxes", "add", "+44 (0)20 7183 8750", "--name", "Again", "--public")
        #expect(duplicate.status == 1)
        #expect(duplicate.stderr.contains("an inbox with number +442071838750 already exists"))
    }

    @Test func tablesShowNumbersForPeopleWithTheirMembers() throws {
        let cli = try CLIHarness()
        try cli.seedTeam()
        try cli.ok("assign", "agent@acme.test", "+14155550100")
        try cli.ok("assign", "member@acme.test", "+14155550100")
        let table = try cli.ok("inboxes", "list")
        let support = try #require(table.split(separator: "\n").first { $0.contains("Support") })
        #expect(support.hasPrefix("+1 415-555-0100"))
        #expect(support.hasSuffix("agent@acme.test, member@acme.test"))
        let vip = try #require(table.split(separator: "\n").first { $0.contains("VIP") })
        #expect(vip.hasSuffix("(none)"))
        #expect(try cli.ok("members", "show", "agent@acme.test").contains("+1 415-555-0100 Support [public]"))
    }

    @Test func aLongMemberListIsCutInTheTableButWholeInJSON() throws {
        let cli = try CLIHarness()
        try cli.seedTeam()
        let emails = ["admin", "agent", "manager", "member", "owner", "workspace-admin"].map { "\($0)@acme.test" }
        for email in emails { try cli.ok("assign", email, "+14155550100") }
        let line = try cli.ok("inboxes", "list").split(separator: "\n").first { $0.contains("Support") }
        #expect(line?.hasSuffix("owner@acme.test, and 1 more") == true)
        let inboxes = try #require(try cli.json("inboxes", "list", "--json") as? [[String: Any]])
        #expect((inboxes.first?["members"] as? [String])?.count == 6)
    }
}
