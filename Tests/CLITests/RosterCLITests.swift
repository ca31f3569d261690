import Foundation
import Testing
import TestSupport
@testable import TeamCore
@testable import TeamStore

/// `roster export|apply` through the real binary, on real files.
@Suite(.timeLimit(.minutes(10))) struct RosterCLITests {
    static let fixtures = URL(fileURLWithPath: #filePath).deletingLastPathComponent().appendingPathComponent("Fixtures")

    static func fixture(_ name: String) throws -> String {
        try String(contentsOf: fixtures.appendingPathComponent(name), encoding: .utf8)
    }

    /// The workspace file with its WAL: a change that is not checkpointed yet is in the WAL.
    func bytes(_ cli: CLIHarness) -> [Data?] {
        ["", "-wal"].map { FileManager.default.contents(atPath: cli.db + $0) }
    }

    /// What round-trips and what cannot: a fresh workspace gets everyone
    /// the file lists as an invitation (logins and tokens belong to one
    /// file); once they accepted (naming themselves as the file does), the
    /// file applied again adds groups, overrides and deactivations. Members
    /// deactivated in the file who were never in the fresh workspace are not
    /// invited at all, so they are the one difference, and said so.
    @Test func exportApplyAcceptApplyExportGivesTheSameFileLessTheNeverInvited() throws {
        let cli = try CLIHarness()
        let demo = cli.dir.file("demo.db")
        try cli.ok("demo", "--no-tui", "--db", demo)
        let exported = try cli.ok("--db", demo, "roster", "export")
        try exported.write(toFile: cli.dir.file("team.yaml"), atomically: true, encoding: .utf8)
        let entries = try #require(try cli.json("--db", demo, "roster", "export", "--format", "json") as? [String: Any])
        let members = try #require(entries["members"] as? [[String: Any]])
        let deactivated = members.filter { $0["status"] as? String == "deactivated" }.compactMap { $0["email"] as? String }
        #expect(deactivated.count == 3)

        // The fresh workspace's admin is the demo's: the same email and name, bound to this login.
        let listed = try #require(try cli.json("--db", demo, "members", "list", "--json") as? [[String: Any]])
        let me = try #require(listed.first { $0["login"] as? String == currentLogin() })
        try cli.ok("init", "--workspace", "Copy", "--admin-email", try #require(me["email"] as? String),
                   "--admin-name", try #require(me["name"] as? String))
        let first = try cli.ok("roster", "apply", "team.yaml")
        #expect(first.contains("applied in one transaction: "))
        #expect(first.contains("59 invitation mails queued; that is more than 50: they are sent by 'clerk-team mail flush'"))
        #expect(first.contains("not invited (deactivated in the file and not a member here):\n"
                               + deactivated.map { "  \($0)\n" }.joined()))

        // A second apply changes nothing: the invitations are pending as the file asks.
        let audit = try cli.ok("audit", "--json")
        #expect(try cli.ok("roster", "apply", "team.yaml").hasPrefix("team.yaml: nothing to change\n"))
        #expect(try cli.ok("audit", "--json") == audit)

        // Everyone the file lists as a member accepts; the invited stay invited.
        try cli.ok("mail", "flush")
        #expect(try mails(cli).count == 59)
        let workspace = try SQLiteWorkspace.open(path: cli.db, identity: OperatorIdentity(osLogin: "nobody", interface: .cli),
                                                 options: StoreOptions())
        var accepted = 0
        for mail in try mails(cli) {
            guard let member = members.first(where: { $0["email"] as? String == mail.to }),
                  member["status"] as? String == "active", let name = member["name"] as? String else { continue }
            accepted += 1
            _ = try workspace.acceptInvitation(AcceptRequest(token: mail.token, name: try DisplayName(name), login: "joiner-\(accepted)"))
        }
        #expect(accepted == members.filter { $0["status"] as? String == "active" }.count - 1, "all but the admin")
        try cli.ok("roster", "apply", "team.yaml")

        let (expected, left) = Self.withoutDeactivated(exported)
        #expect(left == deactivated.map { "  - email: \($0)" })
        #expect(try cli.ok("roster", "export") == expected)
    }

    /// The members section less the blocks of deactivated members, and the lines those blocks began with.
    static func withoutDeactivated(_ text: String) -> (String, [String]) {
        var out: [String] = [], block: [String] = [], removed: [String] = []
        func flush() {
            if block.contains("    status: deactivated") { removed.append(block[0]) } else { out += block }
            block = []
        }
        for line in text.split(separator: "\n", omittingEmptySubsequences: false).map(String.init) {
            if line.hasPrefix("  - email: ") {
                flush()
                block = [line]
            } else if !block.isEmpty && line.hasPrefix("    ") {
                block.append(line)
            } else {
                flush()
                out.append(line)
            }
        }
        flush()
        return (out.joined(separator: "\n"), removed)
    }

    /// Invitation mails the folder transport wrote: recipient and token.
    func mails(_ cli: CLIHarness) throws -> [(to: String, token: String)] {
        let folder = cli.dir.file("data") + "/clerk-team/mail"
        return try FileManager.default.contentsOfDirectory(atPath: folder).sorted().compactMap { name in
            let text = try String(contentsOfFile: folder + "/" + name, encoding: .utf8)
            let to = text.split(separator: "\n").first { $0.hasPrefix("To: ") }.map { String($0.dropFirst(4)) }
            guard let to, let token = CLIWorkspace.token(in: text) else { return nil }
            return (to, token)
        }
    }

    @Test func aDryRunPrintsTheExactPlanAndChangesNothing() throws {
        let cli = try CLIHarness()
        try cli.seedTeam()
        try Self.fixture("roster-edited.yaml").write(toFile: cli.dir.file("roster.yaml"), atomically: true, encoding: .utf8)
        let before = bytes(cli)
        let result = try cli.run("roster", "apply", "roster.yaml", "--dry-run", "--prune")
        #expect(result.status == 0, "\(result.stderr)")
        #expect(result.stdout == (try Self.fixture("roster-edited.plan.txt")))
        #expect(bytes(cli) == before)
        let readOnly = try cli.run("--read-only", "roster", "apply", "roster.yaml", "--dry-run", "--prune")
        #expect(readOnly.stdout == result.stdout, "a dry run only reads: --read-only allows it")
    }

    @Test func applyingMakesTheFileSoAndASecondApplyChangesNothing() throws {
        let cli = try CLIHarness()
        try cli.seedTeam()
        let file = try Self.fixture("roster-edited.yaml")
        try file.write(toFile: cli.dir.file("roster.yaml"), atomically: true, encoding: .utf8)
        #expect(try cli.ok("roster", "apply", "roster.yaml", "--prune").contains("applied in one transaction: 13 changed\n"))
        func withoutComments(_ text: String) -> String {
            text.split(separator: "\n").filter { !$0.hasPrefix("#") }.joined(separator: "\n")
        }
        let exported = try cli.ok("roster", "export")
        #expect(withoutComments(exported) == withoutComments(file), "the workspace is now exactly as the file says")

        let audit = try cli.ok("audit", "--json")
        let before = bytes(cli)
        #expect(try cli.ok("roster", "apply", "roster.yaml", "--prune") == "roster.yaml: nothing to change\n")
        let piped = try cli.run(["roster", "apply", "-", "--prune"], stdin: exported)
        #expect(piped.stdout == "standard input: nothing to change\n")
        #expect(try cli.ok("audit", "--json") == audit)
        #expect(bytes(cli) == before)
    }

    @Test func anApplyTheGuardRefusesPartwayChangesNothing() throws {
        let cli = try CLIHarness()
        try cli.seedTeam()
        // A manager may add inboxes and groups but not change roles: the third step is refused.
        try """
            roster: 1
            inboxes:
              - phone: "+14155550100"
                name: Support
                visibility: public
              - phone: "+14155550191"
                name: Night line
                visibility: public
            groups:
              - name: Floor
            members:
              - email: agent@acme.test
                name: Agent Person
                role: member
            """.write(toFile: cli.dir.file("refused.yaml"), atomically: true, encoding: .utf8)
        let roster = try cli.ok("roster", "export")
        let audit = try cli.ok("audit", "--json")
        let state = try cli.stateOutsideRefusals()

        let dry = try cli.run("--as", "manager@acme.test", "roster", "apply", "refused.yaml", "--dry-run")
        #expect(dry.status == 1)
        #expect(dry.stdout.contains("""
              change agent@acme.test's role from agent to member
                refused (permission): you need modify-team-member to change a member's role
            """))
        #expect(dry.stdout.hasSuffix("dry run: the guard would refuse 1 of 3 (permission (1)); applying would change nothing\n"))
        #expect(try cli.ok("audit", "--refused").split(separator: "\n").count == 1, "a dry run records no refusal: the header only")

        let applied = try cli.run("--as", "manager@acme.test", "roster", "apply", "refused.yaml")
        #expect(applied.status == 1)
        #expect(applied.stderr.contains("nothing changed: 1 of 3 would be refused (permission (1))"))
        #expect(try cli.ok("roster", "export") == roster)
        #expect(try cli.ok("audit", "--json") == audit)
        // The refused step is recorded (audit --refused); nothing else was written.
        #expect(try cli.stateOutsideRefusals() == state)
        let refused = try cli.ok("audit", "--refused")
        #expect(refused.contains("member.set-role") && refused.contains("agent@acme.test") && refused.contains("permission"), "\(refused)")
    }

    @Test func aBadFileNamesItsLinesAndChangesNothing() throws {
        let cli = try CLIHarness()
        try cli.seedTeam()
        try "roster: 1\nmembers:\n  - email: ann@acme.test\n    role: boss\n  - email: ann@acme.test\n    role: agent\n"
            .write(toFile: cli.dir.file("bad.yaml"), atomically: true, encoding: .utf8)
        let before = bytes(cli)
        let result = try cli.run("roster", "apply", "bad.yaml")
        #expect(result.status == 1)
        #expect(result.stderr.contains("bad.yaml: 2 problem(s); nothing changed:\n  line 4: unknown role 'boss'"))
        #expect(result.stderr.contains("  line 5: ann@acme.test is listed twice (first on line 3)"))
        #expect(bytes(cli) == before)
    }

    @Test func jsonAndYAMLExportsPlanTheSame() throws {
        let cli = try CLIHarness()
        let demo = cli.dir.file("demo.db")
        try cli.ok("demo", "--no-tui", "--db", demo, "--members", "30")
        try cli.ok("--db", demo, "roster", "export").write(toFile: cli.dir.file("team"), atomically: true, encoding: .utf8)
        let json = try cli.ok("--db", demo, "roster", "export", "--format", "json")
        #expect(json.hasPrefix("{\n  \"roster\": 1,\n  \"roles\": [],\n  \"inboxes\": [\n    {\"phone\":\"+14155550100\""))
        try cli.seedTeam()
        let fromYAML = try cli.ok("roster", "apply", "team", "--dry-run", "--prune")
        try json.write(toFile: cli.dir.file("team"), atomically: true, encoding: .utf8)
        #expect(try cli.ok("roster", "apply", "team", "--dry-run", "--prune") == fromYAML)
    }
}
