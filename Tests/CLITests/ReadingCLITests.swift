import CSQLite
import Foundation
import Testing
import TestSupport

/// Reading never changes the file: no upgrade, no journal switch, and a
/// workspace on read-only media can be read.
@Suite(.timeLimit(.minutes(10))) struct ReadingCLITests {
    @Test func aReadCommandRefusesAnOldSchemaWithoutTouchingItAndAChangeUpgradesIt() throws {
        let cli = try CLIHarness()
        try cli.seedTeam()
        var handle: OpaquePointer?
        try #require(sqlite3_open(cli.db, &handle) == SQLITE_OK)
        // Back to schema 2: without the spool hashes (3) and the change feed (4).
        let feedTriggers = Self.names(handle, "SELECT name FROM sqlite_master WHERE type = 'trigger' AND name LIKE '%\\_fed\\_%' ESCAPE '\\'")
        #expect(feedTriggers.count >= 30)
        try #require(sqlite3_exec(handle, feedTriggers.map { "DROP TRIGGER \($0);" }.joined() + """
            DROP TABLE changes; DROP TABLE change_feed;
            DROP TRIGGER member_counted_insert; DROP TRIGGER member_counted_delete; DROP TRIGGER member_counted_status; DROP TABLE member_count;
            DROP TABLE contact_values; DROP TABLE contacts; DROP TABLE contact_properties;
            ALTER TABLE workspace DROP COLUMN billing_plan; ALTER TABLE workspace DROP COLUMN billing_contact;
            ALTER TABLE outbox DROP COLUMN spool_sha256; ALTER TABLE outbox DROP COLUMN tampered; DROP TABLE messages;
            DROP VIEW member_inboxes; DROP TABLE group_inboxes; PRAGMA user_version = 2
            """, nil, nil, nil) == SQLITE_OK)
        sqlite3_close(handle)
        let before = cli.fileBytes()
        let read = try cli.run("members", "list")
        #expect(read.status == 1)
        #expect(read.stderr.contains("needs an upgrade") && read.stderr.contains("any command that changes"), "\(read.stderr)")
        #expect(cli.fileBytes() == before, "a read changed the file")
        try cli.ok("inboxes", "add", "+14155550111", "--name", "Upgrade", "--public")
        #expect(try cli.ok("members", "list").contains("owner@acme.test"))
    }

    static func names(_ handle: OpaquePointer?, _ sql: String) -> [String] {
        var statement: OpaquePointer?
        guard sqlite3_prepare_v2(handle, sql, -1, &statement, nil) == SQLITE_OK else { return [] }
        defer { sqlite3_finalize(statement) }
        var names: [String] = []
        while sqlite3_step(statement) == SQLITE_ROW {
            if let text = sqlite3_column_text(statement, 0) { names.append(String(cString: text)) }
        }
        return names
    }

    @Test func aWorkspaceOnReadOnlyMediaCanBeRead() throws {
        try requireRoot()  // to mount a folder read-only (unshare comes with util-linux)
        let cli = try CLIHarness()
        try cli.seedTeam()
        let mounted = cli.dir.file("ro")
        try FileManager.default.createDirectory(atPath: mounted, withIntermediateDirectories: false)
        // A private mount namespace: the read-only mount vanishes with the command.
        let script = """
            mount --bind "$1" "$2" && mount -o remount,bind,ro "$2" && \
            "$3" --db "$2/workspace.db" --read-only members list && "$3" --db "$2/workspace.db" inboxes list
            """
        let result = try BinaryRunner.run(["/usr/bin/unshare", "-m", "/bin/sh", "-c", script, "sh", cli.dir.path, mounted, cli.binary],
                                          environment: cli.environment, in: cli.dir.path)
        #expect(result.status == 0, "\(result.stderr) \(result.stdout)")
        #expect(result.stdout.contains("owner@acme.test") && result.stdout.contains("+1 415-555-0100"), "\(result.stdout)")
    }
}
