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
        try #require(sqlite3_exec(handle, """
            ALTER TABLE outbox DROP COLUMN spool_sha256; ALTER TABLE outbox DROP COLUMN tampered; PRAGMA user_version = 2
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
