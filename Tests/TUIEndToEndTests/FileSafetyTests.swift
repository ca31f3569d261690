import Foundation
import Testing
import TestSupport

/// The file under the screen: replaced, or not writable.
@Suite(.serialized, .timeLimit(.minutes(10)))
struct FileSafetyTests {
    /// No key is pressed after the swap: an idle screen notices on its own.
    /// (A write that meets the swap first is refused as "nothing was
    /// written" in ReplacedFileTests, and reopens in AccessTests.)
    @Test func aWorkspaceFileReplacedUnderAnIdleScreenIsReopenedAndWritesGoToTheNewFile() throws {
        let h = try TUIHarness()
        try h.seedTeam()
        try h.openTUI()
        try h.select("agent@acme.test", name: "Agent Person")
        // Restored from a backup under the same name: another file, where the agent has another name.
        let copy = h.dir.file("restored.db")
        try #require(FileManager.default.createFile(atPath: copy, contents: FileManager.default.contents(atPath: h.db)))
        try h.ok("--db", copy, "members", "rename", "agent@acme.test", "Restored Agent")
        // A change after the backup: it lives in the old file's write-ahead log, which the open screen holds.
        try h.ok("inboxes", "rename", "+14155550100", "AfterBackup")
        try h.tmux.waitFor("AfterBack")
        #expect(FileManager.default.fileExists(atPath: h.db + "-wal"))
        #expect(rename(copy, h.db) == 0)
        let screen = try h.tmux.waitUntil("the new file's rows and the notice") {
            $0.contains("Restored Agent") && $0.contains("Reopened")
        }
        #expect(!screen.contains("Agent Person"), "no rows of the old file")
        #expect(!screen.contains("AfterBack") && screen.contains("Support"), "the backup as it was, not mixed with the old file's log")
        let inboxes = try h.ok("inboxes", "list")
        #expect(inboxes.contains("Support") && !inboxes.contains("AfterBackup"), "\(inboxes)")
        #expect(try h.member("agent@acme.test")?["status"] as? String == "active")
        // The reopened file is the one written to now.
        try h.tmux.press("d")
        try h.tmux.waitFor("Deactivate Restored Agent?")
        try h.tmux.press("y")
        try h.tmux.waitFor("is now deactivated")
        #expect(try h.member("agent@acme.test")?["status"] as? String == "deactivated")
        try h.tmux.press("q")
        #expect(try h.tmux.waitForExit() == 0)
    }

    @Test func aDeletedWorkspaceFileStopsTheScreen() throws {
        let h = try TUIHarness()
        try h.seedTeam()
        try h.openTUI()
        try h.select("agent@acme.test", name: "Agent Person")
        try #require(unlink(h.db) == 0)
        try h.tmux.press("d")
        try h.tmux.press("y")
        let screen = try h.tmux.waitUntil("the stop notice, whole") {
            $0.contains("was deleted") && $0.contains("q quit")
        }
        #expect(screen.contains("Workspace unavailable"))
        #expect(!screen.contains("is now deactivated"), "no write is reported as made")
        #expect(!screen.contains("Agent Person"), "no stale rows")
        try h.tmux.press("q")
        #expect(try h.tmux.waitForExit() == 0)
    }

    @Test func aWorkspaceFileThatCannotBeWrittenShowsReadOnlyBeforeAnyKey() throws {
        let h = try TUIHarness()
        try h.seedTeam()
        // Immutable: not writable even for the superuser the tests may run as.
        #expect(try BinaryRunner.run(["/usr/bin/chattr", "+i", h.db], in: h.dir.path).status == 0, "chattr +i must work here")
        defer { _ = try? BinaryRunner.run(["/usr/bin/chattr", "-i", h.db], in: h.dir.path) }
        try h.openTUI()
        let screen = try h.tmux.waitFor("READ-ONLY (file not writable)")
        #expect(screen.contains("q quit"))
        try h.select("agent@acme.test", name: "Agent Person")
        try h.tmux.press("d")
        try h.tmux.waitFor("read-only: the workspace file is not writable")
        #expect(try h.member("agent@acme.test")?["status"] as? String == "active")
        try h.tmux.press("q")
        #expect(try h.tmux.waitForExit() == 0)
    }
}

/// A write behind another process's lock: visible, cancellable, keys kept.
@Suite(.serialized, .timeLimit(.minutes(10)))
struct LockWaitTests {
    @Test func aWriteBehindAnotherProcesssLockShowsItsWaitAndEscCancelsIt() throws {
        let h = try TUIHarness()
        try h.seedTeam()
        try h.openTUI()
        try h.select("agent@acme.test", name: "Agent Person")
        let lock = try SQLiteLock(path: h.db)
        try h.tmux.press("d")
        try h.tmux.waitFor("Deactivate Agent Person?")
        try h.tmux.press("y")
        try h.tmux.waitFor("for another operator's change to finish; Esc cancels")
        try h.tmux.press("?")  // pressed while waiting: acted on after it
        try h.tmux.press("Escape")
        // The help the early key opened, over the error the cancelled write left (a key typed
        // ahead of an error does not clear it: StatusLineTests; the next key after it does).
        try h.tmux.waitFor("Moving in lists")
        try h.tmux.press("Escape")
        try h.tmux.waitUntil("help closed") { !$0.contains("Moving in lists") }
        try h.tmux.press("m")
        let screen = try h.tmux.waitFor("cancelled while waiting")
        #expect(!screen.contains("is now deactivated"))
        try h.tmux.press("Escape")
        lock.release()
        #expect(try h.member("agent@acme.test")?["status"] as? String == "active", "nothing was written")
        try h.tmux.press("q")
        #expect(try h.tmux.waitForExit() == 0)
    }
}

extension LockWaitTests {
    @Test func aHangUpWhileAWriteWaitsEndsAtOnceAndWritesNothing() throws {
        let h = try TUIHarness()
        try h.seedTeam()
        try h.openTUI()
        try h.select("agent@acme.test", name: "Agent Person")
        let lock = try SQLiteLock(path: h.db)
        defer { lock.release() }
        try h.tmux.press("d")
        try h.tmux.waitFor("Deactivate Agent Person?")
        try h.tmux.press("y")
        try h.tmux.waitFor("Esc cancels")
        let pid = try h.tmux.programPID()
        #expect(kill(pid, SIGHUP) == 0)
        // Well inside the 10 s a write would otherwise wait for the lock.
        #expect(try h.tmux.waitForExit(timeout: 1.5) == 129)
        lock.release()
        #expect(try h.member("agent@acme.test")?["status"] as? String == "active", "nothing was written")
    }
}
