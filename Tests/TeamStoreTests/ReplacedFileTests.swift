import Foundation
import Testing
@testable import TeamCore
@testable import TeamStore

/// A workspace file replaced or deleted under an open connection: reads
/// and writes stop with `gone`, and nothing is reported as written.
@Suite(.timeLimit(.minutes(10))) struct ReplacedFileTests {
    typealias F = StoreFixture
    @Test func aReplacedFileRefusesWritesAndPolls() throws {
        let fixture = try StoreFixture()
        let open = try fixture.open(as: .workspaceAdmin)
        _ = try open.dataVersion()
        let copy = fixture.dir.file("copy.db")
        try #require(FileManager.default.createFile(atPath: copy, contents: fixture.fileBytes()))
        #expect(rename(copy, fixture.path) == 0)
        let before = try fixture.open(as: .workspaceAdmin).auditEvents(limit: nil).count
        #expect { try open.perform(.deactivate(member: StoreFixture.email(.agent))) } throws: { error in
            guard case TeamError.gone(let message) = error else { return false }
            return message.contains("was replaced") && message.contains("nothing was written")
        }
        #expect { try open.dataVersion() } throws: { ($0 as? TeamError).map { if case .gone = $0 { true } else { false } } ?? false }
        let fresh = try fixture.open(as: .workspaceAdmin)
        #expect(try fresh.member(StoreFixture.email(.agent)).member.status == .active)
        #expect(try fresh.auditEvents(limit: nil).count == before)
    }

    @Test func reopeningReadsAndWritesTheFileNowAtThePath() throws {
        let fixture = try StoreFixture()
        let open = try fixture.open(as: .workspaceAdmin)
        let agent = StoreFixture.email(.agent)
        _ = try open.session()
        let copy = fixture.dir.file("copy.db")
        try #require(FileManager.default.createFile(atPath: copy, contents: fixture.fileBytes()))
        #expect(rename(copy, fixture.path) == 0)
        #expect { try open.dataVersion() } throws: { "\($0)".contains("was replaced") }
        #expect(try open.reopen() == .reopened)
        _ = try open.perform(.deactivate(member: agent))
        #expect(try fixture.open(as: .workspaceAdmin).member(agent).member.status == .deactivated)
    }

    /// A backup moved over the file while two interfaces have it open. The
    /// path's write-ahead log is the old file's as long as one of them holds
    /// it: nobody may read the new file through it (a mix of both files that
    /// passes every integrity check). Each lets go on noticing; the last to
    /// do so removes the log; then everyone reads the backup as it is.
    @Test func aFileMovedOverOneStillOpenIsReadOnlyAfterEveryHolderLetGo() throws {
        let fixture = try StoreFixture()
        let backup = fixture.dir.file("backup.db")
        let first = try fixture.open(as: .workspaceAdmin, interface: .tui)
        let second = try fixture.open(as: .workspaceAdmin, interface: .tui)
        try first.db.execute("VACUUM INTO '\(backup)'")
        try first.announcePresence(screen: "members")
        try second.announcePresence(screen: "inboxes")
        // After the backup: a change that lives in the old file's write-ahead log while they hold it.
        _ = try fixture.open(as: .workspaceAdmin).perform(.renameInbox(phone: F.publicPhone, name: try DisplayName("After the backup")))
        #expect(FileManager.default.fileExists(atPath: fixture.path + "-wal"))
        #expect(rename(backup, fixture.path) == 0)

        #expect { try fixture.open(as: .workspaceAdmin) } throws: { error in
            "\(error)".contains("was replaced while 2 interfaces (workspace-admin-login) still had the file that was there before")
        }
        guard case .waiting(let why) = try first.reopen() else {
            Issue.record("the first reopened while the second still held the old file")
            return
        }
        #expect(why.contains("an interface (workspace-admin-login) still had"))
        #expect(try second.reopen() == .reopened, "the last holder let go, and its log went with it")
        #expect(try first.reopen() == .reopened)
        for workspace in [first, second, try fixture.open(as: .workspaceAdmin)] {
            #expect(try workspace.inboxList().first { $0.phone == F.publicPhone }?.name == "Support", "the backup as it was")
        }
    }

    @Test func aDeletedFileSaysSoAndCannotBeReopened() throws {
        let fixture = try StoreFixture()
        let open = try fixture.open(as: .workspaceAdmin)
        try #require(unlink(fixture.path) == 0)
        #expect { try open.reopen() } throws: { "\($0)".contains("was deleted") }
    }

    @Test func aDeletedFileSaysSo() throws {
        let fixture = try StoreFixture()
        let open = try fixture.open(as: .workspaceAdmin)
        try #require(unlink(fixture.path) == 0)
        #expect { try open.dataVersion() } throws: { "\($0)".contains("was deleted") }
    }
}
