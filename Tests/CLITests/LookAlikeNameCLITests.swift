import CSQLite
import Foundation
import Testing
import TestSupport

/// Names that look the same are one name, through the binary: a no-break
/// space or a word joiner does not make a second "Night shift".
@Suite(.timeLimit(.minutes(10))) struct LookAlikeNameCLITests {
    @Test func aGroupNameThatLooksTakenIsTaken() throws {
        let cli = try CLIHarness()
        try cli.seedTeam()
        try cli.ok("groups", "create", "Night shift")
        for lookAlike in ["Night\u{A0}shift", "Night shift\u{2060}", "Night\u{3000}shift", "Night shift\u{200B}"] {
            let result = try cli.run("groups", "create", lookAlike)
            #expect(result.status == 1, "\(lookAlike.unicodeScalars.map(\.value))")
            #expect(result.stderr.contains("a group named 'Night shift' already exists"), "\(result.stderr)")
        }
        let list = try #require(try cli.json("groups", "list", "--json") as? [[String: Any]])
        #expect(list.map { $0["name"] as? String } == ["Night shift"])
        // Typed with a no-break space, the name finds the group stored with a space.
        let show = try #require(try cli.json("groups", "show", "night\u{A0}shift", "--json") as? [String: Any])
        #expect(show["name"] as? String == "Night shift")
        // Created with one, it is stored with a plain space.
        try cli.ok("groups", "create", "Day\u{A0}shift\u{FEFF}")
        #expect(try cli.ok("groups", "list", "--json").contains(#""name":"Day shift""#))
    }

    /// A file from before this rule keeps its row; lookups and the
    /// uniqueness check still read it as it looks.
    @Test func aNameStoredWithANoBreakSpaceBeforeTheRuleIsFoundByAPlainOne() throws {
        let cli = try CLIHarness()
        try cli.seedTeam()
        var db: OpaquePointer?
        try #require(sqlite3_open(cli.db, &db) == SQLITE_OK)
        try #require(sqlite3_exec(db, "INSERT INTO groups (name) VALUES ('Old\u{A0}shift')", nil, nil, nil) == SQLITE_OK)
        sqlite3_close(db)
        let show = try #require(try cli.json("groups", "show", "Old shift", "--json") as? [String: Any])
        #expect(show["name"] as? String == "Old\u{A0}shift")
        let again = try cli.run("groups", "create", "Old shift")
        #expect(again.status == 1 && again.stderr.contains("already exists"), "\(again.stderr)")
    }
}
