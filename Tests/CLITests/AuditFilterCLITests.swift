import Foundation
import Testing
import TestSupport
@testable import TeamCore
@testable import TeamStore

/// `audit --actor --target --action --since --until`, and `--json` read in pages.
@Suite(.timeLimit(.minutes(10))) struct AuditFilterCLITests {
    func lines(_ cli: CLIHarness, _ arguments: String...) throws -> [[String: Any]] {
        let result = try cli.run(["audit", "--json"] + arguments)
        #expect(result.status == 0, "\(arguments): \(result.stderr)")
        return try result.stdout.split(separator: "\n").map { line in
            try #require(try JSONSerialization.jsonObject(with: Data(line.utf8)) as? [String: Any])
        }
    }

    @Test func eachFilterNarrowsTheLog() throws {
        let cli = try CLIHarness()
        try cli.seedTeam()
        try cli.ok("members", "set-role", "agent@acme.test", "manager")
        try cli.ok("--as", "admin@acme.test", "assign", "member@acme.test", "+14155550100")
        try cli.ok("--as", "admin@acme.test", "members", "deactivate", "member@acme.test")

        let byAdmin = try lines(cli, "--actor", "ADMIN@acme")
        #expect(byAdmin.compactMap { $0["action"] as? String } == ["inbox.assign", "member.deactivate"])
        #expect(try lines(cli, "--action", "set-role").compactMap { $0["target"] as? String } == ["agent@acme.test"])
        #expect(try lines(cli, "--target", "member@").count == 2)
        #expect(try lines(cli, "--actor", "admin", "--action", "member.").count == 1)
        #expect(try lines(cli, "--until", "2000-01-01").isEmpty)
        #expect(try lines(cli, "--since", "2000-01-01").count == (try lines(cli)).count)
        let today = String(Timestamp(seconds: Int64(Date().timeIntervalSince1970)).iso8601.prefix(10))
        #expect(try lines(cli, "--since", today, "--until", today, "--actor", "admin").count == 2, "--until takes in the whole day")
        #expect(try cli.ok("audit", "--action", "deactivate").contains("member.deactivate"))
        #expect(try cli.ok("audit", "--action", "deactivate", "--limit", "1").split(separator: "\n").count == 2, "header and one row")

        let bad = try cli.run("audit", "--since", "2026-02-30x")
        #expect(bad.status == 1 && bad.stderr.contains("is not a date like 2026-11-30"))
        #expect(try cli.run("audit", "--since", "2026-02-02", "--until", "2026-02-01").stderr.contains("is after --until"))
    }

    /// More events than two pages: every one comes out once, in order.
    @Test func jsonLinesStreamTheWholeLogInPages() throws {
        let cli = try CLIHarness()
        try cli.seedTeam()
        let workspace = try SQLiteWorkspace.open(path: cli.db, identity: OperatorIdentity(osLogin: currentLogin(), interface: .cli),
                                                 options: StoreOptions())
        let agent = try EmailAddress("agent@acme.test"), inbox = try PhoneNumber("+14155550100")
        let toggles = (0..<4_200).map { $0 % 2 == 0 ? TeamCommand.assign(member: agent, inbox: inbox) : .unassign(member: agent, inbox: inbox) }
        _ = try workspace.performBatch(toggles, partial: false)
        let total = try workspace.auditEvents(limit: nil).count
        #expect(total > 2 * 2_000)

        let ids = try lines(cli).compactMap { $0["id"] as? Int }
        #expect(ids.count == total)
        #expect(ids == ids.sorted() && Set(ids).count == ids.count, "oldest first, none twice")
        #expect(try lines(cli, "--action", "inbox.unassign").count == 2_100)
        #expect(try lines(cli, "--limit", "3").compactMap { $0["id"] as? Int } == Array(ids.suffix(3)))
    }

    @Test func aPageIsTheOldestEventsAfterAnID() throws {
        let cli = try CLIHarness()
        try cli.seedTeam()
        let workspace = try SQLiteWorkspace.open(path: cli.db, identity: OperatorIdentity(osLogin: currentLogin(), interface: .cli),
                                                 options: StoreOptions())
        let all = try workspace.auditEvents(limit: nil).map(\.id)
        let page = try workspace.auditEvents(AuditQuery(limit: 2, afterID: all[0])).map(\.id)
        #expect(page == Array(all[1...2]))
        #expect(try workspace.auditEvents(AuditQuery(limit: 2)).map(\.id) == Array(all.suffix(2)), "without afterID, the most recent")
        #expect(AuditQuery(afterID: 5).matches(AuditEvent(id: 5, at: Timestamp(seconds: 0), actor: nil, osLogin: "x", viaAs: false,
                                                           interface: .cli, action: "a", target: "t", before: nil, after: nil)) == false)
    }
}
