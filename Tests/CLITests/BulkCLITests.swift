import Foundation
import Testing
import TestSupport

/// `--from-file`: one change for every member listed, as one batch.
@Suite(.timeLimit(.minutes(10))) struct BulkCLITests {
    /// The admin outranks all of these but the workspace-admin.
    static let list = "# the floor\nmanager@acme.test\n\nagent@acme.test\nworkspace-admin@acme.test\nmember@acme.test\n"

    func members(of phone: String, _ cli: CLIHarness) throws -> [String] {
        let inboxes = try #require(try cli.json("inboxes", "list", "--json") as? [[String: Any]])
        return inboxes.first { $0["phone"] as? String == phone }?["members"] as? [String] ?? []
    }

    func write(_ text: String, _ cli: CLIHarness) throws -> String {
        let path = cli.dir.file("list.txt")
        try text.write(toFile: path, atomically: true, encoding: .utf8)
        return path
    }

    @Test func oneRefusalChangesNothingAndEachRefusalIsNamed() throws {
        let cli = try CLIHarness()
        try cli.seedTeam()
        let audit = try cli.ok("audit", "--json")
        let result = try cli.run("--as", "admin@acme.test", "assign", "--from-file", try write(Self.list, cli), "+14155550100")
        #expect(result.status == 1)
        #expect(result.stderr.contains("workspace-admin@acme.test: rank: you are admin and cannot change the inboxes of a member ranked workspace-admin"))
        #expect(result.stderr.contains("nothing changed: 1 of 4 would be refused (rank (1))"))
        #expect(try members(of: "+14155550100", cli) == [])
        #expect(try cli.ok("audit", "--json") == audit)
    }

    @Test func partialMakesTheAllowedOnesAndExitsOne() throws {
        let cli = try CLIHarness()
        try cli.seedTeam()
        let result = try cli.run("--as", "admin@acme.test", "assign", "--from-file", try write(Self.list, cli), "+14155550100", "--partial")
        #expect(result.status == 1)
        #expect(result.stdout == "3 changed; 1 refused: rank (1)\n")
        #expect(result.stderr.contains("workspace-admin@acme.test: rank: "))
        #expect(try members(of: "+14155550100", cli) == ["agent@acme.test", "manager@acme.test", "member@acme.test"])
        // One audit event each, under one batch id.
        let events = try cli.ok("audit", "--json", "--action", "inbox.assign").split(separator: "\n")
        #expect(events.count == 3)
        let batches = Set(events.compactMap { line -> String? in
            line.range(of: #"batch\\":\\"b-[0-9a-f]+"#, options: .regularExpression).map { String(line[$0]) }
        })
        #expect(batches.count == 1)
        // Again: nothing left to do, nothing refused that was allowed.
        let again = try cli.run("--as", "admin@acme.test", "assign", "--from-file", cli.dir.file("list.txt"), "+14155550100", "--partial")
        #expect(again.stdout == "0 changed, 3 already so; 1 refused: rank (1)\n")
    }

    @Test func badLinesAreNamedWithTheirNumbersAndNothingChanges() throws {
        let cli = try CLIHarness()
        try cli.seedTeam()
        let audit = try cli.ok("audit", "--json")
        let path = try write("manager@acme.test\n# fine\n\nnot an email\nMANAGER@acme.test\n", cli)
        let result = try cli.run("members", "deactivate", "--from-file", path)
        #expect(result.status == 1)
        #expect(result.stderr.contains("list.txt: 2 bad line(s); nothing changed:"))
        #expect(result.stderr.contains("  line 4: 'not an email' is not a valid email address"))
        #expect(result.stderr.contains("  line 5: manager@acme.test is already listed on line 1"))
        #expect(try cli.ok("audit", "--json") == audit)
        let empty = try cli.run("members", "deactivate", "--from-file", try write("# nobody\n\n", cli))
        #expect(empty.status == 1 && empty.stderr.contains("lists no emails"))
    }

    @Test func theListMayComeFromStandardInput() throws {
        let cli = try CLIHarness()
        try cli.seedTeam()
        let result = try cli.run(["members", "deactivate", "--from-file", "-"], stdin: "agent@acme.test\nmember@acme.test\n")
        #expect(result.status == 0, "\(result.stderr)")
        #expect(result.stdout == "2 changed\n")
        let listed = try #require(try cli.json("members", "list", "--json") as? [[String: Any]])
        let deactivated = listed.filter { $0["status"] as? String == "deactivated" }.compactMap { $0["email"] as? String }
        #expect(deactivated.sorted() == ["agent@acme.test", "member@acme.test"])
        try cli.ok("members", "reactivate", "--from-file", try write("agent@acme.test\n", cli))
        try cli.ok("members", "set-role", "--from-file", cli.dir.file("list.txt"), "manager")
        try cli.ok("groups", "create", "Floor")
        try cli.ok("groups", "add", "Floor", "--from-file", cli.dir.file("list.txt"))
        #expect(try cli.ok("members", "show", "agent@acme.test").contains("groups:      Floor"))
        try cli.ok("groups", "remove", "Floor", "--from-file", cli.dir.file("list.txt"))
        try cli.ok("unassign", "--from-file", cli.dir.file("list.txt"), "+14155550100")
    }

    @Test func removingAListNeedsYesOffATerminal() throws {
        let cli = try CLIHarness()
        try cli.seedTeam()
        let path = try write("agent@acme.test\nmember@acme.test\n", cli)
        let refused = try cli.run("members", "remove", "--from-file", path)
        #expect(refused.status == 1)
        #expect(refused.stderr.contains("add --yes to remove the members listed; nothing changed"))
        #expect(try cli.ok("members", "list").contains("agent@acme.test"))
        #expect(try cli.ok("members", "remove", "--from-file", path, "--yes") == "2 changed\n")
        #expect(!(try cli.ok("members", "list").contains("agent@acme.test")))
    }

    @Test func theArgumentsAreEitherEmailOrFile() throws {
        let cli = try CLIHarness()
        try cli.seedTeam()
        let path = try write("agent@acme.test\n", cli)
        for arguments in [["assign", "--from-file", path, "agent@acme.test", "+14155550100"], ["assign", "+14155550100"],
                          ["members", "deactivate"], ["members", "deactivate", "agent@acme.test", "--partial"],
                          ["members", "set-role", "--from-file", path, "manager", "--expect-version", "1"]] {
            let result = try cli.run(arguments)
            #expect(result.status == 2, "\(arguments): \(result.stderr)")
        }
        #expect(try cli.ok("assign", "agent@acme.test", "+14155550100").contains("agent@acme.test assigned to +14155550100"))
    }
}
