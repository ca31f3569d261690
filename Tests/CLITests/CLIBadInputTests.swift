import CSQLite
import Foundation
import Testing
import TestSupport

/// SPEC §6: every bad input gets a specific message, exit status 1, and the
/// workspace file stays byte-for-byte as it was.
@Suite(.timeLimit(.minutes(10))) struct CLIBadInputTests {
    static let cases: [([String], String)] = [
        (["assign", "not-an-email", "+14155550100"], "invalid email: 'not-an-email' is not a valid email address: missing '@'"),
        (["assign", "agent@acme.test", "4155550100"],
         "invalid phone: '4155550100' is not a phone number that can exist: start it with + and the country code (or 00)"),
        (["assign", "agent@acme.test", "+1 415 555 0100 x"], "only digits, spaces and + ( ) - . / may be used"),
        (["inboxes", "add", "+0123456789", "--name", "X", "--public"], "no country has that code"),
        (["inboxes", "add", "+1415555010", "--name", "X", "--public"], "'+1415555010' is not a phone number that can exist: too short for a number in US"),
        (["members", "set-role", "agent@acme.test", "owner"], "invalid role: unknown role 'owner'"),
        (["can", "agent@acme.test", "fly"], "invalid permission: unknown permission 'fly'"),
        (["members", "rename", "agent@acme.test", "Eve\u{1b}[2J"], "name contains control character U+001B"),
        // Names that show nothing: a Hangul filler, the braille blank, a choseong filler.
        (["members", "rename", "agent@acme.test", "\u{3164}"], "invalid name: name is empty: it has no visible character"),
        (["members", "rename", "agent@acme.test", "\u{2800}"], "invalid name: name is empty: it has no visible character"),
        (["members", "rename", "agent@acme.test", "\u{115F}"], "invalid name: name is empty: it has no visible character"),
        (["inboxes", "add", "+14155550111", "--name", String(repeating: "n", count: 500), "--public"], "longer than 100 characters"),
        (["members", "rename", "agent@acme.test", String(repeating: "é", count: 101)], "longer than 100 characters"),
        (["assign", String(repeating: "a", count: 300) + "@x.com", "+14155550100"], "longer than 254 characters"),
        (["inboxes", "add", "+14155550100", "--name", "Dup", "--public"], "an inbox with number +14155550100 already exists"),
        (["assign", "ghost@acme.test", "+14155550100"], "no member ghost@acme.test in this workspace"),
        (["assign", "agent@acme.test", "+14155550999"], "no inbox +14155550999 in this workspace"),
        (["members", "set-role", "owner@acme.test", "admin", "--expect-version", "999"], "changed by someone else"),
        (["inboxes", "set-visibility", "+14155550100", "secret"], "unknown visibility 'secret'"),
        (["--as", "Ghost@Acme.test", "members", "list"], "--as ghost@acme.test: no such member"),
    ]

    @Test(arguments: cases.indices)
    func badInputIsRefusedSpecificallyAndChangesNothing(_ index: Int) throws {
        let (arguments, expected) = Self.cases[index]
        let cli = try CLIHarness()
        try cli.seedTeam()
        let before = try cli.stateOutsideRefusals()
        let result = try cli.run(arguments)
        #expect(result.status == 1, "\(arguments)")
        #expect(result.stderr.contains(expected), "\(arguments): \(result.stderr)")
        #expect(!result.stderr.utf8.contains(0x1B))
        #expect(try cli.stateOutsideRefusals() == before, "\(arguments) changed the file")
    }

    @Test func aMissingWorkspaceIsReportedAndNotCreated() throws {
        let cli = try CLIHarness()
        for arguments in [["members", "list"], ["inboxes", "list", "--json"], ["audit"], ["can", "a@b.co", "add-inbox"]] {
            let result = try cli.run(arguments)
            #expect(result.status == 1)
            #expect(result.stderr.contains("no workspace at \(cli.db)"))
        }
        #expect(!FileManager.default.fileExists(atPath: cli.db))
    }

    @Test func aCorruptWorkspaceIsReportedAndLeftAlone() throws {
        let cli = try CLIHarness()
        let junk = Data("this is not a database, just text pretending to be one".utf8) + Data(repeating: 0, count: 4096)
        _ = FileManager.default.createFile(atPath: cli.db, contents: junk)
        let result = try cli.run("members", "list")
        #expect(result.status == 1)
        #expect(result.stderr.contains("is not a clerk-team workspace"))
        #expect(cli.fileBytes() == junk)
    }

    @Test func aLockedWorkspaceTimesOutWithASentenceAndNoChange() throws {
        let cli = try CLIHarness()
        try cli.seedTeam()
        cli.extraEnvironment["CLERK_TEAM_BUSY_TIMEOUT_MS"] = "200"
        var db: OpaquePointer?
        try #require(sqlite3_open(cli.db, &db) == SQLITE_OK)
        defer { sqlite3_close(db) }
        try #require(sqlite3_exec(db, "BEGIN EXCLUSIVE", nil, nil, nil) == SQLITE_OK)
        let result = try cli.run("assign", "agent@acme.test", "+14155550100")
        try #require(sqlite3_exec(db, "ROLLBACK", nil, nil, nil) == SQLITE_OK)
        #expect(result.status == 1)
        #expect(result.stderr.contains("is locked by another process"))
        #expect(result.stderr.contains("nothing was changed"))
        let members = try cli.ok("members", "show", "agent@acme.test")
        #expect(members.contains("inboxes:     (none)"))
    }
}

@Suite(.timeLimit(.minutes(10))) struct CLISafetyTests {
    @Test func readOnlyRefusesEveryWriteAndChangesNothing() throws {
        let cli = try CLIHarness()
        try cli.seedTeam()
        let before = try #require(cli.fileBytes())
        for arguments in [["--read-only", "assign", "agent@acme.test", "+14155550100"],
                          ["--read-only", "members", "set-role", "agent@acme.test", "member"],
                          ["--read-only", "invite", "new@acme.test", "--role", "member"]] {
            let result = try cli.run(arguments)
            #expect(result.status == 1, "\(arguments)")
            #expect(result.stderr.contains("read-only mode"), "\(arguments): \(result.stderr)")
        }
        #expect(cli.fileBytes() == before)
        #expect(try cli.run("--read-only", "members", "list").status == 0, "reading still works")
    }

    @Test func anEmptyDbIsAUsageErrorNotTheDefaultWorkspace() throws {
        let cli = try CLIHarness()
        try cli.seedTeam()
        let result = try cli.run("--db", "", "members", "list")
        #expect(result.status == 2)
        #expect(result.stderr.contains("--db is empty"))
    }

    @Test func aDeactivatedOperatorIsToldSo() throws {
        let cli = try CLIHarness()
        try cli.seedTeam()
        try cli.ok("members", "deactivate", "agent@acme.test")
        let result = try cli.run("--as", "agent@acme.test", "assign", "agent@acme.test", "+14155550100")
        #expect(result.status == 1)
        #expect(result.stderr.contains("refused (deactivated)"), "\(result.stderr)")
    }
}
