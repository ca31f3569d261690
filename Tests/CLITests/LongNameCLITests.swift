import CSQLite
import Foundation
import Testing
import TestSupport

/// Names are bounded at input, and a longer one already in the file cannot
/// stretch a table to a pathological width.
@Suite(.timeLimit(.minutes(10))) struct LongNameCLITests {
    @Test func namesAndGroupNamesLongerThanTheLimitAreRefusedAtInput() throws {
        let cli = try CLIHarness()
        try cli.seedTeam()
        let long = String(repeating: "n", count: 101)
        for arguments in [["members", "rename", "agent@acme.test", long], ["groups", "create", long],
                          ["inboxes", "rename", "+14155550100", long]] {
            let result = try cli.run(arguments)
            #expect(result.status == 1, "\(arguments)")
            #expect(result.stderr.contains("longer than 100 characters"), "\(arguments): \(result.stderr)")
        }
    }

    @Test func aHandEditedHugeNameIsCutInTables() throws {
        let cli = try CLIHarness()
        try cli.seedTeam()
        var handle: OpaquePointer?
        try #require(sqlite3_open(cli.db, &handle) == SQLITE_OK)
        try #require(sqlite3_exec(handle, "UPDATE members SET name = '\(String(repeating: "x", count: 20_000))' WHERE email = 'agent@acme.test'",
                             nil, nil, nil) == SQLITE_OK)
        sqlite3_close(handle)
        let listed = try cli.ok("members", "list")
        let widest = listed.split(separator: "\n").map(\.count).max() ?? 0
        #expect(widest < 600, "a line of \(widest) characters")
        #expect(listed.contains("xxx…"))
    }
}
