import Foundation
import Testing
import TeamMail
import TestSupport
@testable import TeamCore
@testable import TeamStore

/// A queued message swapped in the spool is never sent.
@Suite(.timeLimit(.minutes(10))) struct SpoolTamperTests {
    /// Queues one mail and returns the workspace, the mail and its spool file.
    func queued(_ fixture: StoreFixture) throws -> (SQLiteWorkspace, MailID, String) {
        let sent = try fixture.invite("tess@example.com")
        let admin = try fixture.open(as: .workspaceAdmin)
        let file = try #require(admin.spool.fileNames().first)
        return (admin, sent.mail, admin.spool.path(file))
    }

    @Test func aMessageChangedInTheSpoolIsRefusedKeptQueuedAndFlagged() throws {
        let fixture = try StoreFixture()
        let (admin, mail, path) = try queued(fixture)
        // Same length, same owner and mode: only the content differs (an added Bcc, say).
        var bytes = try #require(FileManager.default.contents(atPath: path))
        let swapped = String(decoding: bytes, as: UTF8.self).replacingOccurrences(of: "Subject:", with: "Subjekt:")
        bytes = Data(swapped.utf8)
        try bytes.write(to: URL(fileURLWithPath: path))
        let claim = try admin.claimMail(MailSelection())
        #expect(claim.mails.isEmpty, "the swapped message was handed to the transport")
        #expect(claim.tampered == [mail])
        let entry = try #require(try admin.mailQueue().first)
        #expect(entry.state == .queued && entry.tampered)
        #expect(entry.lastError?.hasPrefix("tampered: ") == true, "\(entry.lastError ?? "")")
    }

    @Test func aReplacedFileWritableByOthersIsRefused() throws {
        let fixture = try StoreFixture()
        let (admin, mail, path) = try queued(fixture)
        try #require(chmod(path, 0o666) == 0)
        #expect(try admin.claimMail(MailSelection()).tampered == [mail])
    }

    @Test
    func aFileOwnedBySomeoneElseIsRefused() throws {
        try requireRoot()  // to give files to other users
        let fixture = try StoreFixture()
        let (admin, mail, path) = try queued(fixture)
        try #require(chown(path, 65534, 65534) == 0)
        #expect(try admin.claimMail(MailSelection()).tampered == [mail])
    }

    @Test func aFIFOInPlaceOfTheMessageIsRefusedAtOnce() throws {
        let fixture = try StoreFixture()
        let (admin, mail, path) = try queued(fixture)
        try #require(unlink(path) == 0 && mkfifo(path, 0o600) == 0)
        #expect(try admin.claimMail(MailSelection()).tampered == [mail])
    }

    @Test func aSpoolFolderOpenToItsGroupInAPrivateWorkspaceIsRefused() throws {
        let fixture = try StoreFixture()
        let (admin, _, _) = try queued(fixture)
        try #require(chmod(admin.spool.directory, 0o770) == 0)
        #expect { try admin.claimMail(MailSelection()) } throws: { "\($0)".contains("writable by its group") }
        #expect { try fixture.invite("more@example.com") } throws: { "\($0)".contains("writable by its group") }
    }

    @Test func theFolderRule() {
        typealias R = SpoolFolderRule
        #expect(R.problem(isFolder: true, owner: 1000, group: 1000, mode: 0o40700, runningAs: 1000, sharedGroup: nil) == nil)
        #expect(R.problem(isFolder: true, owner: 1001, group: 1001, mode: 0o40700, runningAs: 1000, sharedGroup: nil) != nil,
                "someone else made it first")
        #expect(R.problem(isFolder: false, owner: 1000, group: 1000, mode: 0o120777, runningAs: 1000, sharedGroup: nil) != nil)
        #expect(R.problem(isFolder: true, owner: 1001, group: 50, mode: 0o42770, runningAs: 1000, sharedGroup: 50) == nil,
                "a group-shared spool is made by whichever operator queued first")
        #expect(R.problem(isFolder: true, owner: 1001, group: 51, mode: 0o42770, runningAs: 1000, sharedGroup: 50) != nil)
        #expect(R.problem(isFolder: true, owner: 1000, group: 50, mode: 0o42777, runningAs: 1000, sharedGroup: 50) != nil)
    }
}

@Suite(.timeLimit(.minutes(10))) struct SpoolEraseTests {
    @Test func aFIFOSwappedInAfterTheClaimDoesNotHangTheErasure() throws {
        let fixture = try StoreFixture()
        let rows = try ["e1@example.com", "e2@example.com"].enumerated().map { index, email in
            InvitationRow(line: index + 2, email: try EmailAddress(email), role: .member, inboxes: [])
        }
        let admin = try fixture.open(as: .workspaceAdmin)
        let report = try admin.importInvitations(rows, dryRun: false)
        let path = admin.spool.path(try #require(admin.spool.fileNames().first))
        let claim = try admin.claimMail(MailSelection(ids: [report.queuedMail[0]]))
        #expect(claim.mails.count == 1)
        // Between sending and erasing, the file becomes a FIFO nobody reads.
        try #require(unlink(path) == 0 && mkfifo(path, 0o600) == 0)
        try admin.recordDelivery(report.queuedMail[0], .delivered("test"))
        #expect(try admin.mailQueue().first?.state == .sent)
    }
}
