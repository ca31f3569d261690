import Foundation
import Testing
import TeamMail
import TestSupport
@testable import TeamCore
@testable import TeamStore

@Suite(.timeLimit(.minutes(10))) struct OutboxTests {
    typealias F = StoreFixture

    @Test func aClaimLeasesMailSoASecondFlushDoesNotSendItToo() throws {
        let fixture = try StoreFixture()
        let sent = try fixture.invite("lena@example.com")
        let first = try fixture.open(as: .workspaceAdmin).claimMail(MailSelection())
        #expect(first.mails.map(\.id) == [sent.mail])
        #expect(first.mails.first?.message.contains(sent.token) == true)
        #expect(first.mails.first?.attempt == 1)
        let second = try fixture.open(as: .admin).claimMail(MailSelection())
        #expect(second.mails.isEmpty)
    }

    @Test func failuresStayQueuedRetryAtOnceThenBackOff() throws {
        let fixture = try StoreFixture()
        let clock = TestClock()
        let sent = try fixture.invite("mo@example.com", clock: clock)
        let outbox = try fixture.open(as: .workspaceAdmin, clock: clock)
        _ = try outbox.claimMail(MailSelection())
        try outbox.recordDelivery(sent.mail, .failed("connection refused"))
        var entry = try #require(try outbox.mailQueue().first)
        #expect(entry.state == .queued && entry.attempts == 1 && entry.lastError == "connection refused")
        #expect(entry.nextAttemptAt == clock.now)   // the first retry is due at the next flush
        #expect(try outbox.claimMail(MailSelection()).mails.count == 1)
        try outbox.recordDelivery(sent.mail, .failed("connection refused"))
        entry = try #require(try outbox.mailQueue().first)
        #expect(entry.nextAttemptAt.seconds == clock.now.seconds + 60)
        #expect(try outbox.claimMail(MailSelection()).mails.isEmpty)
        #expect(try outbox.claimMail(MailSelection(ignoreBackoff: true)).mails.count == 1)
        try outbox.recordDelivery(sent.mail, .delivered("file x"))
        entry = try #require(try outbox.mailQueue().first)
        #expect(entry.state == .sent && entry.attempts == 3 && entry.sentAt == clock.now)
        #expect(MailRetry.delay(afterFailedAttempt: 20) == 3_600)
    }

    @Test func deliveredMessagesLeaveNoTokenInTheSpool() throws {
        let fixture = try StoreFixture()
        let admin = try fixture.open(as: .workspaceAdmin)
        let rows = try ["n1@example.com", "n2@example.com"].enumerated().map { index, email in
            InvitationRow(line: index + 2, email: try EmailAddress(email), role: .member, inboxes: [])
        }
        let report = try admin.importInvitations(rows, dryRun: false)
        let tokens = try report.queuedMail.map { try fixture.token(ofMail: $0, admin) }
        let file = try #require(admin.spool.fileNames().first)
        #expect(admin.spool.fileNames().count == 1)  // one spool file per transaction
        let claim = try admin.claimMail(MailSelection(ids: [report.queuedMail[0]]))
        try admin.recordDelivery(try #require(claim.mails.first).id, .delivered("test"))
        let bytes = try Data(contentsOf: URL(fileURLWithPath: admin.spool.path(file)))
        #expect(bytes.range(of: Data(tokens[0].utf8)) == nil)   // erased
        #expect(bytes.range(of: Data(tokens[1].utf8)) != nil)   // still waiting
        _ = try admin.claimMail(MailSelection())
        try admin.recordDelivery(report.queuedMail[1], .delivered("test"))
        #expect(admin.spool.fileNames().isEmpty)
    }

    @Test func mailOfDeadInvitationsIsCancelledAndStraySpoolFilesSwept() throws {
        let fixture = try StoreFixture()
        let admin = try fixture.open(as: .workspaceAdmin)
        let sent = try fixture.invite("olga@example.com")
        _ = try fixture.accept(sent.token, login: "olga")
        let stray = admin.spool.path("00000000000000000000000000000000.spool")
        try #require(FileManager.default.createFile(atPath: stray, contents: Data("left by a crash".utf8)))
        #expect(try admin.claimMail(MailSelection()).mails.isEmpty)
        #expect(try admin.mailQueue().first?.state == .cancelled)
        #expect(admin.spool.fileNames().isEmpty)
    }

    @Test func aMissingSpooledMessageIsReportedLostNotDropped() throws {
        let fixture = try StoreFixture()
        let admin = try fixture.open(as: .workspaceAdmin)
        let sent = try fixture.invite("pia@example.com")
        for file in admin.spool.fileNames() { admin.spool.remove(file) }
        let claim = try admin.claimMail(MailSelection())
        #expect(claim.lost == [sent.mail])
        let entry = try #require(try admin.mailQueue().first)
        #expect(entry.state == .lost)
        #expect(entry.lastError?.contains("resend the invitation") == true)
    }

    @Test func theSpoolBesideAWorkspaceInAGroupSharedFolderIsSharedWithTheGroup() throws {
        let dir = TempDirectory()
        let shared = dir.file("shared")
        try FileManager.default.createDirectory(atPath: shared, withIntermediateDirectories: false)
        try #require(chmod(shared, 0o2770) == 0)
        let admin = try SQLiteWorkspace.create(
            path: shared + "/w.db", name: DisplayName("G"), adminEmail: EmailAddress("a@b.co"), adminName: DisplayName("A"),
            identity: OperatorIdentity(osLogin: "owner", interface: .cli), options: StoreOptions())
        _ = try admin.perform(.invite(email: EmailAddress("gus@example.com"), role: .member, inboxes: []))
        let folder = try FileManager.default.attributesOfItem(atPath: admin.spool.directory)
        #expect((folder[.posixPermissions] as? Int) == 0o2770)
        let file = try #require(admin.spool.fileNames().first)
        let spooled = try FileManager.default.attributesOfItem(atPath: admin.spool.path(file))
        #expect((spooled[.posixPermissions] as? Int) == 0o600)
    }

    @Test func transportErrorsAreKeptWithoutAnythingTokenLike() {
        let token = InvitationToken.generate().text
        let kept = MailRedaction.redact("relay said: bad line \(token)\r\nmore\u{1b}[2J")
        #expect(!kept.contains(token))
        #expect(kept.contains("[redacted]"))
        #expect(!kept.unicodeScalars.contains { $0.value < 0x20 })
    }

    @Test func importIsAllOrNothingAndNamesEachLine() throws {
        let fixture = try StoreFixture()
        let admin = try fixture.open(as: .admin)
        try fixture.invite("pending@example.com")
        func row(_ line: Int, _ email: String, _ role: Role, _ inboxes: [PhoneNumber] = []) throws -> InvitationRow {
            InvitationRow(line: line, email: try EmailAddress(email), role: role, inboxes: inboxes)
        }
        let rows = [
            try row(2, "ok@example.com", .agent, [F.publicPhone]),
            try row(3, "agent@acme.test", .member),
            try row(4, "pending@example.com", .member),
            try row(5, "ok@example.com", .member),
            try row(7, "boss@example.com", .admin),
            try row(8, "nowhere@example.com", .member, [try PhoneNumber("+14155550777")]),
        ]
        let before = try admin.db.scalarInt("SELECT count(*) FROM invitations")
        let report = try admin.importInvitations(rows, dryRun: false)
        #expect(!report.applied)
        #expect(report.errors.map(\.line) == [3, 4, 5, 7, 8])
        #expect(report.errors[0].message.contains("already an active member"))
        #expect(report.errors[1].message.contains("pending invitation"))
        #expect(report.errors[2].message.contains("line 2"))
        #expect(report.errors[3].message.contains("escalation"))
        #expect(report.errors[4].message.contains("no inbox"))
        #expect(try admin.db.scalarInt("SELECT count(*) FROM invitations") == before)
        #expect(admin.spool.fileNames().count == 1)  // only the earlier invite's

        let good = [try row(2, "ok@example.com", .agent, [F.publicPhone]), try row(3, "ok2@example.com", .member)]
        let dry = try admin.importInvitations(good, dryRun: true)
        #expect(dry.errors.isEmpty && !dry.applied)
        #expect(try admin.db.scalarInt("SELECT count(*) FROM invitations") == before)
        let done = try admin.importInvitations(good, dryRun: false)
        #expect(done.applied && done.queuedMail.count == 2)
        #expect(try admin.db.scalarInt("SELECT count(*) FROM invitations") == before + 2)
        #expect { try fixture.open(as: .agent).importInvitations(good, dryRun: true) } throws: { refusedRule($0) == .permissionMissing }
    }
}
