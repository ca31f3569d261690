import Foundation
import Testing
import TestSupport

/// The file under the screen: replaced, or not writable.
@Suite(.serialized, .timeLimit(.minutes(10)))
struct FileSafetyTests {
    @Test func aRebuiltWorkspaceFileStopsTheScreenAndNoWriteIsReportedAsDone() throws {
        let h = try TUIHarness()
        try h.seedTeam()
        try h.openTUI()
        try h.select("agent@acme.test", name: "Agent Person")
        // Rebuilt under the same name, as 'demo' or a restore from backup does: a new file.
        let copy = h.dir.file("rebuilt.db")
        try h.ok("--db", h.db, "members", "list")
        try #require(FileManager.default.createFile(atPath: copy, contents: FileManager.default.contents(atPath: h.db)))
        #expect(rename(copy, h.db) == 0)
        try h.tmux.press("d")
        try h.tmux.press("y")
        let screen = try h.tmux.waitUntil("the stop notice, whole") {
            $0.contains("was replaced by another file") && $0.contains("q quit")
        }
        #expect(screen.contains("Workspace unavailable"))
        #expect(!screen.contains("is now deactivated"), "no write is reported as made")
        #expect(!screen.contains("Agent Person"), "no stale rows")
        #expect(try h.member("agent@acme.test")?["status"] as? String == "active")
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
        try h.tmux.waitFor("Moving in lists")
        try h.tmux.press("Escape")
        let screen = try h.tmux.waitFor("cancelled while waiting")
        #expect(!screen.contains("is now deactivated"))
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
