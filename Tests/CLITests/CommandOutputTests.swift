import Foundation
import Testing
import TestSupport

/// --json and exit status on changing commands, members list --filter/--sort,
/// usage errors, --read-only on commands that write nothing, plurals.
@Suite(.timeLimit(.minutes(10))) struct CommandOutputTests {
    func object(_ text: String) throws -> [String: Any] {
        try #require(try JSONSerialization.jsonObject(with: Data(text.utf8)) as? [String: Any])
    }

    @Test func changingCommandsPrintTheChangedObjectWithItsNewVersion() throws {
        let cli = try CLIHarness()
        try cli.seedTeam()
        let before = try object(try cli.ok("members", "show", "agent@acme.test", "--json"))
        let changed = try object(try cli.ok("members", "set-role", "agent@acme.test", "manager", "--json"))
        #expect(changed["changed"] as? Bool == true)
        let member = try #require(changed["member"] as? [String: Any])
        #expect(member["role"] as? String == "manager")
        #expect((member["version"] as? Int ?? 0) == (before["version"] as? Int ?? 0) + 1)
        // The new version is the one --expect-version takes.
        try cli.ok("members", "rename", "agent@acme.test", "Al", "--expect-version", String(member["version"] as? Int ?? 0))
        #expect(try cli.ok("members", "set-role", "agent@acme.test", "manager", "--json") == "{\"changed\":false}\n")

        let inbox = try object(try cli.ok("inboxes", "add", "+44 20 7183 8750", "--name", "London", "--private", "--json"))
        #expect((inbox["inbox"] as? [String: Any])?["phone"] as? String == "+442071838750")
        let group = try object(try cli.ok("groups", "create", "Night", "--json"))
        #expect((group["group"] as? [String: Any])?["name"] as? String == "Night")
        let roles = try object(try cli.ok("roles", "set", "member", "+add-inbox", "--json"))
        #expect((roles["roles"] as? [[String: Any]])?.count == 5)
        let assigned = try object(try cli.ok("assign", "member@acme.test", "+14155550100", "--json"))
        #expect((assigned["member"] as? [String: Any])?["inboxes"] as? [String] == ["+14155550100"])
        let removed = try object(try cli.ok("inboxes", "remove", "+442071838750", "--yes", "--json"))
        #expect((removed["removed"] as? [String: Any])?["inbox"] as? String == "+442071838750")
    }

    @Test func canAnswersInJSONWithTheSameExitStatus() throws {
        let cli = try CLIHarness()
        try cli.seedTeam()
        let yes = try cli.run("can", "owner@acme.test", "add-inbox", "--json")
        #expect(yes.status == 0 && yes.stdout == "{\"member\":\"owner@acme.test\",\"permission\":\"add-inbox\",\"held\":true}\n")
        let no = try cli.run("can", "member@acme.test", "add-inbox", "--json")
        #expect(no.status == 1 && no.stdout.contains("\"held\":false"))
    }

    @Test func membersListFiltersAndSorts() throws {
        let cli = try CLIHarness()
        try cli.seedTeam()
        let filtered = try #require(try cli.json("members", "list", "--filter", "MAN", "--json") as? [[String: Any]])
        #expect(filtered.map { $0["email"] as? String } == ["manager@acme.test"])
        let byRole = try #require(try cli.json("members", "list", "--sort", "role", "--json") as? [[String: Any]])
        #expect(byRole.map { $0["role"] as? String }.prefix(3) == ["workspace-admin", "workspace-admin", "admin"])
        let byEmail = try #require(try cli.json("members", "list", "--sort", "email", "--json") as? [[String: Any]])
        let emails = byEmail.compactMap { $0["email"] as? String }
        #expect(emails == emails.sorted() && emails.count == 6)
        let bad = try cli.run("members", "list", "--sort", "height")
        #expect(bad.status == 2 && bad.stderr.contains("--sort must be one of: name, email, role, status"))
    }

    @Test func aMistypedSubcommandIsNamedWithTheMeantOnesUsage() throws {
        let cli = try CLIHarness()
        let result = try cli.run("members", "delete", "x@y.z")
        #expect(result.status == 2)
        let lines = result.stderr.split(separator: "\n")
        #expect(lines.first == "clerk-team: unknown command 'members delete'; did you mean 'members remove'?")
        #expect(lines.dropFirst().first?.hasPrefix("Usage: clerk-team members remove ") == true)
        #expect(result.stderr.components(separatedBy: "--help").count == 2, "one help line: \(result.stderr)")
        let typo = try cli.run("memebrs", "list")
        #expect(typo.stderr.hasPrefix("clerk-team: unknown command 'memebrs'; did you mean 'members'?\n"))
    }

    @Test func inboxesAddUsageShowsTheVisibilityAsAChoice() throws {
        let cli = try CLIHarness()
        let result = try cli.run("inboxes", "add", "+14155550100", "--name", "X")
        #expect(result.status == 2)
        #expect(result.stderr.contains("--name <name> (--public | --private)"))
        #expect(!result.stderr.contains("Help:"))
        // The hand-written usage still names every option the command has.
        let help = try cli.ok("inboxes", "add", "--help")
        let usage = try #require(help.split(separator: "\n").first { $0.hasPrefix("USAGE:") })
        for option in ["--db", "--as", "--read-only", "--view-as", "--json", "--name", "--public", "--private", "<phone>"] {
            #expect(usage.contains(option), "usage lacks \(option)")
        }
    }

    @Test func readOnlyAllowsEveryCommandThatWritesNothing() throws {
        let cli = try CLIHarness()
        try cli.seedTeam()
        try "email,role,inbox\nnew@acme.test,agent,+1 415 555 0100\n".write(toFile: cli.dir.file("t.csv"), atomically: true, encoding: .utf8)
        let before = try #require(cli.fileBytes())
        for arguments in [["invites", "import", cli.dir.file("t.csv"), "--dry-run"], ["explain", "agent@acme.test", "add-inbox"],
                          ["can", "owner@acme.test", "add-inbox"], ["who-holds", "add-inbox"], ["members", "list"],
                          ["members", "show", "agent@acme.test"], ["inboxes", "list"], ["groups"], ["roles"],
                          ["invites", "list"], ["mail", "status"], ["audit"], ["keys"]] {
            let result = try cli.run(["--read-only"] + arguments)
            #expect(result.status == 0, "\(arguments): \(result.stderr)")
        }
        let lint = try cli.run("--read-only", "roles", "lint")
        #expect(lint.status == 1 && lint.stderr.isEmpty && lint.stdout.contains("lower-role-holds-more"))
        let write = try cli.run("--read-only", "invites", "import", cli.dir.file("t.csv"))
        #expect(write.status == 1 && write.stderr.contains("read-only"))
        #expect(cli.fileBytes() == before)
    }

    @Test func messagesCountInCorrectPlurals() throws {
        let cli = try CLIHarness()
        try cli.seedTeam()
        try cli.ok("assign", "agent@acme.test", "+14155550100")
        #expect(try cli.ok("inboxes", "remove", "+14155550100", "--yes").contains("(1 assignment went with it)"))
        #expect(try cli.ok("inboxes", "remove", "+14155550190", "--yes").contains("(0 assignments went with it)"))
        try "email,role\none@acme.test,agent\n".write(toFile: cli.dir.file("one.csv"), atomically: true, encoding: .utf8)
        #expect(try cli.ok("invites", "import", cli.dir.file("one.csv"), "--dry-run").contains("would invite 1 person;"))
    }
}
