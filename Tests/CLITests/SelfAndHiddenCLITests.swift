import Foundation
import Testing
import TestSupport

/// Rules with no other test through the binary: renaming oneself, who may
/// read the audit log, and a hidden inbox reading exactly like a missing one.
@Suite(.timeLimit(.minutes(10))) struct SelfAndHiddenCLITests {
    @Test func anyoneMayRenameThemselvesButNotOthersWithoutPermission() throws {
        let cli = try CLIHarness()
        try cli.seedTeam()
        // A member holds no modify-team-member: their own name is still theirs to change.
        let own = try cli.run("--as", "member@acme.test", "members", "rename", "member@acme.test", "Mo Renamed")
        #expect(own.status == 0, "\(own.stderr)")
        #expect(try cli.ok("members", "show", "member@acme.test").contains("Mo Renamed"))
        let before = try cli.stateOutsideRefusals()
        let other = try cli.run("--as", "member@acme.test", "members", "rename", "agent@acme.test", "Not Yours")
        #expect(other.status == 1)
        #expect(other.stderr == "clerk-team: refused (permission): you need modify-team-member to edit a member\n", "\(other.stderr)")
        // A manager holds neither: the same.
        let manager = try cli.run("--as", "manager@acme.test", "members", "rename", "member@acme.test", "Not Yours")
        #expect(manager.stderr.contains("refused (permission): you need modify-team-member to edit a member"), "\(manager.stderr)")
        #expect(try cli.stateOutsideRefusals() == before)
    }

    @Test(arguments: ["agent@acme.test", "member@acme.test"])
    func agentsAndMembersCannotReadTheAuditLog(_ email: String) throws {
        let cli = try CLIHarness()
        try cli.seedTeam()
        for arguments in [["audit"], ["audit", "--json"], ["audit", "--refused"]] {
            let result = try cli.run(["--as", email] + arguments)
            #expect(result.status == 1, "\(arguments)")
            #expect(result.stdout.isEmpty, "\(arguments): \(result.stdout)")
            #expect(result.stderr == "clerk-team: refused (permission): you need modify-team to read the audit log\n", "\(result.stderr)")
        }
        // A manager holds modify-team, and reads it.
        #expect(try cli.run("--as", "manager@acme.test", "audit", "--json").stdout.contains(#""action":"inbox.add""#))
    }

    /// An agent cannot see the private inbox +14155550190: every command
    /// about it answers exactly as for +14155550199, which does not exist,
    /// with the status, the output and the words (the number aside).
    @Test func aHiddenInboxReadsExactlyLikeAMissingOne() throws {
        let cli = try CLIHarness()
        try cli.seedTeam()
        let hidden = "+14155550190", missing = "+14155550199"
        try cli.ok("assign", "manager@acme.test", hidden)
        let before = try cli.stateOutsideRefusals()
        for command in [["inboxes", "rename", "#", "Peek"], ["inboxes", "set-visibility", "#", "public"],
                        ["inboxes", "set-visibility", "#", "private"], ["inboxes", "remove", "#"],
                        ["inboxes", "remove", "#", "--yes"], ["assign", "agent@acme.test", "#"]] {
            func run(_ phone: String) throws -> RunResult {
                try cli.run(["--as", "agent@acme.test"] + command.map { $0 == "#" ? phone : $0 })
            }
            let (seen, absent) = (try run(hidden), try run(missing))
            #expect(seen.status == 1 && absent.status == 1, "\(command)")
            #expect(seen.stdout == absent.stdout, "\(command)")
            #expect(seen.stderr.replacingOccurrences(of: hidden, with: missing) == absent.stderr, "\(command): \(seen.stderr) vs \(absent.stderr)")
            #expect(!seen.stderr.contains("VIP") && !seen.stderr.contains("private"), "\(command): \(seen.stderr)")
        }
        #expect(try cli.stateOutsideRefusals() == before)

        // Listing: not there at all, neither as an inbox nor as the manager's.
        for arguments in [["inboxes", "list"], ["inboxes", "list", "--json"], ["members", "show", "manager@acme.test"],
                          ["members", "show", "manager@acme.test", "--json"], ["members", "list", "--json"]] {
            let result = try cli.run(["--as", "agent@acme.test"] + arguments)
            #expect(result.status == 0, "\(arguments): \(result.stderr)")
            #expect(!result.stdout.contains("14155550190") && !result.stdout.contains("415-555-0190") && !result.stdout.contains("VIP"),
                    "\(arguments): \(result.stdout)")
        }
        let shown = try #require(try JSONSerialization.jsonObject(with: Data(
            try cli.run("--as", "agent@acme.test", "members", "show", "manager@acme.test", "--json").stdout.utf8)) as? [String: Any])
        #expect(shown["inboxes"] as? [String] == [], "the manager's only inbox is the hidden one")
        // The workspace-admin, who may see it, does.
        #expect(try cli.ok("members", "show", "manager@acme.test", "--json").contains(hidden))
    }
}
