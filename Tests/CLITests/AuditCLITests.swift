import CSQLite
import Foundation
import Testing
import TestSupport

@Suite(.timeLimit(.minutes(10))) struct AuditCLITests {
    static func handEdit(_ path: String, _ sql: String) -> Bool {
        var handle: OpaquePointer?
        guard sqlite3_open(path, &handle) == SQLITE_OK else { return false }
        defer { sqlite3_close(handle) }
        return sqlite3_exec(handle, sql, nil, nil, nil) == SQLITE_OK
    }

    @Test func verifyPassesThenNamesTheFirstBrokenRow() throws {
        let cli = try CLIHarness()
        try cli.seedTeam()
        let intact = try cli.run("audit", "verify")
        #expect(intact.status == 0, "\(intact.stderr)")
        #expect(intact.stdout.hasPrefix("audit log intact: 3 rows, head "))
        #expect(!Self.handEdit(cli.db, """
            INSERT OR REPLACE INTO audit (id, at, actor, os_login, via_as, interface, action, target)
            VALUES (1, 0, 'mallory@evil.test', 'mallory', 0, 'cli', 'workspace.init', 'forged')
            """), "REPLACE is refused by the schema")
        #expect(Self.handEdit(cli.db, "DROP TRIGGER audit_no_update; UPDATE audit SET actor = 'x@y.z' WHERE id = 2"))
        let broken = try cli.run("audit", "verify")
        #expect(broken.status == 1)
        #expect(broken.stderr.contains("audit log broken at row 2"), "\(broken.stderr)")
    }

    @Test func refusalsAreListedWithTheirRule() throws {
        let cli = try CLIHarness()
        try cli.seedTeam()
        let refused = try cli.run("--as", "agent@acme.test", "members", "set-role", "member@acme.test", "agent")
        #expect(refused.status == 1)
        let listed = try cli.ok("audit", "--refused")
        #expect(listed.contains("agent@acme.test") && listed.contains("member.set-role") && listed.contains("permission"), "\(listed)")
        #expect(!(try cli.ok("audit")).contains("member.set-role"), "the log of changes holds changes only")
    }
}
